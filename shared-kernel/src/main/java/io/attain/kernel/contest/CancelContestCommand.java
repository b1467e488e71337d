package io.attain.kernel.contest;

import io.attain.kernel.common.Require;
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
        Require.nonBlank(contestId, "contestId");
        Require.nonBlank(cancelledBy, "cancelledBy");
        Require.nonBlank(reason, "reason");
    }
}
