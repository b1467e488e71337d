package io.attain.kernel.channel;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Accrues the partner's rebate for a won indirect deal (sent by the channel process). Rules checked by the Partner
 * aggregate: the deal is won and indirect with this partner; an agreement version is in force on the deal's
 * business date; a deal in another currency than the agreement's carries the {@code conversion} to it; the line id
 * is new and the deal has no active (unreversed) rebate line. The partner calculates the rebate.
 *
 * @param lineId          deterministic, {@link ChannelIds#rebateLineId}
 * @param conversion      the recorded rate in force on the business date, or {@code null} in the agreement's currency
 * @param sourceEventIds  the events the rebate follows from (the DealWon)
 * @param sourcePositions their global positions (may be empty)
 * @param occurredAt      business time; {@code null} means "now" by the message clock
 */
public record AccrueRebateCommand(
        @TargetAggregateIdentifier String partnerId,
        String lineId,
        RebateDeal deal,
        Conversion conversion,
        List<String> sourceEventIds,
        List<Long> sourcePositions,
        Instant occurredAt) {

    public AccrueRebateCommand {
        InputContract.reference(partnerId, "partnerId");
        InputContract.reference(lineId, "lineId");
        Require.nonNull(deal, "deal");
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
        sourcePositions = sourcePositions == null ? List.of() : List.copyOf(sourcePositions);
    }
}
