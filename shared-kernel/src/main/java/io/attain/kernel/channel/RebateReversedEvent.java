package io.attain.kernel.channel;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A rebate line was reversed by a new line ({@code lineId}); the original stays as it was.
 *
 * @param originalCalculation the reversed line's calculation (what is taken back: its revenue and rebate)
 * @param revenue             the revenue taken back from the period (negative)
 * @param rebate              the rebate taken back (negative: minus the original line's rounded rebate)
 */
@Revision("1")
public record RebateReversedEvent(
        String partnerId,
        String lineId,
        String originalLineId,
        String dealId,
        Period period,
        RebateCalculation originalCalculation,
        Money revenue,
        Money rebate,
        String reason,
        List<String> sourceEventIds,
        List<Long> sourcePositions,
        Instant occurredAt) {
}
