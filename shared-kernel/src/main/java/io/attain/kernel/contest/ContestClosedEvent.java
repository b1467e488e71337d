package io.attain.kernel.contest;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A contest was closed after its window: its standings are final and its prizes may be awarded. */
@Revision("1")
public record ContestClosedEvent(
        String contestId,
        String closedBy,
        Instant occurredAt) {
}
