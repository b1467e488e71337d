package io.attain.eventstore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers, per global position, when a reader of this process first found it missing while a later position was
 * already allocated. It measures waiting on a monotonic local clock: no wall clock, no event timestamp and no other
 * machine's clock decides the order of the log or whether a position is given up.
 * <p>
 * A position that follows a missing position inherits its "missing since" time, so that one commit that was
 * allocated and never written (its positions are consecutive) costs a reader one hold-back, not one per window.
 */
final class GapClock {

    private final Map<Long, Long> missingSince = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    GapClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    long now() {
        return nanoTime.getAsLong();
    }

    /** Records that {@code position} is missing (if not yet known) and returns since when, in nanos. */
    long missing(long position) {
        Long since = missingSince.get(position);
        if (since != null) {
            return since;
        }
        Long previous = missingSince.get(position - 1);
        long value = previous != null ? previous : now();
        Long raced = missingSince.putIfAbsent(position, value);
        return raced != null ? raced : value;
    }

    /** True when {@code position} has been missing for at least {@code timeout}. */
    boolean missingLongerThan(long position, Duration timeout) {
        return now() - missing(position) >= timeout.toNanos();
    }

    /** The position showed up (or was given up for good): forget it. */
    void forget(long position) {
        if (!missingSince.isEmpty()) {
            missingSince.remove(position);
        }
    }

    /** Drops every position at or below {@code position}, e.g. when no reader can still ask for them. */
    void forgetUpTo(long position) {
        if (!missingSince.isEmpty()) {
            missingSince.keySet().removeIf(p -> p <= position);
        }
    }

    /** Drops entries older than {@code age}; keeps the map bounded in a long-running process. */
    void purgeOlderThan(Duration age) {
        if (!missingSince.isEmpty()) {
            long limit = now() - age.toNanos();
            missingSince.values().removeIf(since -> since < limit);
        }
    }

    int size() {
        return missingSince.size();
    }
}
