package io.attain.query.api;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a deal: its sequence number in the deal, type (e.g. {@code DealWon}), business time, recording
 * time (the event message's timestamp), global position in the log, and its notable fields.
 */
public record TimelineEvent(long seq, String type, Instant occurredAt, Instant recordedAt, long position,
                            Map<String, Object> summary) {
}
