package io.attain.kernel.channel;

import io.attain.kernel.common.PeriodUnit;

import java.time.LocalDate;
import java.util.List;

/**
 * The terms of one version of a partner agreement.
 *
 * <p>Rules checked by the Partner aggregate: {@code effectiveFrom}, an ISO {@code currency} and the period unit
 * are required; tiers start at 0, are contiguous, only the last is (and must be) open-ended, rates are between 0
 * and 1.
 *
 * @param effectiveFrom the first business date the version is in force (until the next version's)
 * @param currency      the currency of the tiers and of every rebate accrued under this version
 * @param period        the agreement period the tiers count revenue in (e.g. {@code QUARTER}); UTC
 * @param tiers         marginal tiers by the partner's won revenue in the period
 */
public record AgreementTerms(
        LocalDate effectiveFrom,
        String currency,
        PeriodUnit period,
        List<RebateTier> tiers) {

    public AgreementTerms {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }
}
