package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The channel process did not accrue a won deal's rebate and did not guess: it waits for a fact (an exchange rate,
 * a conflict's resolution) and ends with {@link RebatePendingResolvedEvent}. Published by the process (no
 * aggregate); a redelivered event may publish it again: readers key it by {@code (partnerId, dealId, reason)}.
 *
 * @param conflictId the conflict the deal is in ({@code CHANNEL_CONFLICT}), else {@code null}
 */
@Revision("1")
public record RebatePendingEvent(
        String partnerId,
        String dealId,
        RebatePendingReason reason,
        String detail,
        String conflictId,
        LocalDate businessDate,
        String sourceEventId,
        Instant occurredAt) {
}
