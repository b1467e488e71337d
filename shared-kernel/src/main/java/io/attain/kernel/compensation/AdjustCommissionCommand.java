package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Adds an adjustment line (positive or negative) to a rep's statement, e.g. the delta of a
 * retroactive plan or target change, or a clawback of a period that is already locked. It is sent
 * to the rep's first open statement (which it opens if it does not exist yet).
 *
 * <p>Rules checked by the CommissionStatement aggregate: {@code statementId} is
 * {@link CompensationIds#statementId statement:<repId>:<period>}; the statement is open; the line id
 * is new; the amount is not zero.
 *
 * @param relatedStatementId the statement of the line this adjustment corrects, or {@code null}
 * @param relatedLineId      the line this adjustment corrects, or {@code null}
 * @param calculation        the recalculation that explains the amount, or {@code null}
 * @param occurredAt         business time; {@code null} means "now" by the message clock
 */
public record AdjustCommissionCommand(
        @TargetAggregateIdentifier String statementId,
        String repId,
        Period period,
        String lineId,
        Money amount,
        AdjustmentKind kind,
        String reason,
        String relatedStatementId,
        String relatedLineId,
        CommissionCalculation calculation,
        Instant occurredAt) {

    public AdjustCommissionCommand {
        InputContract.reference(statementId, "statementId");
        InputContract.reference(repId, "repId");
        Require.nonNull(period, "period");
        InputContract.reference(lineId, "lineId");
        Require.nonNull(amount, "amount");
        Require.nonNull(kind, "kind");
        InputContract.reference(reason, "reason");
        InputContract.optionalReference(relatedStatementId, "relatedStatementId");
        InputContract.optionalReference(relatedLineId, "relatedLineId");
    }
}
