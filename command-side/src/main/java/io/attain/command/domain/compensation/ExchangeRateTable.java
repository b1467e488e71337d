package io.attain.command.domain.compensation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The recorded rates of one currency pair by effective date. Pure; never guesses: a date before the
 * first recorded rate has {@link NoRate no rate}, it is not converted with the nearest one.
 */
public final class ExchangeRateTable {

    /** The outcome of a lookup: a rate, or explicitly none. */
    public sealed interface RateOnDate permits Found, NoRate {
    }

    /** The rate in force on the date, recorded as effective from {@code effectiveDate}. */
    public record Found(BigDecimal rate, LocalDate effectiveDate) implements RateOnDate {
    }

    /** No rate is in force on the date (none recorded on or before it). */
    public record NoRate(LocalDate date) implements RateOnDate {
    }

    private final TreeMap<LocalDate, BigDecimal> rates = new TreeMap<>();

    /** Records (or replaces) the rate effective from a date. */
    public ExchangeRateTable with(LocalDate effectiveDate, BigDecimal rate) {
        rates.put(Objects.requireNonNull(effectiveDate, "effectiveDate"), Objects.requireNonNull(rate, "rate"));
        return this;
    }

    /** {@code true} if a rate is recorded as effective from exactly this date. */
    public boolean hasRateFrom(LocalDate effectiveDate) {
        return rates.containsKey(effectiveDate);
    }

    /** The rate effective on the business date: the latest recorded on or before it, else {@link NoRate}. */
    public RateOnDate rateOn(LocalDate date) {
        Map.Entry<LocalDate, BigDecimal> entry = rates.floorEntry(Objects.requireNonNull(date, "date"));
        return entry == null ? new NoRate(date) : new Found(entry.getValue(), entry.getKey());
    }
}
