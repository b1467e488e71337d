package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;

import java.math.BigDecimal;

/**
 * The part of a deal's credited revenue that falls into one commission band, and its commission
 * (exact, not rounded). For a reduction (clawback) {@code revenue} and {@code commission} are
 * negative: the slice is taken back.
 *
 * @param toAttainment {@code null} for the open-ended band
 * @param revenueFrom  the period revenue where the slice starts
 * @param revenueTo    the period revenue where the slice ends ({@code revenueFrom < revenueTo})
 */
public record BandSlice(
        BigDecimal fromAttainment,
        BigDecimal toAttainment,
        BigDecimal rate,
        Money revenueFrom,
        Money revenueTo,
        Money revenue,
        Money commission) {
}
