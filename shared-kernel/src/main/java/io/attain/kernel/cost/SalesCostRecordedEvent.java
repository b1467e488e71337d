package io.attain.kernel.cost;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A sales or marketing cost entry was recorded: {@code amount} spent in {@code period} on {@code category}, for
 * {@code channel} and {@code teamId} when they are given ({@code null}: not specific to one).
 * {@code occurredAt} is business time; the message timestamp is the recording time.
 */
@Revision("1")
public record SalesCostRecordedEvent(
        String costId,
        Period period,
        CostCategory category,
        Channel channel,
        String teamId,
        Money amount,
        Instant occurredAt) {
}
