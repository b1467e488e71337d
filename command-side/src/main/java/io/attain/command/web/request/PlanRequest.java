package io.attain.command.web.request;

import io.attain.kernel.compensation.CreatePlanCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/plans}: a compensation plan (its terms come with its versions). */
public record PlanRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String planId,
        @NotBlank(message = Rules.NOT_BLANK) String name,
        Instant occurredAt) {

    public CreatePlanCommand toCommand(String id) {
        return new CreatePlanCommand(id, name, occurredAt);
    }
}
