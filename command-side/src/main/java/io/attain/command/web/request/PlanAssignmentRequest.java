package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.common.Role;
import io.attain.kernel.compensation.AssignPlanCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.time.LocalDate;

/** {@code POST /api/v1/plans/{planId}/assignments}: exactly one of {@code repId} and {@code role}, from a date on. */
public record PlanAssignmentRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String repId,
        Role role,
        @NotNull(message = Rules.REQUIRED) LocalDate effectiveFrom,
        Instant occurredAt) {

    public AssignPlanCommand toCommand(String planId) {
        if ((repId == null) == (role == null)) {
            throw new IllegalArgumentException("repId: exactly one of repId and role is required");
        }
        return new AssignPlanCommand(planId, repId, role, effectiveFrom, occurredAt);
    }
}
