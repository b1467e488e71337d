package io.attain.kernel.channel;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;

import java.util.List;

/**
 * The whole calculation of a rebate line, so that it explains itself.
 *
 * @param agreementVersion the agreement version in force on the deal's business date
 * @param currency         the agreement's currency (of every amount below but {@code dealAmount})
 * @param period           the agreement period the revenue counts in
 * @param deal             the deal's facts
 * @param conversion       the exchange rate used, or {@code null} if the deal is in the agreement's currency
 * @param revenue          the deal's revenue in the agreement's currency (exact: amount × rate)
 * @param revenueBefore    the partner's won revenue in the period before this deal
 * @param revenueAfter     {@code revenueBefore + revenue}
 * @param slices           the tiers the revenue falls into
 * @param exactRebate      the sum of the slices' rebates (exact)
 * @param rebate           {@code exactRebate} rounded once, HALF_EVEN to the currency's minor unit
 * @param roundingDifference {@code rebate − exactRebate}
 */
public record RebateCalculation(
        AgreementVersion agreementVersion,
        String currency,
        Period period,
        RebateDeal deal,
        Conversion conversion,
        Money revenue,
        Money revenueBefore,
        Money revenueAfter,
        List<RebateTierSlice> slices,
        Money exactRebate,
        Money rebate,
        Money roundingDifference) {

    public RebateCalculation {
        slices = slices == null ? List.of() : List.copyOf(slices);
    }
}
