package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An adjustment line was added to a statement.
 *
 * @param relatedStatementId the statement of the corrected line, or {@code null}
 * @param relatedLineId      the corrected (or disputed) line, or {@code null}
 * @param calculation        the recalculation explaining the amount, or {@code null}
 */
@Revision("1")
public record CommissionAdjustedEvent(
        String statementId,
        String lineId,
        String repId,
        Money amount,
        AdjustmentKind kind,
        String reason,
        String relatedStatementId,
        String relatedLineId,
        CommissionCalculation calculation,
        Instant occurredAt) {
}
