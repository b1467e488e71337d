package io.attain.command.web.request;

import io.attain.kernel.common.Money;
import io.attain.kernel.deal.ChangeDealAmountCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code PUT /api/v1/deals/{dealId}/amount}: positive, in the deal's currency. */
public record AmountRequest(
        @NotNull(message = Rules.REQUIRED) BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) String currency,
        Instant occurredAt) {

    public ChangeDealAmountCommand toCommand(String dealId) {
        return new ChangeDealAmountCommand(dealId, new Money(amount, currency), occurredAt);
    }
}
