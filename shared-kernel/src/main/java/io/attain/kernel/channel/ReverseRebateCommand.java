package io.attain.kernel.channel;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Reverses the active rebate line of a deal (a reopened deal, a channel conflict lost). Rules checked by the Partner
 * aggregate: the reversal id is new; the deal has an active (accrued, not yet reversed) line. The reversal takes
 * back exactly what the line accrued.
 *
 * @param reversalLineId deterministic, {@link ChannelIds#reversalLineId}
 * @param occurredAt     business time; {@code null} means "now" by the message clock
 */
public record ReverseRebateCommand(
        @TargetAggregateIdentifier String partnerId,
        String reversalLineId,
        String dealId,
        String reason,
        List<String> sourceEventIds,
        List<Long> sourcePositions,
        Instant occurredAt) {

    public ReverseRebateCommand {
        InputContract.reference(partnerId, "partnerId");
        InputContract.reference(reversalLineId, "reversalLineId");
        InputContract.reference(dealId, "dealId");
        InputContract.reference(reason, "reason");
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
        sourcePositions = sourcePositions == null ? List.of() : List.copyOf(sourcePositions);
    }
}
