package io.attain.eventstore;

import java.time.Instant;

/** The commit field {@code at}: an event timestamp as a BSON date, rounded up to the millisecond. */
final class RecordedAt {

    private RecordedAt() {
    }

    /** The smallest whole millisecond at or after {@code t}, clamped to what a {@code long} holds. */
    static long ceilMillis(Instant t) {
        try {
            long millis = t.toEpochMilli(); // rounds towards negative infinity
            return t.getNano() % 1_000_000 == 0 ? millis : Math.addExact(millis, 1);
        } catch (ArithmeticException e) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
