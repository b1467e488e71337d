package io.attain.kernel.organisation;

import io.attain.kernel.common.Require;
import io.attain.kernel.common.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Onboards a sales rep into a team, reporting to a manager, employed from {@code hireDate}.
 *
 * <p>For imported data the rep id is the agent's name.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record OnboardRepCommand(
        @TargetAggregateIdentifier String repId,
        String name,
        Role role,
        String teamId,
        String managerId,
        LocalDate hireDate,
        Instant occurredAt) {

    public OnboardRepCommand {
        Require.nonBlank(repId, "repId");
        Require.nonBlank(name, "name");
        Require.nonNull(role, "role");
        Require.nonBlank(teamId, "teamId");
        Require.nonBlank(managerId, "managerId");
        Require.nonNull(hireDate, "hireDate");
    }
}
