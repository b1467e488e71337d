package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.contest.GrantRecognitionCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/reps/{repId}/recognitions}: an honorary title or badge, with the reason. */
public record RecognitionRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String recognitionId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String title,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        Instant occurredAt) {

    public GrantRecognitionCommand toCommand(String id, String repId, String grantedBy) {
        return new GrantRecognitionCommand(id, repId, title, reason, grantedBy, occurredAt);
    }
}
