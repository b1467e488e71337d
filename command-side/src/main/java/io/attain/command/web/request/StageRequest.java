package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.AdvanceDealCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * {@code POST /api/v1/deals/{dealId}/stage}: moves an open deal to {@code stage}; {@code reason} is
 * required for LOST; {@code finalAmount} only with WON.
 */
public record StageRequest(
        @NotNull(message = Rules.REQUIRED) Stage stage,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN)
        @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        @Valid MoneyBody finalAmount,
        Instant occurredAt) {

    public AdvanceDealCommand toCommand(String dealId) {
        return new AdvanceDealCommand(dealId, stage, reason, finalAmount == null ? null : finalAmount.toMoney(),
                occurredAt);
    }
}
