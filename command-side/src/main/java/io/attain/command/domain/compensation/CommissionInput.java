package io.attain.command.domain.compensation;

import io.attain.kernel.common.Money;
import io.attain.kernel.compensation.DealFacts;

import java.util.Objects;

/**
 * What {@link CommissionCalculator} needs besides the plan version. All money in the plan's currency.
 *
 * @param deal                   the deal's facts (for a reduction: the original deal's)
 * @param creditedAmount         the change of the rep's credited revenue: positive for a won deal (its
 *                               amount × the rep's credit share), negative for a reduction/clawback
 * @param creditedRevenueBefore  the rep's credited revenue in the period before this change
 * @param target                 the rep's revenue target of the period (positive)
 * @param dealCreditedBefore     what was credited to the rep for this deal before (0 for a new deal)
 * @param dealCommissionBefore   the deal's band commission so far, before the per-deal cap (0 for a new deal)
 * @param periodCommissionBefore the period's commission so far that the per-period cap limits,
 *                               before that cap (Σ of earlier lines' {@code commissionBeforePeriodCap})
 */
public record CommissionInput(
        DealFacts deal,
        Money creditedAmount,
        Money creditedRevenueBefore,
        Money target,
        Money dealCreditedBefore,
        Money dealCommissionBefore,
        Money periodCommissionBefore) {

    public CommissionInput {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(creditedAmount, "creditedAmount");
        Objects.requireNonNull(creditedRevenueBefore, "creditedRevenueBefore");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(dealCreditedBefore, "dealCreditedBefore");
        Objects.requireNonNull(dealCommissionBefore, "dealCommissionBefore");
        Objects.requireNonNull(periodCommissionBefore, "periodCommissionBefore");
    }

    /** A newly won deal: nothing credited or earned for it before. */
    public static CommissionInput newDeal(DealFacts deal, Money creditedAmount, Money creditedRevenueBefore,
                                          Money target, Money periodCommissionBefore) {
        Money zero = Money.zero(creditedAmount.currency());
        return new CommissionInput(deal, creditedAmount, creditedRevenueBefore, target, zero, zero,
                periodCommissionBefore);
    }
}
