package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.activity.LogVisitCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/activities/visits}; the activity id is generated when not given. */
public record VisitRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String activityId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String repId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String customer,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String purpose,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String outcome,
        Instant occurredAt) {

    public LogVisitCommand toCommand(String activityId) {
        return new LogVisitCommand(repId, activityId, customer, purpose, outcome, occurredAt);
    }
}
