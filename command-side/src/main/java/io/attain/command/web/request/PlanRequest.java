package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.compensation.CreatePlanCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/plans}: a compensation plan (its terms come with its versions). */
public record PlanRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String planId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String name,
        Instant occurredAt) {

    public CreatePlanCommand toCommand(String id) {
        return new CreatePlanCommand(id, name, occurredAt);
    }
}
