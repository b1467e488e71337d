package io.attain.command.web.request;

import io.attain.kernel.common.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency, e.g. {@code {"amount": 1200.50, "currency": "EUR"}}. */
public record MoneyBody(
        @NotNull(message = Rules.REQUIRED) BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) String currency) {

    public Money toMoney() {
        return new Money(amount, currency);
    }
}
