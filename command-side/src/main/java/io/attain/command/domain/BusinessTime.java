package io.attain.command.domain;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Business time: when something happened in the real world, as opposed to the recording time (the
 * Axon event message timestamp).
 */
public final class BusinessTime {

    private BusinessTime() {
    }

    /**
     * The command's business time, or "now" by Axon's message clock when the command has none. The
     * message clock ({@link GenericEventMessage#clock}) is what test fixtures control, so aggregates
     * must never call {@code Instant.now()} themselves.
     */
    public static Instant orNow(Instant occurredAt) {
        return occurredAt != null ? occurredAt : GenericEventMessage.clock.instant();
    }

    /** The calendar date of an instant in UTC, the time zone all periods are computed in. */
    public static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
