package io.attain.kernel.deal;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The amount of a deal changed from {@code previousAmount} to {@code amount}. */
@Revision("1")
public record DealAmountChangedEvent(
        String dealId,
        Money previousAmount,
        Money amount,
        Instant occurredAt) {
}
