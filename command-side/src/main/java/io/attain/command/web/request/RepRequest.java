package io.attain.command.web.request;

import io.attain.kernel.common.Role;
import io.attain.kernel.organisation.OnboardRepCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.time.LocalDate;

/** {@code POST /api/v1/reps}; the rep id is generated when not given. */
public record RepRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String repId,
        @NotBlank(message = Rules.NOT_BLANK) String name,
        @NotNull(message = Rules.REQUIRED) Role role,
        @NotBlank(message = Rules.NOT_BLANK) String teamId,
        @NotBlank(message = Rules.NOT_BLANK) String managerId,
        @NotNull(message = Rules.REQUIRED) LocalDate hireDate,
        Instant occurredAt) {

    public OnboardRepCommand toCommand(String repId) {
        return new OnboardRepCommand(repId, name, role, teamId, managerId, hireDate, occurredAt);
    }
}
