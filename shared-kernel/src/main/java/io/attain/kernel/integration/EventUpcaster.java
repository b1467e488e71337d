package io.attain.kernel.integration;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One step in the evolution of an event type (issue 11, ADR 0011 "Evolution"): a stored payload of
 * {@link #eventClass()} at revision {@link #fromRevision()} read as revision {@link #toRevision()}. A pure function
 * on the payload's JSON tree as plain Java ({@code Map<String, Object>} for objects, {@code List<Object>} for arrays,
 * {@code String}, {@code BigDecimal}/{@code BigInteger}/{@code Long}/{@code Integer}, {@code Boolean}, {@code null}),
 * so that it needs no JSON library and applies the same on every read path (Axon's aggregates and projections, the
 * integrator feed, stream and webhooks). Stored events are never rewritten: readers upcast.
 * <p>
 * {@link #upcast} receives a deep, mutable copy of the payload (it may change and return it, or return a new map).
 * Declared in {@link EventRevisions#KERNEL} for the kernel's records; further ones can be added by configuration
 * (in the app: Spring beans of this type).
 */
public interface EventUpcaster {

    /** The record whose stored payloads this step reads. */
    Class<?> eventClass();

    /** The revision this step reads. */
    String fromRevision();

    /** The revision this step produces: the next one. */
    String toRevision();

    /** The payload at {@link #toRevision()}. */
    Map<String, Object> upcast(Map<String, Object> payload);

    /** A step from a function. */
    static EventUpcaster of(Class<?> eventClass, String fromRevision, String toRevision,
                            UnaryOperator<Map<String, Object>> step) {
        Objects.requireNonNull(eventClass, "eventClass");
        Objects.requireNonNull(fromRevision, "fromRevision");
        Objects.requireNonNull(toRevision, "toRevision");
        Objects.requireNonNull(step, "step");
        if (fromRevision.equals(toRevision)) {
            throw new IllegalArgumentException(eventClass.getName() + ": an upcaster from revision " + fromRevision
                                                       + " to itself");
        }
        return new EventUpcaster() {
            @Override
            public Class<?> eventClass() {
                return eventClass;
            }

            @Override
            public String fromRevision() {
                return fromRevision;
            }

            @Override
            public String toRevision() {
                return toRevision;
            }

            @Override
            public Map<String, Object> upcast(Map<String, Object> payload) {
                return step.apply(payload);
            }

            @Override
            public String toString() {
                return "EventUpcaster[" + eventClass.getName() + " " + fromRevision + " -> " + toRevision + "]";
            }
        };
    }
}
