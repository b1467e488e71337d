package io.attain.command.web.request;

import io.attain.kernel.contest.GrantRecognitionCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/reps/{repId}/recognitions}: an honorary title or badge, with the reason. */
public record RecognitionRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String recognitionId,
        @NotBlank(message = Rules.NOT_BLANK) String title,
        @NotBlank(message = Rules.NOT_BLANK) String reason,
        Instant occurredAt) {

    public GrantRecognitionCommand toCommand(String id, String repId, String grantedBy) {
        return new GrantRecognitionCommand(id, repId, title, reason, grantedBy, occurredAt);
    }
}
