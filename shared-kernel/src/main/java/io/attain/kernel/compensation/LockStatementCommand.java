package io.attain.kernel.compensation;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Locks an approved statement: its period accepts no change any more (later corrections go to the
 * rep's first open period); it can still be paid.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record LockStatementCommand(
        @TargetAggregateIdentifier String statementId,
        String lockedBy,
        Instant occurredAt) {

    public LockStatementCommand {
        InputContract.reference(statementId, "statementId");
        InputContract.reference(lockedBy, "lockedBy");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
