package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A commission calculation that explains itself: its inputs, the plan version, every band slice,
 * the SPIFFs, the caps that bit, the threshold bonuses crossed and the rounding. All amounts are in
 * {@code currency}; every amount but {@link #total} is exact (never rounded). A reduction
 * (clawback) has a negative {@code creditedAmount} and negative amounts throughout.
 *
 * <p>{@code total = round(min(periodCap, periodCommissionBefore + commissionBeforePeriodCap)
 * − min(periodCap, periodCommissionBefore) + Σ bonuses)}, rounded once, HALF_EVEN, to the currency's
 * minor unit; {@code roundingDifference = total − exactTotal}.
 *
 * @param creditedAmount            the change of the rep's credited revenue (the deal's amount × the
 *                                  rep's credit share); negative for a reduction
 * @param creditedRevenueBefore     the rep's credited revenue in the period before this change
 * @param target                    the rep's revenue target of the period
 * @param attainmentBefore          {@code creditedRevenueBefore / target}, 6 decimals, for display only
 * @param attainmentAfter           {@code (creditedRevenueBefore + creditedAmount) / target}, 6 decimals,
 *                                  for display only
 * @param dealCreditedBefore        what was credited to the rep for this deal before (0 for a new deal)
 * @param dealCommissionBefore      the deal's band commission before, before the per-deal cap
 * @param periodCommissionBefore    the period's commission before the per-period cap, before this change
 * @param meetsMinimumDealSize      {@code false}: the deal is below the plan's minimum deal size and
 *                                  earns no band commission and no SPIFF
 * @param bandCommission            Σ slices' commission, before the per-deal cap
 * @param commissionBeforePeriodCap the bands after the per-deal cap plus the SPIFFs: what this change
 *                                  adds to the amount the per-period cap limits
 * @param managerRollUp             the managers' override (credited amount × roll-up rate, rounded), or
 *                                  {@code null} when the plan has no roll-up
 */
public record CommissionCalculation(
        String planId,
        int planVersion,
        String currency,
        DealFacts deal,
        Money creditedAmount,
        Money creditedRevenueBefore,
        Money target,
        BigDecimal attainmentBefore,
        BigDecimal attainmentAfter,
        Money dealCreditedBefore,
        Money dealCommissionBefore,
        Money periodCommissionBefore,
        boolean meetsMinimumDealSize,
        List<BandSlice> slices,
        Money bandCommission,
        List<SpiffApplied> spiffs,
        List<AppliedCap> caps,
        Money commissionBeforePeriodCap,
        List<ThresholdBonusCrossed> bonuses,
        Money exactTotal,
        Money total,
        Money roundingDifference,
        Money managerRollUp) {

    public CommissionCalculation {
        slices = copy(slices);
        spiffs = copy(spiffs);
        caps = copy(caps);
        bonuses = copy(bonuses);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
