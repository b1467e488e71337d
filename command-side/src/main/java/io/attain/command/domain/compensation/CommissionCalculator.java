package io.attain.command.domain.compensation;

import io.attain.kernel.common.Money;
import io.attain.kernel.compensation.AppliedCap;
import io.attain.kernel.compensation.BandSlice;
import io.attain.kernel.compensation.CapKind;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.DealFacts;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.Spiff;
import io.attain.kernel.compensation.SpiffApplied;
import io.attain.kernel.compensation.ThresholdBonus;
import io.attain.kernel.compensation.ThresholdBonusCrossed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Calculates the commission of one change of a rep's credited revenue (a won deal, or a reduction /
 * clawback) under one plan version. Pure: no Axon, no clock, no state; the same input always gives
 * the same {@link CommissionCalculation}, which lists every step.
 *
 * <h2>Steps</h2>
 * <ol>
 *     <li><b>Marginal bands.</b> With target {@code T}, band {@code [f, t)} covers the period revenue
 *     {@code [f·T, t·T)}. The change moves the rep's period revenue from {@code R} to
 *     {@code R + d}; every band's rate applies to the part of that range inside the band (a slice).
 *     A reduction ({@code d < 0}) takes back the slices of {@code [R + d, R]} at their rates — the
 *     exact reversal of the marginal slices at the top of the period's revenue — so the bands of a
 *     period always sum to what its final revenue earns.</li>
 *     <li><b>Minimum deal size.</b> A deal smaller than the plan's minimum (the whole deal, before
 *     any credit split) earns no band commission and no SPIFF; its revenue still counts towards
 *     attainment (and threshold bonuses).</li>
 *     <li><b>Per-deal cap</b> {@code C} on the deal's band commission: with {@code U} the deal's band
 *     commission before and {@code b} the slices now, the change adds
 *     {@code min(C, U + b) − min(C, U)}.</li>
 *     <li><b>SPIFFs</b> for the deal's product line / channel whose window contains the deal's
 *     business date: a fixed amount while the deal credits the rep anything (added once, taken
 *     back when the deal is taken back completely), or rate × {@code d}.</li>
 *     <li><b>Per-period cap</b> {@code P} on bands (after the deal cap) and SPIFFs of the period:
 *     with {@code Q} the period's amount so far and {@code x} the amount of step 3 and 4, the change
 *     adds {@code min(P, Q + x) − min(P, Q)}.</li>
 *     <li><b>Threshold bonuses</b> (not capped): each threshold {@code a} with
 *     {@code R < a·T ≤ R + d} adds its amount; each with {@code R + d < a·T ≤ R} takes it back.</li>
 *     <li><b>Rounding.</b> Every amount above is exact {@link BigDecimal} arithmetic. The line's
 *     total is rounded <em>once</em>, at the end, HALF_EVEN to the currency's minor unit
 *     ({@link Money#rounded()}: 2 digits for EUR/USD, 0 for JPY); slices, caps and SPIFFs are never
 *     rounded on their own. The difference is reported as {@code roundingDifference}. Attainments in
 *     the result are rounded to 6 decimals for display only; no rule uses them.</li>
 * </ol>
 *
 * <p>The managers' roll-up (when the plan has one) is reported as {@code creditedAmount × rate},
 * rounded the same way, for the caller to book on the managers' statements; it is not part of the
 * rep's total. Base pay is never part of a commission.
 */
public final class CommissionCalculator {

    private static final int ATTAINMENT_DISPLAY_SCALE = 6;

    /**
     * @throws IllegalArgumentException if an amount is not in the plan's currency or the target is
     *                                  not positive
     */
    public CommissionCalculation calculate(PlanVersion plan, CommissionInput in) {
        PlanTerms terms = plan.terms();
        String currency = terms.currency();
        requireCurrency(currency, in.creditedAmount(), "creditedAmount");
        requireCurrency(currency, in.creditedRevenueBefore(), "creditedRevenueBefore");
        requireCurrency(currency, in.target(), "target");
        requireCurrency(currency, in.dealCreditedBefore(), "dealCreditedBefore");
        requireCurrency(currency, in.dealCommissionBefore(), "dealCommissionBefore");
        requireCurrency(currency, in.periodCommissionBefore(), "periodCommissionBefore");
        requireCurrency(currency, in.deal().dealSize(), "deal.dealSize");
        if (in.target().signum() <= 0) {
            throw new IllegalArgumentException("target: must be positive");
        }
        BigDecimal target = in.target().amount();
        BigDecimal before = in.creditedRevenueBefore().amount();
        BigDecimal delta = in.creditedAmount().amount();
        BigDecimal after = before.add(delta);
        boolean meetsMinimum = terms.minimumDealSize() == null
                || in.deal().dealSize().amount().compareTo(terms.minimumDealSize().amount()) >= 0;

        // 1. marginal band slices
        List<BandSlice> slices = new ArrayList<>();
        BigDecimal band = BigDecimal.ZERO;
        if (meetsMinimum && delta.signum() != 0) {
            BigDecimal low = before.min(after);
            BigDecimal high = before.max(after);
            int sign = delta.signum();
            for (CommissionBand b : terms.bands()) {
                BigDecimal bandFrom = b.fromAttainment().multiply(target);
                BigDecimal start = low.max(bandFrom);
                BigDecimal end = b.toAttainment() == null ? high : high.min(b.toAttainment().multiply(target));
                if (start.compareTo(end) < 0) {
                    BigDecimal revenue = end.subtract(start);
                    BigDecimal commission = revenue.multiply(b.rate());
                    if (sign < 0) {
                        revenue = revenue.negate();
                        commission = commission.negate();
                    }
                    slices.add(new BandSlice(b.fromAttainment(), b.toAttainment(), b.rate(), money(start, currency),
                            money(end, currency), money(revenue, currency), money(commission, currency)));
                    band = band.add(commission);
                }
            }
        }

        // 2. per-deal cap
        List<AppliedCap> caps = new ArrayList<>();
        BigDecimal dealPart = band;
        if (terms.perDealCap() != null) {
            BigDecimal cap = terms.perDealCap().amount();
            BigDecimal dealBefore = in.dealCommissionBefore().amount();
            dealPart = cap.min(dealBefore.add(band)).subtract(cap.min(dealBefore));
            if (dealPart.compareTo(band) != 0) {
                caps.add(new AppliedCap(CapKind.PER_DEAL, terms.perDealCap(), money(band, currency),
                        money(dealPart, currency), money(band.subtract(dealPart), currency)));
            }
        }

        // 3. SPIFFs
        List<SpiffApplied> spiffs = new ArrayList<>();
        BigDecimal spiffTotal = BigDecimal.ZERO;
        if (meetsMinimum) {
            boolean creditedBefore = in.dealCreditedBefore().signum() > 0;
            boolean creditedAfter = in.dealCreditedBefore().amount().add(delta).signum() > 0;
            for (Spiff spiff : terms.spiffs()) {
                if (!applies(spiff, in.deal())) {
                    continue;
                }
                BigDecimal amount;
                if (spiff.fixedAmount() != null) {
                    BigDecimal fixed = spiff.fixedAmount().amount();
                    amount = (creditedAfter ? fixed : BigDecimal.ZERO).subtract(creditedBefore ? fixed : BigDecimal.ZERO);
                } else {
                    amount = delta.multiply(spiff.rate());
                }
                if (amount.signum() != 0) {
                    spiffs.add(new SpiffApplied(spiff.spiffId(), money(amount, currency)));
                    spiffTotal = spiffTotal.add(amount);
                }
            }
        }
        BigDecimal beforePeriodCap = dealPart.add(spiffTotal);

        // 4. per-period cap
        BigDecimal periodPart = beforePeriodCap;
        if (terms.perPeriodCap() != null) {
            BigDecimal cap = terms.perPeriodCap().amount();
            BigDecimal periodBefore = in.periodCommissionBefore().amount();
            periodPart = cap.min(periodBefore.add(beforePeriodCap)).subtract(cap.min(periodBefore));
            if (periodPart.compareTo(beforePeriodCap) != 0) {
                caps.add(new AppliedCap(CapKind.PER_PERIOD, terms.perPeriodCap(), money(beforePeriodCap, currency),
                        money(periodPart, currency), money(beforePeriodCap.subtract(periodPart), currency)));
            }
        }

        // 5. threshold bonuses
        List<ThresholdBonusCrossed> bonuses = new ArrayList<>();
        BigDecimal bonusTotal = BigDecimal.ZERO;
        for (ThresholdBonus bonus : terms.thresholdBonuses()) {
            BigDecimal threshold = bonus.attainment().multiply(target);
            BigDecimal amount = null;
            if (before.compareTo(threshold) < 0 && after.compareTo(threshold) >= 0) {
                amount = bonus.amount().amount();
            } else if (after.compareTo(threshold) < 0 && before.compareTo(threshold) >= 0) {
                amount = bonus.amount().amount().negate();
            }
            if (amount != null) {
                bonuses.add(new ThresholdBonusCrossed(bonus.attainment(), money(amount, currency)));
                bonusTotal = bonusTotal.add(amount);
            }
        }

        // 6. round once
        Money exact = money(periodPart.add(bonusTotal), currency);
        Money total = exact.rounded();
        Money rollUp = terms.rollUpToManagers() && terms.rollUpRate() != null
                ? in.creditedAmount().times(terms.rollUpRate()).rounded() : null;

        return new CommissionCalculation(plan.planId(), plan.version(), currency, in.deal(), in.creditedAmount(),
                in.creditedRevenueBefore(), in.target(),
                before.divide(target, ATTAINMENT_DISPLAY_SCALE, RoundingMode.HALF_EVEN),
                after.divide(target, ATTAINMENT_DISPLAY_SCALE, RoundingMode.HALF_EVEN),
                in.dealCreditedBefore(), in.dealCommissionBefore(), in.periodCommissionBefore(), meetsMinimum,
                slices, money(band, currency), spiffs, caps, money(beforePeriodCap, currency), bonuses, exact, total,
                total.minus(exact), rollUp);
    }

    /**
     * The delta a retroactive change (of the plan version or the target) makes to an earlier line:
     * the recalculated line's total minus the original's (both already rounded once), so the
     * adjustment brings the rep exactly to what the recalculation pays.
     */
    public static Money delta(CommissionCalculation original, CommissionCalculation recalculated) {
        return recalculated.total().minus(original.total());
    }

    /** {@code true} if the SPIFF covers the deal's product line, channel and business date. */
    static boolean applies(Spiff spiff, DealFacts deal) {
        if (spiff.productLine() != null && !spiff.productLine().equals(deal.productLine())) {
            return false;
        }
        if (spiff.channel() != null && spiff.channel() != deal.channel()) {
            return false;
        }
        return !deal.businessDate().isBefore(spiff.validFrom()) && !deal.businessDate().isAfter(spiff.validTo());
    }

    private static void requireCurrency(String currency, Money money, String field) {
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException(field + ": must be in the plan's currency " + currency);
        }
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }
}
