package io.attain.kernel.compensation;

import java.math.BigDecimal;

/**
 * One band of a plan's commission rate table, by attainment (credited revenue of the period / the
 * period's target), e.g. {@code 0–0.5}, {@code 0.5–1.0}, {@code 1.0–∞}.
 *
 * <p>Bands are <em>marginal</em>: the band's rate applies to the revenue that lies inside the band,
 * i.e. between {@code fromAttainment × target} (inclusive) and {@code toAttainment × target}
 * (exclusive). A higher rate above 1.0 is an accelerator, a lower rate below a threshold a
 * decelerator. The plan aggregate checks that bands are contiguous, start at 0, do not overlap, end
 * open-ended and have rates ≥ 0; the record itself accepts anything, so a stored event stays readable.
 *
 * @param toAttainment the exclusive upper bound, or {@code null} for "no upper bound" (∞)
 * @param rate         the commission rate as a fraction (0.05 = 5 %)
 */
public record CommissionBand(BigDecimal fromAttainment, BigDecimal toAttainment, BigDecimal rate) {
}
