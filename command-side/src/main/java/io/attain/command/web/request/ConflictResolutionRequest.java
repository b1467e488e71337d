package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.channel.ResolveChannelConflictCommand;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/** {@code POST /api/v1/channel-conflicts/{conflictId}/resolve}: the winning claim (by its deal) and why. */
public record ConflictResolutionRequest(
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String winningDealId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        Instant occurredAt) {

    public ResolveChannelConflictCommand toCommand(String customerChannelId, String conflictId, String resolvedBy) {
        return new ResolveChannelConflictCommand(customerChannelId, conflictId, winningDealId, resolvedBy, reason,
                occurredAt);
    }
}
