package io.attain.kernel.cost;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The amount of a cost entry was corrected from {@code previousAmount} to {@code amount} ({@code delta} =
 * {@code amount − previousAmount}, in the same currency), for {@code reason}. Period, category, channel and team are
 * the entry's, repeated so that a reader summing deltas by any of them needs no other event.
 * {@code occurredAt} is business time; the message timestamp is the recording time.
 */
@Revision("1")
public record SalesCostCorrectedEvent(
        String costId,
        Period period,
        CostCategory category,
        Channel channel,
        String teamId,
        Money previousAmount,
        Money amount,
        Money delta,
        String reason,
        Instant occurredAt) {
}
