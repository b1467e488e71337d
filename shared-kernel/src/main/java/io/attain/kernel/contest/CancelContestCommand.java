package io.attain.kernel.contest;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Cancels a contest that is neither closed nor cancelled; nothing can be awarded afterwards.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record CancelContestCommand(
        @TargetAggregateIdentifier String contestId,
        String cancelledBy,
        String reason,
        Instant occurredAt) {

    public CancelContestCommand {
        InputContract.identifier(contestId, "contestId");
        InputContract.reference(cancelledBy, "cancelledBy");
        InputContract.text(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
