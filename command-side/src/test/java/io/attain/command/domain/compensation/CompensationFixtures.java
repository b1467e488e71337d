package io.attain.command.domain.compensation;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.DealFacts;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.Spiff;
import io.attain.kernel.compensation.ThresholdBonus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Plans, deals and money for the compensation tests. */
final class CompensationFixtures {

    static final LocalDate JAN_1 = LocalDate.of(2017, 1, 1);
    static final LocalDate MAY_10 = LocalDate.of(2017, 5, 10);

    private CompensationFixtures() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** 0–50 % at 2 % (decelerator), 50–100 % at 5 %, above 100 % at 8 % (accelerator). */
    static List<CommissionBand> standardBands() {
        return List.of(new CommissionBand(dec("0"), dec("0.5"), dec("0.02")),
                new CommissionBand(dec("0.5"), dec("1.0"), dec("0.05")),
                new CommissionBand(dec("1.0"), null, dec("0.08")));
    }

    /** EUR, the standard bands, nothing else; 90 days clawback window. */
    static PlanTerms terms(LocalDate effectiveFrom) {
        return new PlanTerms(effectiveFrom, "EUR", eur("3000.00"), standardBands(), null, null, List.of(), List.of(),
                null, 90, false, null);
    }

    static PlanTerms withCaps(PlanTerms t, Money perDeal, Money perPeriod) {
        return new PlanTerms(t.effectiveFrom(), t.currency(), t.basePay(), t.bands(), perDeal, perPeriod,
                t.thresholdBonuses(), t.spiffs(), t.minimumDealSize(), t.clawbackWindowDays(), t.rollUpToManagers(),
                t.rollUpRate());
    }

    static PlanTerms withBonuses(PlanTerms t, ThresholdBonus... bonuses) {
        return new PlanTerms(t.effectiveFrom(), t.currency(), t.basePay(), t.bands(), t.perDealCap(), t.perPeriodCap(),
                List.of(bonuses), t.spiffs(), t.minimumDealSize(), t.clawbackWindowDays(), t.rollUpToManagers(),
                t.rollUpRate());
    }

    static PlanTerms withSpiffs(PlanTerms t, Spiff... spiffs) {
        return new PlanTerms(t.effectiveFrom(), t.currency(), t.basePay(), t.bands(), t.perDealCap(), t.perPeriodCap(),
                t.thresholdBonuses(), List.of(spiffs), t.minimumDealSize(), t.clawbackWindowDays(),
                t.rollUpToManagers(), t.rollUpRate());
    }

    static PlanTerms withMinimumDealSize(PlanTerms t, Money minimum) {
        return new PlanTerms(t.effectiveFrom(), t.currency(), t.basePay(), t.bands(), t.perDealCap(), t.perPeriodCap(),
                t.thresholdBonuses(), t.spiffs(), minimum, t.clawbackWindowDays(), t.rollUpToManagers(),
                t.rollUpRate());
    }

    static PlanTerms withBands(PlanTerms t, List<CommissionBand> bands) {
        return new PlanTerms(t.effectiveFrom(), t.currency(), t.basePay(), bands, t.perDealCap(), t.perPeriodCap(),
                t.thresholdBonuses(), t.spiffs(), t.minimumDealSize(), t.clawbackWindowDays(), t.rollUpToManagers(),
                t.rollUpRate());
    }

    static PlanTerms withRollUp(PlanTerms t, boolean rollUp, BigDecimal rate) {
        return new PlanTerms(t.effectiveFrom(), t.currency(), t.basePay(), t.bands(), t.perDealCap(), t.perPeriodCap(),
                t.thresholdBonuses(), t.spiffs(), t.minimumDealSize(), t.clawbackWindowDays(), rollUp, rate);
    }

    static PlanTerms withClawbackWindow(PlanTerms t, int days) {
        return new PlanTerms(t.effectiveFrom(), t.currency(), t.basePay(), t.bands(), t.perDealCap(), t.perPeriodCap(),
                t.thresholdBonuses(), t.spiffs(), t.minimumDealSize(), days, t.rollUpToManagers(), t.rollUpRate());
    }

    static PlanTerms withCurrency(PlanTerms t, String currency) {
        return new PlanTerms(t.effectiveFrom(), currency, null, t.bands(), null, null, List.of(), List.of(), null,
                t.clawbackWindowDays(), false, null);
    }

    static PlanVersion version(int number, PlanTerms terms) {
        return new PlanVersion("plan-1", number, terms);
    }

    static DealFacts deal(String dealId, String size) {
        return new DealFacts(dealId, "GTX Pro", Channel.DIRECT, MAY_10, eur(size));
    }

    static DealFacts deal(String dealId, String size, String productLine, Channel channel, LocalDate date) {
        return new DealFacts(dealId, productLine, channel, date, eur(size));
    }
}
