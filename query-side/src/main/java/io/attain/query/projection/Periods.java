package io.attain.query.projection;

import io.attain.kernel.common.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The periods an instant of business time falls into (UTC), and dates as read models store them. */
public final class Periods {

    private Periods() {
    }

    /** The month, quarter and year (UTC) that contain the instant, in that order, as canonical text. */
    public static List<String> of(Instant instant) {
        return List.of(Period.monthOf(instant).toString(), Period.quarterOf(instant).toString(),
                       Period.yearOf(instant).toString());
    }

    /** The periods of a date (UTC). */
    public static List<String> of(LocalDate date) {
        return of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The UTC calendar date of an instant. */
    public static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The first instant of the day after the period: everything strictly before it lies in or before the period. */
    public static Instant endInstant(Period period) {
        return period.end().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
