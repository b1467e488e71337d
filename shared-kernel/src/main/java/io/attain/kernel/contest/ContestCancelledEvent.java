package io.attain.kernel.contest;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A contest was cancelled; its standings stay as they were, nothing is awarded. */
@Revision("1")
public record ContestCancelledEvent(
        String contestId,
        String cancelledBy,
        String reason,
        Instant occurredAt) {
}
