package io.attain.command.web.request;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.cost.CostCategory;
import io.attain.kernel.cost.RecordSalesCostCommand;
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
 * {@code POST /api/v1/costs}: a sales or marketing cost entry, {@code amount currency} spent in {@code period}
 * ({@code 2017-05}, {@code 2017-Q2} or {@code 2017}) on {@code category}, for {@code channel} and {@code teamId} when
 * given. The cost id is generated when not given. Entries are never edited: see {@link SalesCostCorrectionRequest}.
 */
public record SalesCostRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String costId,
        @NotNull(message = Rules.REQUIRED) Period period,
        @NotNull(message = Rules.REQUIRED) CostCategory category,
        Channel channel,
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String teamId,
        @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
        @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
        @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
        BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String currency,
        Instant occurredAt) {

    public RecordSalesCostCommand toCommand(String costId) {
        return new RecordSalesCostCommand(costId, period, category, channel, teamId, new Money(amount, currency),
                occurredAt);
    }
}
