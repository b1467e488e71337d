package io.attain.command.domain.channel;

import io.attain.kernel.channel.RebateCalculation;
import io.attain.kernel.common.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.attain.command.domain.channel.ChannelFixtures.JAN_1;
import static io.attain.command.domain.channel.ChannelFixtures.MAY_12;
import static io.attain.command.domain.channel.ChannelFixtures.eur;
import static io.attain.command.domain.channel.ChannelFixtures.terms;
import static io.attain.command.domain.channel.ChannelFixtures.usd;
import static io.attain.command.domain.channel.ChannelFixtures.usdToEur;
import static io.attain.command.domain.channel.ChannelFixtures.version;
import static io.attain.command.domain.channel.ChannelFixtures.won;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked rebate cases, each figure computed by hand in the comment. The agreement: EUR, quarterly, marginal tiers
 * 0–100,000 at 2 %, 100,000–250,000 at 3.5 %, above 250,000 at 5 %. Each line is rounded once, HALF_EVEN to cents.
 * (Conflict hold and release, and reopen reversals through the process: {@code ChannelProcessTest}.)
 */
class RebateWorkedExamplesTest {

    private static final Period Q2 = Period.parse("2017-Q2");

    private static RebateCalculation calc(String amount, String before) {
        return RebateCalculator.calculate(version(1, terms(JAN_1)), Q2, won("d", eur(amount), MAY_12), null,
                eur(before));
    }

    private static void assertSlices(RebateCalculation c, String... revenueRateRebate) {
        assertThat(c.slices()).hasSize(revenueRateRebate.length);
        for (int i = 0; i < revenueRateRebate.length; i++) {
            String[] expected = revenueRateRebate[i].split(" ");
            assertThat(c.slices().get(i).revenue().amount()).isEqualByComparingTo(expected[0]);
            assertThat(c.slices().get(i).rate()).isEqualByComparingTo(expected[1]);
            assertThat(c.slices().get(i).rebate().amount()).isEqualByComparingTo(expected[2]);
        }
    }

    @Test
    void example1_insideTheFirstTier() {
        // 40,000 at a quarter revenue of 0: 40,000 × 2 % = 800.00
        RebateCalculation c = calc("40000", "0");
        assertSlices(c, "40000 0.02 800");
        assertThat(c.rebate()).isEqualTo(eur("800.00"));
        assertThat(c.revenueAfter()).isEqualTo(eur("40000"));
    }

    @Test
    void example2_crossingTwoTierBoundaries() {
        // 200,000 at 80,000: 20,000 × 2 % = 400; 150,000 × 3.5 % = 5,250; 30,000 × 5 % = 1,500 → 7,150.00
        RebateCalculation c = calc("200000", "80000");
        assertSlices(c, "20000 0.02 400", "150000 0.035 5250", "30000 0.05 1500");
        assertThat(c.slices().get(1).revenueFrom()).isEqualTo(eur("100000"));
        assertThat(c.slices().get(1).revenueTo()).isEqualTo(eur("250000"));
        assertThat(c.rebate()).isEqualTo(eur("7150.00"));
        assertThat(c.revenueAfter()).isEqualTo(eur("280000"));
    }

    @Test
    void example3_anotherCurrencyConvertedAtTheRateInForce() {
        // 12,345.67 USD × 0.9123 (USD→EUR from 2017-05-01) = 11,262.954741 EUR at 95,000 before:
        // 5,000 × 2 % = 100; 6,262.954741 × 3.5 % = 219.203415935 → 319.203415935 → 319.20 (−0.003415935)
        RebateCalculation c = RebateCalculator.calculate(version(1, terms(JAN_1)), Q2,
                won("d", usd("12345.67"), MAY_12), usdToEur("0.9123", LocalDate.of(2017, 5, 1)), eur("95000"));
        assertThat(c.revenue()).isEqualTo(eur("11262.954741"));
        assertSlices(c, "5000 0.02 100", "6262.954741 0.035 219.203415935");
        assertThat(c.exactRebate().amount()).isEqualByComparingTo("319.203415935");
        assertThat(c.rebate()).isEqualTo(eur("319.20"));
        assertThat(c.roundingDifference().amount()).isEqualByComparingTo("-0.003415935");
    }

    @Test
    void example4_roundingOncePerLineHalfEven() {
        // 100.25 × 2 % = 2.005 → HALF_EVEN → 2.00 (the even cent); 100.75 × 2 % = 2.015 → 2.02
        assertThat(calc("100.25", "0").rebate()).isEqualTo(eur("2.00"));
        assertThat(calc("100.75", "0").rebate()).isEqualTo(eur("2.02"));
        assertThat(calc("100.25", "0").roundingDifference().amount()).isEqualByComparingTo("-0.005");
    }

    @Test
    void example5_aDealStartingExactlyOnATierBoundary() {
        // 50,000 at exactly 100,000: all in the second tier, 50,000 × 3.5 % = 1,750.00 (no empty first slice)
        RebateCalculation c = calc("50000", "100000");
        assertSlices(c, "50000 0.035 1750");
        assertThat(c.rebate()).isEqualTo(eur("1750.00"));
    }
}
