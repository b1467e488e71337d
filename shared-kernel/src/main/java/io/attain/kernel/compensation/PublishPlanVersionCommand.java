package io.attain.kernel.compensation;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Publishes the next version of a plan. A published version is immutable; changed terms are a new
 * version.
 *
 * <p>Rules checked by the CompensationPlan aggregate: the currency is an ISO 4217 code and every
 * amount is in it; bands start at 0, are contiguous, do not overlap, end open-ended and have rates
 * ≥ 0; caps and bonuses are positive; SPIFFs are well-formed; the clawback window is not negative;
 * a roll-up rate is given exactly when rolling up. Effective dates strictly increase: a version
 * effective on or before the latest published one's date is accepted only with
 * {@code retroactive = true} (and then flagged so in the event); {@code retroactive} for a version
 * that is not is refused.
 *
 * @param retroactive the publisher knowingly changes terms from a date that an already published
 *                    version covers
 * @param occurredAt  business time; {@code null} means "now" by the message clock
 */
public record PublishPlanVersionCommand(
        @TargetAggregateIdentifier String planId,
        PlanTerms terms,
        boolean retroactive,
        Instant occurredAt) {

    public PublishPlanVersionCommand {
        InputContract.identifier(planId, "planId");
        Require.nonNull(terms, "terms");
        checkTerms(terms);
        InputContract.instant(occurredAt, "occurredAt");
    }

    /** The input contract for the values inside the terms (the aggregate checks the business rules). */
    private static void checkTerms(PlanTerms terms) {
        InputContract.date(terms.effectiveFrom(), "terms.effectiveFrom");
        InputContract.money(terms.basePay(), "terms.basePay.amount");
        InputContract.money(terms.perDealCap(), "terms.perDealCap.amount");
        InputContract.money(terms.perPeriodCap(), "terms.perPeriodCap.amount");
        InputContract.money(terms.minimumDealSize(), "terms.minimumDealSize.amount");
        InputContract.rate(terms.rollUpRate(), "terms.rollUpRate");
        for (int i = 0; i < terms.bands().size(); i++) {
            CommissionBand band = terms.bands().get(i);
            if (band != null) {
                InputContract.amount(band.fromAttainment(), "terms.bands[" + i + "].fromAttainment");
                InputContract.amount(band.toAttainment(), "terms.bands[" + i + "].toAttainment");
                InputContract.rate(band.rate(), "terms.bands[" + i + "].rate");
            }
        }
        for (int i = 0; i < terms.thresholdBonuses().size(); i++) {
            ThresholdBonus bonus = terms.thresholdBonuses().get(i);
            if (bonus != null) {
                InputContract.amount(bonus.attainment(), "terms.thresholdBonuses[" + i + "].attainment");
                InputContract.money(bonus.amount(), "terms.thresholdBonuses[" + i + "].amount.amount");
            }
        }
        for (int i = 0; i < terms.spiffs().size(); i++) {
            Spiff spiff = terms.spiffs().get(i);
            if (spiff != null) {
                String at = "terms.spiffs[" + i + "].";
                if (spiff.spiffId() != null && !spiff.spiffId().isBlank()) {
                    InputContract.identifier(spiff.spiffId(), at + "spiffId");
                }
                InputContract.optionalIdentifier(spiff.productLine(), at + "productLine");
                InputContract.date(spiff.validFrom(), at + "validFrom");
                InputContract.date(spiff.validTo(), at + "validTo");
                InputContract.money(spiff.fixedAmount(), at + "fixedAmount.amount");
                InputContract.rate(spiff.rate(), at + "rate");
            }
        }
    }
}
