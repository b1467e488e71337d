package io.attain.kernel.compensation;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The commission process could not book a rep's commission for a won deal and did not guess: the item waits
 * (e.g. for an exchange rate or a target) and is booked by the process once the missing fact is recorded, which
 * it reports with {@link CommissionPendingResolvedEvent}. Published by the process itself (no aggregate); a
 * redelivered deal event may publish it again for the same deal, rep and reason (readers treat
 * {@code (dealId, repId, reason)} as the key).
 *
 * @param detail        what is missing, for people (e.g. {@code "no USD→EUR rate in force on 2017-05-12"})
 * @param businessDate  the deal's business date (of the win)
 * @param sourceEventId the event the commission follows from (the DealWon)
 */
@Revision("1")
public record CommissionPendingEvent(
        String dealId,
        String repId,
        CommissionPendingReason reason,
        String detail,
        LocalDate businessDate,
        String sourceEventId,
        Instant occurredAt) {
}
