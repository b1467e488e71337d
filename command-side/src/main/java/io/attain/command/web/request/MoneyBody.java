package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import io.attain.kernel.common.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency, e.g. {@code {"amount": 1200.50, "currency": "EUR"}}. */
public record MoneyBody(
        @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
        @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
        @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
        BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String currency) {

    public Money toMoney() {
        return new Money(amount, currency);
    }
}
