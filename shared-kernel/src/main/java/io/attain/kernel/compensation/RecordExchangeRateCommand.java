package io.attain.kernel.compensation;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Records the rate from one currency to another, effective from a date until the next recorded
 * date ({@code 1 fromCurrency = rate toCurrency}).
 *
 * <p>Rules checked by the ExchangeRate aggregate: {@code pairId} is
 * {@link CompensationIds#exchangeRatePairId fx:FROM-TO}; both currencies are ISO 4217 codes and
 * differ; the rate is positive; one rate per effective date.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record RecordExchangeRateCommand(
        @TargetAggregateIdentifier String pairId,
        String fromCurrency,
        String toCurrency,
        BigDecimal rate,
        LocalDate effectiveDate,
        Instant occurredAt) {

    public RecordExchangeRateCommand {
        InputContract.reference(pairId, "pairId");
        Require.nonBlank(fromCurrency, "fromCurrency");
        Require.nonBlank(toCurrency, "toCurrency");
        rate = InputContract.rate(Require.nonNull(rate, "rate"), "rate");
        InputContract.date(Require.nonNull(effectiveDate, "effectiveDate"), "effectiveDate");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
