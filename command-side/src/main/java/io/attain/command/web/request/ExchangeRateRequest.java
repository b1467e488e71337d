package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.RecordExchangeRateCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** {@code POST /api/v1/exchange-rates}: {@code 1 fromCurrency = rate toCurrency} from {@code effectiveDate} on. */
public record ExchangeRateRequest(
        @NotBlank(message = Rules.NOT_BLANK) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String fromCurrency,
        @NotBlank(message = Rules.NOT_BLANK) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String toCurrency,
        @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
        @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
        @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.RATE_DECIMALS, message = Rules.RATE_DIGITS_RULE)
        BigDecimal rate,
        @NotNull(message = Rules.REQUIRED) LocalDate effectiveDate,
        Instant occurredAt) {

    public String pairId() {
        return CompensationIds.exchangeRatePairId(fromCurrency, toCurrency);
    }

    public RecordExchangeRateCommand toCommand() {
        return new RecordExchangeRateCommand(pairId(), fromCurrency, toCurrency, rate, effectiveDate, occurredAt);
    }
}
