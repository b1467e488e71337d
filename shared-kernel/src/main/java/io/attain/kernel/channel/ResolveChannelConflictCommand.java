package io.attain.kernel.channel;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A manager (of the team of one of the claiming deals' owners) or an admin resolves a channel conflict, naming the
 * winning claim (by its deal) and a reason. Rules checked by the CustomerChannel aggregate: the conflict exists and
 * is open; the winning deal is one of its claims.
 *
 * @param resolvedBy the principal who resolves it
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ResolveChannelConflictCommand(
        @TargetAggregateIdentifier String customerChannelId,
        String conflictId,
        String winningDealId,
        String resolvedBy,
        String reason,
        Instant occurredAt) {

    public ResolveChannelConflictCommand {
        InputContract.reference(customerChannelId, "customerChannelId");
        InputContract.reference(conflictId, "conflictId");
        InputContract.identifier(winningDealId, "winningDealId");
        InputContract.reference(resolvedBy, "resolvedBy");
        InputContract.text(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
