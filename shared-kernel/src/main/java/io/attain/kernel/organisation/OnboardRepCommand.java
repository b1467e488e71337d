package io.attain.kernel.organisation;

import io.attain.kernel.common.InputContract;
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
        InputContract.identifier(repId, "repId");
        InputContract.name(name, "name");
        Require.nonNull(role, "role");
        InputContract.identifier(teamId, "teamId");
        InputContract.identifier(managerId, "managerId");
        InputContract.date(Require.nonNull(hireDate, "hireDate"), "hireDate");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
