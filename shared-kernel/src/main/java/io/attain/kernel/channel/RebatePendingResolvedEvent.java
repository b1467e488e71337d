package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A pending rebate ended: accrued as {@code lineId}, or dropped. Published by the channel process.
 *
 * @param lineId the accrued line, or {@code null} when dropped
 */
@Revision("1")
public record RebatePendingResolvedEvent(
        String partnerId,
        String dealId,
        RebatePendingReason reason,
        RebatePendingOutcome outcome,
        String lineId,
        String detail,
        Instant occurredAt) {
}
