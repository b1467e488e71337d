package io.attain.eventstore;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The commit field {@code at}: rounded up to the millisecond, never below the instant, clamped at the extremes. */
class RecordedAtTest {

    @Test
    void roundsUpToTheNextMillisecondUnlessOnOne() {
        assertThat(RecordedAt.ceilMillis(Instant.parse("2026-03-01T10:15:30Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:15:30Z").toEpochMilli());
        assertThat(RecordedAt.ceilMillis(Instant.parse("2026-03-01T10:15:30.250Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:15:30.250Z").toEpochMilli());
        assertThat(RecordedAt.ceilMillis(Instant.parse("2026-03-01T10:15:30.250000001Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:15:30.251Z").toEpochMilli());
        assertThat(RecordedAt.ceilMillis(Instant.ofEpochSecond(-1, 999_500_000))).isEqualTo(0L);   // -0.5 ms
        assertThat(RecordedAt.ceilMillis(Instant.ofEpochSecond(-1, 998_500_000))).isEqualTo(-1L);  // -1.5 ms
    }

    @Test
    void clampsWhatALongOfMillisecondsCannotHold() {
        assertThat(RecordedAt.ceilMillis(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(RecordedAt.ceilMillis(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    }
}
