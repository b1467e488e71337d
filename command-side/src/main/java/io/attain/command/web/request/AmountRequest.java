package io.attain.command.web.request;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.common.Money;
import io.attain.kernel.deal.ChangeDealAmountCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code PUT /api/v1/deals/{dealId}/amount}: positive, in the deal's currency. */
public record AmountRequest(
        @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
        @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
        @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
        BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String currency,
        Instant occurredAt) {

    public ChangeDealAmountCommand toCommand(String dealId) {
        return new ChangeDealAmountCommand(dealId, new Money(amount, currency), occurredAt);
    }
}
