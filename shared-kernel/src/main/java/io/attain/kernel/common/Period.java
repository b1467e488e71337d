package io.attain.kernel.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar month, quarter or year, in UTC.
 *
 * <p>Canonical text (the only accepted input, and the JSON form):
 * <ul>
 *     <li>month: {@code 2017-05}</li>
 *     <li>quarter: {@code 2017-Q2}</li>
 *     <li>year: {@code 2017}</li>
 * </ul>
 * Years have four digits (0001–9999). {@link #start()} is the first day of the period and
 * {@link #end()} the first day after it (exclusive). Instants are mapped to dates in UTC.
 */
public final class Period {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    private final PeriodUnit unit;
    private final int year;
    /** Month 1–12, quarter 1–4, or 1 for a year. */
    private final int index;

    private Period(PeriodUnit unit, int year, int index) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("period: year must be between 0001 and 9999, was " + year);
        }
        this.unit = unit;
        this.year = year;
        this.index = index;
    }

    /**
     * Parses the canonical text of a period.
     *
     * @throws IllegalArgumentException if the text is not {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Period parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("period: is required");
        }
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = QUARTER.matcher(text);
        if (m.matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(text);
        if (m.matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("period: \"" + text + "\" is not a valid period;"
                + " expected a month (2017-05), a quarter (2017-Q2) or a year (2017)");
    }

    public static Period month(int year, int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("period: month must be between 1 and 12, was " + month);
        }
        return new Period(PeriodUnit.MONTH, year, month);
    }

    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("period: quarter must be between 1 and 4, was " + quarter);
        }
        return new Period(PeriodUnit.QUARTER, year, quarter);
    }

    public static Period year(int year) {
        return new Period(PeriodUnit.YEAR, year, 1);
    }

    /** The month (UTC) that contains the instant. */
    public static Period monthOf(Instant instant) {
        LocalDate date = utcDate(instant);
        return month(date.getYear(), date.getMonthValue());
    }

    /** The quarter (UTC) that contains the instant. */
    public static Period quarterOf(Instant instant) {
        LocalDate date = utcDate(instant);
        return quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** The year (UTC) that contains the instant. */
    public static Period yearOf(Instant instant) {
        return year(utcDate(instant).getYear());
    }

    public PeriodUnit unit() {
        return unit;
    }

    public int year() {
        return year;
    }

    /** The first day of the period (inclusive). */
    public LocalDate start() {
        return switch (unit) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The first day after the period (exclusive). */
    public LocalDate end() {
        return switch (unit) {
            case MONTH -> start().plusMonths(1);
            case QUARTER -> start().plusMonths(3);
            case YEAR -> start().plusYears(1);
        };
    }

    /** {@code true} if the date lies within {@code [start, end)}. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && date.isBefore(end());
    }

    /** {@code true} if the instant, taken in UTC, lies within the period. */
    public boolean contains(Instant instant) {
        return contains(utcDate(instant));
    }

    private static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC);
    }

    /** The canonical text: {@code 2017-05}, {@code 2017-Q2} or {@code 2017}. */
    @JsonValue
    @Override
    public String toString() {
        return switch (unit) {
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", year, index);
            case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", year, index);
            case YEAR -> String.format(Locale.ROOT, "%04d", year);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period other && unit == other.unit && year == other.year && index == other.index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, year, index);
    }
}
