package io.attain.command.web.request;

import io.attain.kernel.product.RegisterProductLineCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * {@code POST /api/v1/product-lines}: the id is the product name (e.g. "GTX Pro") that deals, proposals
 * and product targets use; {@code listPrice} is {@code {"amount": …, "currency": …}}.
 */
public record ProductLineRequest(
        @NotBlank(message = Rules.NOT_BLANK) String productLineId,
        @NotBlank(message = Rules.NOT_BLANK) String series,
        @NotNull(message = Rules.REQUIRED) @Valid MoneyBody listPrice,
        Instant occurredAt) {

    public RegisterProductLineCommand toCommand() {
        return new RegisterProductLineCommand(productLineId, series, listPrice.toMoney(), occurredAt);
    }
}
