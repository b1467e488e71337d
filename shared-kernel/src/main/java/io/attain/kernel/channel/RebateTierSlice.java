package io.attain.kernel.channel;

import io.attain.kernel.common.Money;

import java.math.BigDecimal;

/**
 * The part of a deal's revenue that falls into one tier, and its rebate (exact, not rounded). In a reversal
 * {@code revenue} and {@code rebate} are negative.
 *
 * @param toRevenue   {@code null} for the open-ended tier
 * @param revenueFrom the period revenue where the slice starts
 * @param revenueTo   the period revenue where the slice ends
 */
public record RebateTierSlice(
        BigDecimal fromRevenue,
        BigDecimal toRevenue,
        BigDecimal rate,
        Money revenueFrom,
        Money revenueTo,
        Money revenue,
        Money rebate) {
}
