package io.attain.command.web.request;

import io.attain.kernel.common.Money;
import io.attain.kernel.cost.CorrectSalesCostCommand;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code POST /api/v1/costs/{costId}/corrections}: what the entry's amount should have been ({@code 0} voids it), in
 * the entry's currency, and why. The recorded amount stays in the history.
 */
public record SalesCostCorrectionRequest(
        @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
        @DecimalMin(value = "0", message = "must not be negative (zero voids the entry)")
        @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
        BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String currency,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        Instant occurredAt) {

    public CorrectSalesCostCommand toCommand(String costId) {
        return new CorrectSalesCostCommand(costId, new Money(amount, currency), reason, occurredAt);
    }
}
