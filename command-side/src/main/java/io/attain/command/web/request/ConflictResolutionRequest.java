package io.attain.command.web.request;

import io.attain.kernel.channel.ResolveChannelConflictCommand;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/** {@code POST /api/v1/channel-conflicts/{conflictId}/resolve}: the winning claim (by its deal) and why. */
public record ConflictResolutionRequest(
        @NotBlank(message = Rules.NOT_BLANK) String winningDealId,
        @NotBlank(message = Rules.NOT_BLANK) String reason,
        Instant occurredAt) {

    public ResolveChannelConflictCommand toCommand(String customerChannelId, String conflictId, String resolvedBy) {
        return new ResolveChannelConflictCommand(customerChannelId, conflictId, winningDealId, resolvedBy, reason,
                occurredAt);
    }
}
