package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String productLineId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String series,
        @NotNull(message = Rules.REQUIRED) @Valid MoneyBody listPrice,
        Instant occurredAt) {

    public RegisterProductLineCommand toCommand() {
        return new RegisterProductLineCommand(productLineId, series, listPrice.toMoney(), occurredAt);
    }
}
