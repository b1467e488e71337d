package io.attain.eventstore;

import java.time.Instant;

/**
 * One event of the log with its global position: what integration tools (the integrator feed, webhooks) read through
 * {@link MongoEventStorageEngine#readLog}. As stored, except that the payload is at its type's current revision
 * (upcast by the engine's {@link PayloadRevisions} when it was stored at an older one).
 *
 * @param position        the event's global position
 * @param eventId         the event's identifier (stable forever)
 * @param payloadType     the payload's type as stored (the record's class name)
 * @param payloadRevision the revision of {@code payload}: the type's current one, else as stored (may be {@code null})
 * @param aggregateId     the aggregate the event belongs to, or {@code null} for an event of no aggregate
 * @param aggregateType   the aggregate's type, or {@code null}
 * @param sequenceNumber  the event's sequence number in its aggregate's stream ({@code 0} without an aggregate)
 * @param timestamp       the event message's timestamp (when it was recorded)
 * @param payload         the serialised payload (JSON text) at {@code payloadRevision}
 * @param metaData        the serialised metadata (JSON text)
 */
public record LoggedEvent(long position, String eventId, String payloadType, String payloadRevision,
                          String aggregateId, String aggregateType, long sequenceNumber, Instant timestamp,
                          String payload, String metaData) {
}
