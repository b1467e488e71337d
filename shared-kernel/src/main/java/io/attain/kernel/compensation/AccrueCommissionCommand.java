package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Accrues the commission of a deal (for one rep's credit share) to the rep's statement of a period.
 * Carries everything the calculation needs, so a saga can send it as it is; the statement is opened
 * by its first accrual or adjustment.
 *
 * <p>Rules checked by the CommissionStatement aggregate: {@code statementId} is
 * {@link CompensationIds#statementId statement:<repId>:<period>}; the statement is open; the line id
 * is new; the deal has no line in the statement that still credits it; the credited amount is
 * positive; the credited amount, target, deal size and revenue before are in the plan's currency;
 * the target is positive; the plan version is effective on the deal's business date.
 *
 * @param lineId                the id of the new statement line
 * @param plan                  the plan version in force for the rep on the deal's business date
 * @param creditedAmount        the deal's amount × the rep's credit share
 * @param target                the rep's revenue target of the period
 * @param creditedRevenueBefore the rep's credited revenue of the period before this deal; {@code null}
 *                              means the statement's own running total
 * @param sourceEventIds        ids of the events this accrual follows from (e.g. the DealWon), may be empty
 * @param sourcePositions       their global positions, may be empty
 * @param occurredAt            business time; {@code null} means "now" by the message clock
 */
public record AccrueCommissionCommand(
        @TargetAggregateIdentifier String statementId,
        String repId,
        Period period,
        String lineId,
        PlanVersion plan,
        DealFacts deal,
        Money creditedAmount,
        Money target,
        Money creditedRevenueBefore,
        List<String> sourceEventIds,
        List<Long> sourcePositions,
        Instant occurredAt) {

    public AccrueCommissionCommand {
        InputContract.reference(statementId, "statementId");
        InputContract.reference(repId, "repId");
        Require.nonNull(period, "period");
        InputContract.reference(lineId, "lineId");
        Require.nonNull(plan, "plan");
        Require.nonNull(plan.terms(), "plan.terms");
        Require.nonNull(deal, "deal");
        Require.nonBlank(deal.dealId(), "deal.dealId");
        Require.nonNull(deal.businessDate(), "deal.businessDate");
        Require.nonNull(deal.dealSize(), "deal.dealSize");
        Require.nonNull(creditedAmount, "creditedAmount");
        Require.nonNull(target, "target");
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
        sourcePositions = sourcePositions == null ? List.of() : List.copyOf(sourcePositions);
    }
}
