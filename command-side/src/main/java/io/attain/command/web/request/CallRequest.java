package io.attain.command.web.request;

import io.attain.kernel.activity.LogCallCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/activities/calls}; the activity id is generated when not given. */
public record CallRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String activityId,
        @NotBlank(message = Rules.NOT_BLANK) String repId,
        @NotBlank(message = Rules.NOT_BLANK) String customer,
        @NotBlank(message = Rules.NOT_BLANK) String purpose,
        @NotBlank(message = Rules.NOT_BLANK) String outcome,
        Instant occurredAt) {

    public LogCallCommand toCommand(String activityId) {
        return new LogCallCommand(repId, activityId, customer, purpose, outcome, occurredAt);
    }
}
