package io.attain.kernel.contest;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Closes a launched contest after its window's end: its standings are final and its prizes may be awarded.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record CloseContestCommand(
        @TargetAggregateIdentifier String contestId,
        String closedBy,
        Instant occurredAt) {

    public CloseContestCommand {
        InputContract.identifier(contestId, "contestId");
        InputContract.reference(closedBy, "closedBy");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
