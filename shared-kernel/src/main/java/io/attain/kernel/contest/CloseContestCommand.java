package io.attain.kernel.contest;

import io.attain.kernel.common.Require;
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
        Require.nonBlank(contestId, "contestId");
        Require.nonBlank(closedBy, "closedBy");
    }
}
