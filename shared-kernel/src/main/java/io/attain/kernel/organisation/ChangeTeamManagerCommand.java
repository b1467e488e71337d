package io.attain.kernel.organisation;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Hands a team over to another manager, as of {@code occurredAt}.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ChangeTeamManagerCommand(
        @TargetAggregateIdentifier String teamId,
        String managerId,
        Instant occurredAt) {

    public ChangeTeamManagerCommand {
        InputContract.identifier(teamId, "teamId");
        InputContract.identifier(managerId, "managerId");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
