package io.attain.kernel.organisation;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Creates a sales region (e.g. "East") led by a manager.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record CreateRegionCommand(
        @TargetAggregateIdentifier String regionId,
        String name,
        String managerId,
        Instant occurredAt) {

    public CreateRegionCommand {
        InputContract.identifier(regionId, "regionId");
        InputContract.name(name, "name");
        InputContract.identifier(managerId, "managerId");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
