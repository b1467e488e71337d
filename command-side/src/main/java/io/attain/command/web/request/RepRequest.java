package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.common.Role;
import io.attain.kernel.organisation.OnboardRepCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.time.LocalDate;

/** {@code POST /api/v1/reps}; the rep id is generated when not given. */
public record RepRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String repId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String name,
        @NotNull(message = Rules.REQUIRED) Role role,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String teamId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String managerId,
        @NotNull(message = Rules.REQUIRED) LocalDate hireDate,
        Instant occurredAt) {

    public OnboardRepCommand toCommand(String repId) {
        return new OnboardRepCommand(repId, name, role, teamId, managerId, hireDate, occurredAt);
    }
}
