package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.compensation.ResolveDisputeCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * {@code POST /api/v1/statements/{repId}/{period}/disputes/{disputeId}/resolution}: accepted with a (non-zero)
 * {@code adjustment}, or rejected with a {@code reason}.
 */
public record DisputeResolutionRequest(
        @NotNull(message = Rules.REQUIRED) Boolean accepted,
        @Valid MoneyBody adjustment,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN)
        @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        Instant occurredAt) {

    public ResolveDisputeCommand toCommand(String statementId, String disputeId, String managerId) {
        return new ResolveDisputeCommand(statementId, disputeId, managerId, accepted,
                adjustment == null ? null : adjustment.toMoney(), reason, occurredAt);
    }
}
