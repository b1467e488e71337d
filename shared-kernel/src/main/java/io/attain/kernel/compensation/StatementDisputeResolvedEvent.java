package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A manager resolved a dispute. An accepted dispute is followed by a {@link CommissionAdjustedEvent}
 * of kind {@link AdjustmentKind#DISPUTE} with line id {@code adjustmentLineId}.
 *
 * @param adjustment       the amount added, or {@code null} when rejected
 * @param adjustmentLineId the adjustment line, or {@code null} when rejected
 * @param reason           or {@code null} (when accepted)
 */
@Revision("1")
public record StatementDisputeResolvedEvent(
        String statementId,
        String disputeId,
        String managerId,
        boolean accepted,
        Money adjustment,
        String adjustmentLineId,
        String reason,
        Instant occurredAt) {
}
