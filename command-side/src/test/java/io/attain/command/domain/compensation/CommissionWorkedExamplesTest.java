package io.attain.command.domain.compensation;

import io.attain.kernel.common.Channel;
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
import io.attain.kernel.compensation.ThresholdBonus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.attain.command.domain.compensation.CompensationFixtures.JAN_1;
import static io.attain.command.domain.compensation.CompensationFixtures.dec;
import static io.attain.command.domain.compensation.CompensationFixtures.deal;
import static io.attain.command.domain.compensation.CompensationFixtures.eur;
import static io.attain.command.domain.compensation.CompensationFixtures.terms;
import static io.attain.command.domain.compensation.CompensationFixtures.version;
import static io.attain.command.domain.compensation.CompensationFixtures.withBands;
import static io.attain.command.domain.compensation.CompensationFixtures.withBonuses;
import static io.attain.command.domain.compensation.CompensationFixtures.withCaps;
import static io.attain.command.domain.compensation.CompensationFixtures.withMinimumDealSize;
import static io.attain.command.domain.compensation.CompensationFixtures.withRollUp;
import static io.attain.command.domain.compensation.CompensationFixtures.withSpiffs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Worked commission cases, each figure computed by hand in the comment.
 *
 * <p>Unless said otherwise: target T = 100,000 EUR; bands 0–0.5 at 2 % (decelerator below 50 %),
 * 0.5–1.0 at 5 %, 1.0–∞ at 8 % (accelerator above 100 %); i.e. revenue 0–50,000 at 2 %,
 * 50,000–100,000 at 5 %, above 100,000 at 8 %. Marginal: each rate applies only to the revenue
 * inside its band. Totals are rounded once, HALF_EVEN, to cents.
 */
class CommissionWorkedExamplesTest {

    private static final Money TARGET = eur("100000");
    private static final Money ZERO = eur("0");
    private final CommissionCalculator calculator = new CommissionCalculator();

    private CommissionCalculation newDeal(PlanTerms terms, DealFacts deal, String credited, String revenueBefore,
                                          Money periodBefore) {
        return calculator.calculate(version(1, terms), CommissionInput.newDeal(deal, eur(credited), eur(revenueBefore),
                TARGET, periodBefore));
    }

    private static void assertTotal(CommissionCalculation c, String total) {
        assertThat(c.total()).isEqualTo(eur(total));
        assertThat(c.total().amount().scale()).isEqualTo(2);
    }

    private static void assertSlices(CommissionCalculation c, String... fromToRateCommission) {
        assertThat(c.slices()).hasSize(fromToRateCommission.length);
        for (int i = 0; i < fromToRateCommission.length; i++) {
            String[] p = fromToRateCommission[i].split(" ");
            BandSlice s = c.slices().get(i);
            assertThat(s.revenueFrom().isSameAmountAs(eur(p[0]))).as("slice %d from", i).isTrue();
            assertThat(s.revenueTo().isSameAmountAs(eur(p[1]))).as("slice %d to", i).isTrue();
            assertThat(s.rate()).isEqualByComparingTo(p[2]);
            assertThat(s.commission().isSameAmountAs(eur(p[3]))).as("slice %d commission %s", i, s.commission())
                    .isTrue();
        }
    }

    @Test
    void case01_oneBandOnly() {
        // R = 0, d = 20,000 → revenue 0…20,000 lies in band 0–50,000 at 2 %
        // 20,000 × 0.02 = 400.00
        CommissionCalculation c = newDeal(terms(JAN_1), deal("d-1", "20000"), "20000", "0", ZERO);
        assertSlices(c, "0 20000 0.02 400");
        assertTotal(c, "400.00");
        assertThat(c.attainmentBefore()).isEqualByComparingTo("0");
        assertThat(c.attainmentAfter()).isEqualByComparingTo("0.2");
        assertThat(c.planId()).isEqualTo("plan-1");
        assertThat(c.planVersion()).isEqualTo(1);
        assertThat(c.roundingDifference().signum()).isZero();
    }

    @Test
    void case02_marginalTiersWithTheDecelerator() {
        // R = 40,000, d = 30,000 → 40,000…70,000
        // 40,000…50,000 at 2 % (decelerator band) = 10,000 × 0.02 = 200
        // 50,000…70,000 at 5 %                    = 20,000 × 0.05 = 1,000
        // total 1,200.00 (not 30,000 × 5 % = 1,500: the rate is marginal, not retroactive to the first euro)
        CommissionCalculation c = newDeal(terms(JAN_1), deal("d-2", "30000"), "30000", "40000", ZERO);
        assertSlices(c, "40000 50000 0.02 200", "50000 70000 0.05 1000");
        assertTotal(c, "1200.00");
    }

    @Test
    void case03_accelerator() {
        // R = 90,000, d = 30,000 → 90,000…120,000
        // 90,000…100,000 at 5 %  = 10,000 × 0.05 = 500
        // 100,000…120,000 at 8 % = 20,000 × 0.08 = 1,600 (accelerator above 100 %)
        // total 2,100.00
        CommissionCalculation c = newDeal(terms(JAN_1), deal("d-3", "30000"), "30000", "90000", ZERO);
        assertSlices(c, "90000 100000 0.05 500", "100000 120000 0.08 1600");
        assertTotal(c, "2100.00");
        assertThat(c.attainmentAfter()).isEqualByComparingTo("1.2");
    }

    @Test
    void case04_perDealCap() {
        // as case 3, uncapped 2,100; per-deal cap 1,500
        // applied = min(1,500, 0 + 2,100) − min(1,500, 0) = 1,500; reduction 2,100 − 1,500 = 600
        // total 1,500.00
        PlanTerms terms = withCaps(terms(JAN_1), eur("1500"), null);
        CommissionCalculation c = newDeal(terms, deal("d-4", "30000"), "30000", "90000", ZERO);
        assertThat(c.bandCommission().isSameAmountAs(eur("2100"))).isTrue();
        assertThat(c.caps()).singleElement().satisfies(cap -> {
            assertThat(cap.kind()).isEqualTo(CapKind.PER_DEAL);
            assertThat(cap.applied().isSameAmountAs(eur("1500"))).isTrue();
            assertThat(cap.reduction().isSameAmountAs(eur("600"))).isTrue();
        });
        assertTotal(c, "1500.00");
    }

    @Test
    void case05_perPeriodCap() {
        // R = 95,000, d = 20,000 → 95,000…115,000; commission of the period so far (before the cap) 4,200
        // 95,000…100,000 at 5 %  = 5,000 × 0.05  = 250
        // 100,000…115,000 at 8 % = 15,000 × 0.08 = 1,200      → 1,450
        // per-period cap 5,000: min(5,000, 4,200 + 1,450) − min(5,000, 4,200) = 5,000 − 4,200 = 800
        // reduction 1,450 − 800 = 650; total 800.00
        PlanTerms terms = withCaps(terms(JAN_1), null, eur("5000"));
        CommissionCalculation c = newDeal(terms, deal("d-5", "20000"), "20000", "95000", eur("4200"));
        assertThat(c.commissionBeforePeriodCap().isSameAmountAs(eur("1450"))).isTrue();
        AppliedCap cap = c.caps().get(0);
        assertThat(cap.kind()).isEqualTo(CapKind.PER_PERIOD);
        assertThat(cap.reduction().isSameAmountAs(eur("650"))).isTrue();
        assertTotal(c, "800.00");

        // once the cap is reached, the next deal earns nothing from bands:
        // min(5,000, 5,650 + 400) − min(5,000, 5,650) = 0
        CommissionCalculation next = newDeal(terms, deal("d-5b", "5000"), "5000", "115000", eur("5650"));
        assertTotal(next, "0.00");
    }

    @Test
    void case06_splitCreditShareAndRoundingOnce() {
        // deal 12,345.67 EUR, the rep's share 33.33 % → credited 12,345.67 × 33.33 / 100 = 4,114.811811
        // R = 0: all in band 0–50,000 at 2 % → 4,114.811811 × 0.02 = 82.29623622 (exact, never rounded on its own)
        // rounded once, HALF_EVEN to cents: 82.30; rounding difference 82.30 − 82.29623622 = 0.00376378
        Money credited = eur("12345.67").percent(dec("33.33"));
        CommissionCalculation c = calculator.calculate(version(1, terms(JAN_1)),
                CommissionInput.newDeal(deal("d-6", "12345.67"), credited, ZERO, TARGET, ZERO));
        assertThat(credited.amount()).isEqualByComparingTo("4114.811811");
        assertThat(c.exactTotal().amount()).isEqualByComparingTo("82.29623622");
        assertTotal(c, "82.30");
        assertThat(c.roundingDifference().amount()).isEqualByComparingTo("0.00376378");
    }

    @Test
    void case07_thresholdBonuses() {
        // bonuses 1,000 at 100 % and 2,500 at 120 %; R = 95,000, d = 30,000 → 125,000 (attainment 0.95 → 1.25)
        // bands: 95,000…100,000 at 5 % = 250; 100,000…125,000 at 8 % = 2,000 → 2,250
        // crossed 100,000 (1.0 × 100,000) and 120,000 (1.2 × 100,000): 1,000 + 2,500 = 3,500
        // total 2,250 + 3,500 = 5,750.00
        PlanTerms terms = withBonuses(terms(JAN_1), new ThresholdBonus(dec("1.0"), eur("1000")),
                new ThresholdBonus(dec("1.2"), eur("2500")));
        CommissionCalculation c = newDeal(terms, deal("d-7", "30000"), "30000", "95000", ZERO);
        assertThat(c.bonuses()).extracting(b -> b.amount().amount().intValue()).containsExactly(1000, 2500);
        assertTotal(c, "5750.00");

        // reaching exactly 100 % counts: R = 90,000, d = 10,000 → 100,000
        // 10,000 × 5 % = 500 + bonus 1,000 = 1,500.00
        assertTotal(newDeal(terms, deal("d-7b", "10000"), "10000", "90000", ZERO), "1500.00");
        // already above 100 % before: no bonus again. R = 100,000, d = 10,000 → 10,000 × 8 % = 800.00
        assertTotal(newDeal(terms, deal("d-7c", "10000"), "10000", "100000", ZERO), "800.00");
    }

    @Test
    void case08_spiffs() {
        // SPIFF A: 1 % extra on "GTX Pro" deals dated 2017-05-01…2017-05-31
        // SPIFF B: 250 fixed per ECOMMERCE deal in the same window
        Spiff rate = new Spiff("gtx-may", "GTX Pro", null, LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 31), null,
                dec("0.01"));
        Spiff fixed = new Spiff("ecom-may", null, Channel.ECOMMERCE, LocalDate.of(2017, 5, 1),
                LocalDate.of(2017, 5, 31), eur("250"), null);
        PlanTerms terms = withSpiffs(terms(JAN_1), rate, fixed);

        // GTX Pro, DIRECT, 2017-05-10, R = 0, d = 20,000: bands 20,000 × 2 % = 400; SPIFF A 20,000 × 1 % = 200
        // total 600.00
        CommissionCalculation gtx = newDeal(terms, deal("d-8", "20000"), "20000", "0", ZERO);
        assertThat(gtx.spiffs()).singleElement().satisfies(s -> assertThat(s.spiffId()).isEqualTo("gtx-may"));
        assertTotal(gtx, "600.00");

        // GTX Pro via ECOMMERCE on 2017-05-31 (last day counts): 400 + 200 + 250 = 850.00
        assertTotal(newDeal(terms, deal("d-8b", "20000", "GTX Pro", Channel.ECOMMERCE, LocalDate.of(2017, 5, 31)),
                "20000", "0", ZERO), "850.00");
        // the same deal on 2017-06-01 is outside both windows: 400.00
        CommissionCalculation june = newDeal(terms,
                deal("d-8c", "20000", "GTX Pro", Channel.ECOMMERCE, LocalDate.of(2017, 6, 1)), "20000", "0", ZERO);
        assertThat(june.spiffs()).isEmpty();
        assertTotal(june, "400.00");
    }

    @Test
    void case09_minimumDealSize() {
        // minimum deal size 5,000; a 4,000 deal (R = 10,000) earns nothing: 0.00
        PlanTerms terms = withMinimumDealSize(terms(JAN_1), eur("5000"));
        CommissionCalculation small = newDeal(terms, deal("d-9", "4000"), "4000", "10000", ZERO);
        assertThat(small.meetsMinimumDealSize()).isFalse();
        assertThat(small.slices()).isEmpty();
        assertTotal(small, "0.00");
        // … but its revenue still counts towards attainment: 0.10 → 0.14
        assertThat(small.attainmentAfter()).isEqualByComparingTo("0.14");

        // the minimum applies to the whole deal, not the rep's share: deal 6,000, share 50 % → credited 3,000
        // 3,000 × 2 % = 60.00
        CommissionCalculation share = newDeal(terms, deal("d-9b", "6000"), "3000", "0", ZERO);
        assertThat(share.meetsMinimumDealSize()).isTrue();
        assertTotal(share, "60.00");
    }

    @Test
    void case10_clawbackIsTheExactReversalOfTheMarginalSlices() {
        // accrual as case 3: R = 90,000, d = 30,000 → +500 (5 %) + 1,600 (8 %) = 2,100.00
        PlanVersion plan = version(1, terms(JAN_1));
        DealFacts deal = deal("d-10", "30000");
        CommissionCalculation accrued = calculator.calculate(plan,
                CommissionInput.newDeal(deal, eur("30000"), eur("90000"), TARGET, ZERO));
        assertTotal(accrued, "2100.00");

        // full clawback: R = 120,000, d = −30,000 → takes back 100,000…120,000 at 8 % = −1,600
        // and 90,000…100,000 at 5 % = −500; total −2,100.00: the net of the deal is 0
        CommissionCalculation clawback = calculator.calculate(plan, new CommissionInput(deal, eur("-30000"),
                eur("120000"), TARGET, eur("30000"), accrued.bandCommission(), accrued.commissionBeforePeriodCap()));
        assertSlices(clawback, "90000 100000 0.05 -500", "100000 120000 0.08 -1600");
        assertTotal(clawback, "-2100.00");
        assertThat(accrued.total().plus(clawback.total()).signum()).isZero();

        // partial clawback of 10,000 instead: 110,000…120,000 at 8 % = −800.00
        CommissionCalculation partial = calculator.calculate(plan, new CommissionInput(deal, eur("-10000"),
                eur("120000"), TARGET, eur("30000"), accrued.bandCommission(), accrued.commissionBeforePeriodCap()));
        assertSlices(partial, "110000 120000 0.08 -800");
        assertTotal(partial, "-800.00");
    }

    @Test
    void case11_clawbackTakesBackBonusesSpiffsAndRespectsTheCaps() {
        // plan: bonus 1,000 at 100 %, fixed SPIFF 250 for GTX Pro in May, per-deal cap 1,500
        PlanTerms terms = withSpiffs(withBonuses(withCaps(terms(JAN_1), eur("1500"), null),
                new ThresholdBonus(dec("1.0"), eur("1000"))), new Spiff("gtx", "GTX Pro", null,
                LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 31), eur("250"), null));
        PlanVersion plan = version(1, terms);
        DealFacts deal = deal("d-11", "30000");
        // accrual R = 90,000, d = 30,000: bands 2,100 → capped 1,500; SPIFF 250; bonus 1,000 → 2,750.00
        CommissionCalculation accrued = calculator.calculate(plan,
                CommissionInput.newDeal(deal, eur("30000"), eur("90000"), TARGET, ZERO));
        assertTotal(accrued, "2750.00");

        // partial clawback of 10,000 (R = 120,000 → 110,000): slices −800; deal cap:
        // min(1,500, 2,100 − 800) − min(1,500, 2,100) = 1,300 − 1,500 = −200; the deal still credits → SPIFF kept;
        // 110,000 is still ≥ 100,000 → bonus kept. total −200.00
        CommissionCalculation partial = calculator.calculate(plan, new CommissionInput(deal, eur("-10000"),
                eur("120000"), TARGET, eur("30000"), accrued.bandCommission(), accrued.commissionBeforePeriodCap()));
        assertTotal(partial, "-200.00");

        // then the rest, 20,000 (R = 110,000 → 90,000): slices 100,000…110,000 × 8 % = −800, 90,000…100,000 × 5 % = −500
        // → −1,300; deal cap: min(1,500, 1,300 − 1,300) − min(1,500, 1,300) = −1,300; SPIFF −250 (deal no longer
        // credited); bonus −1,000 (fell below 100 %). total −2,550.00; −200 − 2,550 = −2,750 = the accrual reversed
        CommissionCalculation rest = calculator.calculate(plan, new CommissionInput(deal, eur("-20000"),
                eur("110000"), TARGET, eur("20000"), eur("1300"),
                accrued.commissionBeforePeriodCap().plus(partial.commissionBeforePeriodCap())));
        assertTotal(rest, "-2550.00");
        assertThat(accrued.total().plus(partial.total()).plus(rest.total()).signum()).isZero();
    }

    @Test
    void case12_clawbackUnderABindingPeriodCapTakesBackOnlyWhatWasPaid() {
        // per-period cap 5,000; the period's commission before the cap is 5,650 (paid: 5,000)
        // clawback of 5,000 at the top (R = 115,000 → 110,000): 5,000 × 8 % = −400
        // min(5,000, 5,650 − 400) − min(5,000, 5,650) = 5,000 − 5,000 = 0 → total 0.00
        PlanVersion plan = version(1, withCaps(terms(JAN_1), null, eur("5000")));
        CommissionCalculation c = calculator.calculate(plan, new CommissionInput(deal("d-12", "20000"), eur("-5000"),
                eur("115000"), TARGET, eur("20000"), eur("1450"), eur("5650")));
        assertThat(c.bandCommission().isSameAmountAs(eur("-400"))).isTrue();
        assertTotal(c, "0.00");
    }

    @Test
    void case13_retroactivePlanChangeDelta() {
        // v1: the standard bands; case 2 under v1 = 200 + 1,000 = 1,200.00
        // v2 (retroactive from 2017-01-01) pays 6 % instead of 5 % in 50–100 %:
        //   10,000 × 2 % = 200 + 20,000 × 6 % = 1,200 → 1,400.00
        // the adjustment is the delta 1,400.00 − 1,200.00 = +200.00
        PlanTerms v2 = withBands(terms(JAN_1), List.of(new CommissionBand(dec("0"), dec("0.5"), dec("0.02")),
                new CommissionBand(dec("0.5"), dec("1.0"), dec("0.06")), new CommissionBand(dec("1.0"), null, dec("0.08"))));
        CommissionInput input = CommissionInput.newDeal(deal("d-13", "30000"), eur("30000"), eur("40000"), TARGET, ZERO);
        CommissionCalculation original = calculator.calculate(version(1, terms(JAN_1)), input);
        CommissionCalculation recalculated = calculator.calculate(new PlanVersion("plan-1", 2, v2), input);
        assertTotal(original, "1200.00");
        assertTotal(recalculated, "1400.00");
        assertThat(recalculated.planVersion()).isEqualTo(2);
        assertThat(CommissionCalculator.delta(original, recalculated)).isEqualTo(eur("200.00"));
    }

    @Test
    void case14_retroactiveTargetChangeDelta() {
        // the target is revised from 100,000 to 80,000 (bands now 0–40,000 / 40,000–80,000 / above 80,000)
        // case 2's deal (40,000…70,000) recalculated: 30,000 all in 40,000–80,000 at 5 % = 1,500.00
        // delta 1,500.00 − 1,200.00 = +300.00
        PlanVersion plan = version(1, terms(JAN_1));
        CommissionCalculation original = calculator.calculate(plan,
                CommissionInput.newDeal(deal("d-14", "30000"), eur("30000"), eur("40000"), TARGET, ZERO));
        CommissionCalculation recalculated = calculator.calculate(plan,
                CommissionInput.newDeal(deal("d-14", "30000"), eur("30000"), eur("40000"), eur("80000"), ZERO));
        assertSlices(recalculated, "40000 70000 0.05 1500");
        assertThat(CommissionCalculator.delta(original, recalculated)).isEqualTo(eur("300.00"));
    }

    @Test
    void case15_halfEvenRoundingAndManagerRollUp() {
        // 100.25 × 2 % = 2.005 → HALF_EVEN → 2.00 (to the even cent); 100.75 × 2 % = 2.015 → 2.02
        // negative: −100.25 × 2 % = −2.005 → −2.00 (symmetric, so a full reversal nets to exactly 0)
        PlanTerms terms = terms(JAN_1);
        assertTotal(newDeal(terms, deal("d-15", "100.25"), "100.25", "0", ZERO), "2.00");
        assertTotal(newDeal(terms, deal("d-15b", "100.75"), "100.75", "0", ZERO), "2.02");
        CommissionCalculation reversal = calculator.calculate(version(1, terms), new CommissionInput(
                deal("d-15", "100.25"), eur("-100.25"), eur("100.25"), TARGET, eur("100.25"), eur("2.005"), eur("2.005")));
        assertTotal(reversal, "-2.00");

        // roll-up 1.5 % to managers on the credited 30,000: 450.00, not part of the rep's total (1,200.00)
        CommissionCalculation rolled = newDeal(withRollUp(terms, true, dec("0.015")), deal("d-15c", "30000"), "30000",
                "40000", ZERO);
        assertThat(rolled.managerRollUp()).isEqualTo(eur("450.00"));
        assertTotal(rolled, "1200.00");
        assertThat(newDeal(terms, deal("d-15d", "30000"), "30000", "40000", ZERO).managerRollUp()).isNull();
    }

    @Test
    void refusesInputsInAnotherCurrencyOrWithoutATarget() {
        PlanVersion plan = version(1, terms(JAN_1));
        assertThatIllegalArgumentException().isThrownBy(() -> calculator.calculate(plan, CommissionInput.newDeal(
                deal("d", "10"), Money.of("10", "USD"), Money.zero("USD"), Money.of("10", "USD"), Money.zero("USD"))))
                .withMessageStartingWith("creditedAmount: must be in the plan's currency");
        assertThatIllegalArgumentException().isThrownBy(() -> calculator.calculate(plan, CommissionInput.newDeal(
                deal("d", "10"), eur("10"), ZERO, ZERO, ZERO))).withMessage("target: must be positive");
    }
}
