package io.attain.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest sequence number this process has seen written for an aggregate (by appending it or reading it back),
 * for the most recently used aggregates. Knowledge only grows: commits are never removed from the log, so "sequence
 * number {@code s} of {@code A} exists" stays true once seen. Appends use it to skip the look-up that proves an
 * append does not leave a hole; loads use it to notice a stream that ends before what this process saw.
 */
final class KnownStreams {

    private final Map<String, Long> lastSeq;

    KnownStreams(int capacity) {
        this.lastSeq = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The highest sequence number known to exist for the aggregate, or -1. */
    synchronized long lastKnown(String aggregateId) {
        Long known = lastSeq.get(aggregateId);
        return known == null ? -1 : known;
    }

    synchronized void sawUpTo(String aggregateId, long seq) {
        lastSeq.merge(aggregateId, seq, Math::max);
    }
}
