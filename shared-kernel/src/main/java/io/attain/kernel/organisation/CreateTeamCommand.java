package io.attain.kernel.organisation;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Creates a sales team in a region, led by a manager.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record CreateTeamCommand(
        @TargetAggregateIdentifier String teamId,
        String name,
        String regionId,
        String managerId,
        Instant occurredAt) {

    public CreateTeamCommand {
        InputContract.identifier(teamId, "teamId");
        InputContract.name(name, "name");
        InputContract.identifier(regionId, "regionId");
        InputContract.identifier(managerId, "managerId");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
