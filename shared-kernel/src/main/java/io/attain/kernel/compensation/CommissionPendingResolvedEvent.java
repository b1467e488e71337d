package io.attain.kernel.compensation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A pending commission item ({@link CommissionPendingEvent}) was booked: line {@code lineId} of
 * {@code statementId}. Published by the commission process.
 */
@Revision("1")
public record CommissionPendingResolvedEvent(
        String dealId,
        String repId,
        CommissionPendingReason reason,
        String statementId,
        String lineId,
        Instant occurredAt) {
}
