package io.attain.query.statement;

import java.time.Instant;

/**
 * One event of a commission statement's stream with its lineage: its global position in the log, its event id
 * (the message identifier) and its recording time (the message timestamp). The projection builds these from the
 * tracked event messages (position from the tracking tokens); the audit fold from the log
 * ({@link StatementLog}: the event store's read of the statement's stream, positions from the commit documents).
 */
public record StatementEvent(long position, String eventId, Instant recordedAt, Object payload) {
}
