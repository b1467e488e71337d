package io.attain.command.process.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;
import java.util.List;

/**
 * The event a process's command follows from: its id (for deterministic line ids), its global position (lineage)
 * and its business time.
 */
public record Trigger(String eventId, Long position, Instant occurredAt) {

    public Trigger(EventMessage<?> message, Instant occurredAt) {
        this(message.getIdentifier(), positionOf(message), occurredAt);
    }

    /** The global position of a tracked event, or {@code null}. */
    public static Long positionOf(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().stream().boxed().findFirst().orElse(null);
        }
        return null;
    }

    /** The position as a list of lineage positions (empty when unknown). */
    public static List<Long> positions(Long position) {
        return position == null ? List.of() : List.of(position);
    }
}
