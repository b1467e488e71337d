package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.compensation.PayCommissionCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;

/** {@code POST /api/v1/statements/{repId}/{period}/payments}: a payout batch pays (part of) the approved amount. */
public record PaymentRequest(
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String batchId,
        @NotNull(message = Rules.REQUIRED) @Valid MoneyBody amount,
        @NotNull(message = Rules.REQUIRED) LocalDate paymentDate,
        Instant occurredAt) {

    public PayCommissionCommand toCommand(String statementId) {
        return new PayCommissionCommand(statementId, batchId, amount.toMoney(), paymentDate, occurredAt);
    }
}
