package io.attain.query.kpi;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.cost.CostCategory;
import io.attain.kernel.cost.SalesCostCorrectedEvent;
import io.attain.kernel.cost.SalesCostRecordedEvent;
import io.attain.platform.problem.ProblemException;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static io.attain.query.support.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * CAC and CLV from costs, exchange rates and won deals. Costs of 2017-Q2: c1 (2017-Q2, DIRECT, team t1) recorded
 * 1,000 USD and corrected to 800 USD; c2 (2017-05, team t2, no channel) 500 EUR = 550 USD at the rate in force on
 * 2017-05-31 (1.10). New customers in Q2: Acme (d1, anna/t1, DIRECT, April), Beta (d2, boris/t2, ECOMMERCE, May) and
 * Gamma, whose first win d3 (March) is reopened so that d4 (June 20, anna after her transfer to t2, DIRECT) is its
 * first. Delta (2016 and 2017) and Epsilon (2016 only) were won before.
 */
class KpiProjectionTest {

    static ProjectionHarness harness;
    static KpiQueries queries;
    static KpiView q1BeforeReopen;
    static KpiView q2BeforeReopen;

    static final Period Q1 = Period.parse("2017-Q1");
    static final Period Q2 = Period.parse("2017-Q2");

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        Fixtures f = new Fixtures(harness);
        f.region("east", "East");
        f.team("t1", "east", "m1");
        f.team("t2", "east", "m2");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t2", "2016-01-04");
        rate("EUR", "USD", "1.10", "2017-01-01");
        rate("EUR", "USD", "1.20", "2017-06-01");
        rate("USD", "EUR", "0.9", "2017-01-01");
        cost("c1", "2017-Q2", CostCategory.MARKETING, Channel.DIRECT, "t1", Money.of("1000", "USD"));
        cost("c2", "2017-05", CostCategory.SALARIES, null, "t2", Money.of("500", "EUR"));
        cost("c3", "2016-12", CostCategory.EVENTS, null, null, Money.of("100", "EUR"));
        harness.publish("SalesCost", "c1", new SalesCostCorrectedEvent(
                "c1", Q2, CostCategory.MARKETING, Channel.DIRECT, "t1", Money.of("1000", "USD"),
                Money.of("800", "USD"), Money.of("-200", "USD"), "credit note", at("2017-07-05T09:00:00Z")));

        f.open("d6", "boris", "Delta", "400", Stage.LEAD, "2016-02-01T10:00:00Z");
        f.win("d6", Stage.LEAD, "400", "2016-03-01T10:00:00Z");
        f.open("d8", "boris", "Epsilon", "800", Stage.LEAD, "2016-04-01T10:00:00Z");
        f.win("d8", Stage.LEAD, "800", "2016-05-01T10:00:00Z");
        f.open("d7", "boris", "Delta", "600", Stage.LEAD, "2017-01-10T10:00:00Z");
        f.win("d7", Stage.LEAD, "600", "2017-02-01T10:00:00Z");
        f.open("d3", "anna", "Gamma", "700", Stage.LEAD, "2017-03-01T10:00:00Z");
        f.win("d3", Stage.LEAD, "700", "2017-03-15T10:00:00Z");
        f.open("d1", "anna", "Acme", "1000", Stage.LEAD, "2017-04-01T10:00:00Z");
        f.win("d1", Stage.LEAD, "1000", "2017-04-10T10:00:00Z");
        f.open("d2", "boris", "Beta", "Widget", Channel.ECOMMERCE, null, "2000", null, Stage.LEAD,
               "2017-05-01T10:00:00Z");
        f.win("d2", Stage.LEAD, "2000", "2017-05-10T10:00:00Z");
        f.transfer("anna", "t1", "t2", "2017-06-15");
        f.open("d4", "anna", "Gamma", "3000", Stage.LEAD, "2017-06-01T10:00:00Z");
        f.win("d4", Stage.LEAD, "3000", "2017-06-20T10:00:00Z");
        harness.awaitCaughtUp();
        queries = new KpiQueries(harness.generations());
        q1BeforeReopen = queries.kpis(Q1, "all", "USD");
        q2BeforeReopen = queries.kpis(Q2, "all", "USD");
        f.reopen("d3", Stage.WON, Stage.NEGOTIATION, "2017-07-02T10:00:00Z");
        harness.awaitCaughtUp();
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    static void rate(String from, String to, String rate, String effective) {
        harness.publish("ExchangeRate", CompensationIds.exchangeRatePairId(from, to),
                        new ExchangeRateRecordedEvent(CompensationIds.exchangeRatePairId(from, to), from, to,
                                                      new BigDecimal(rate), LocalDate.parse(effective),
                                                      at(effective + "T00:00:00Z")));
    }

    static void cost(String id, String period, CostCategory category, Channel channel, String team, Money amount) {
        harness.publish("SalesCost", id, new SalesCostRecordedEvent(id, Period.parse(period), category, channel, team,
                                                                    amount, at("2017-07-01T09:00:00Z")));
    }

    @Test
    void cacOfAQuarterWithCostsInTwoCurrenciesConvertedAtTheRateOfThePeriodsLastDay() {
        KpiView.Cac cac = queries.kpis(Q2, "all", "USD").cac();
        // 800 USD (c1, corrected from 1000) + 500 EUR × 1.10 (rate in force on 2017-05-31) = 1350 USD; 3 new
        assertThat(cac.costs()).isEqualByComparingTo("1350");
        assertThat(cac.newCustomers()).isEqualTo(3);
        assertThat(cac.value()).isEqualByComparingTo("450.00");
        assertThat(cac.value()).hasToString("450.00"); // money: 2 decimals, HALF_EVEN
        assertThat(cac.costs()).hasToString("1350.00");
        assertThat(cac.currency()).isEqualTo("USD");
        assertThat(cac.missingRates()).isEmpty();
        assertThat(cac.costLines())
                .extracting(KpiView.CostLine::period, KpiView.CostLine::currency, l -> l.amount().toPlainString(),
                            KpiView.CostLine::rateDate, l -> l.rate().toPlainString(),
                            KpiView.CostLine::rateEffectiveFrom, l -> l.converted().toPlainString())
                .containsExactly(tuple("2017-05", "EUR", "500", "2017-05-31", "1.1", "2017-01-01", "550"),
                                 tuple("2017-Q2", "USD", "800", "2017-06-30", "1", null, "800"));
        // the year counts the quarter's and its months' costs; 2017 customers: Acme, Beta, Gamma (Delta is of 2016)
        KpiView.Cac year = queries.kpis(Period.parse("2017"), "all", "USD").cac();
        assertThat(year.costs()).isEqualByComparingTo("1350");
        assertThat(year.newCustomers()).isEqualTo(3);
        // a month: only what was recorded for the month
        KpiView.Cac may = queries.kpis(Period.parse("2017-05"), "all", "USD").cac();
        assertThat(may.costs()).isEqualByComparingTo("550");
        assertThat(may.newCustomers()).isEqualTo(1);
        assertThat(may.value()).isEqualByComparingTo("550.00");
    }

    @Test
    void aCorrectionCountsWithItsDelta() {
        KpiView.Cac direct = queries.kpis(Q2, "channel=DIRECT", "USD").cac();
        assertThat(direct.costLines()).extracting(l -> l.amount().toPlainString()).containsExactly("800");
    }

    @Test
    void aMissingRateIsReportedNeverGuessed() {
        // no USD→GBP nor EUR→GBP rate at all
        KpiView.Cac gbp = queries.kpis(Q2, "all", "GBP").cac();
        assertThat(gbp.value()).isNull();
        assertThat(gbp.costs()).isNull();
        assertThat(gbp.reason()).isEqualTo("missing exchange rate");
        assertThat(gbp.missingRates()).containsExactly(new KpiView.MissingRate("EUR", "GBP", "2017-05-31"),
                                                       new KpiView.MissingRate("USD", "GBP", "2017-06-30"));
        // EUR→USD is recorded from 2017-01-01 only: the 2016-12 cost has no rate, not the nearest one
        KpiView.Cac december = queries.kpis(Period.parse("2016"), "all", "USD").cac();
        assertThat(december.value()).isNull();
        assertThat(december.missingRates()).containsExactly(new KpiView.MissingRate("EUR", "USD", "2016-12-31"));
        assertThat(december.costLines()).extracting(KpiView.CostLine::rate).containsExactly((BigDecimal) null);
        // in its own currency it needs no rate: 100 EUR ÷ 2 new customers (Delta, Epsilon)
        assertThat(queries.kpis(Period.parse("2016"), "all", "EUR").cac().value()).isEqualByComparingTo("50.00");
    }

    @Test
    void severalCurrenciesNeedACurrency() {
        assertThatThrownBy(() -> queries.kpis(Q2, "all", null)).isInstanceOf(ProblemException.class)
                                                               .hasMessageContaining("currency");
        // one currency only: the figures' own
        assertThat(queries.kpis(Period.parse("2016-12"), "all", null).currency()).isEqualTo("EUR");
    }

    @Test
    void aReopenedFirstWinMovesTheCustomersNewPeriod() {
        // before the reopening Gamma was new in Q1 (d3, March) and Q2 had 2 new customers
        assertThat(q1BeforeReopen.cac().newCustomers()).isEqualTo(1);
        assertThat(q2BeforeReopen.cac().newCustomers()).isEqualTo(2);
        assertThat(q2BeforeReopen.cac().value()).isEqualByComparingTo("675.00");
        KpiView.Cac q1 = queries.kpis(Q1, "all", "USD").cac();
        assertThat(q1.newCustomers()).isZero();
        assertThat(q1.value()).isNull();
        assertThat(q1.reason()).isEqualTo("no new customers in the period");
        assertThat(queries.kpis(Q2, "all", "USD").cac().newCustomers()).isEqualTo(3);
    }

    @Test
    void moneyIsRoundedOnceToTwoDecimalsHalfEven() {
        // in EUR: 800 USD × 0.9 (USD→EUR, its own recorded pair) + 500 EUR = 1220 EUR ÷ 3 = 406.666… → 406.67
        KpiView.Cac eur = queries.kpis(Q2, "all", "EUR").cac();
        assertThat(eur.costs()).hasToString("1220.00");
        assertThat(eur.value()).hasToString("406.67");
        assertThat(queries.kpis(Q2, "all", "EUR").rounding()).contains("2 decimals HALF_EVEN");
    }

    @Test
    void channelAndTeamCuts() {
        // DIRECT: c1 (800 USD); Acme (d1) and Gamma (d4) came through DIRECT
        KpiView.Cac direct = queries.kpis(Q2, "channel=DIRECT", "USD").cac();
        assertThat(direct.costs()).isEqualByComparingTo("800");
        assertThat(direct.newCustomers()).isEqualTo(2);
        assertThat(direct.value()).isEqualByComparingTo("400.00");
        KpiView.Cac ecommerce = queries.kpis(Q2, "channel=ECOMMERCE", "USD").cac();
        assertThat(ecommerce.costs()).isEqualByComparingTo("0");
        assertThat(ecommerce.newCustomers()).isEqualTo(1);
        assertThat(ecommerce.value()).isEqualByComparingTo("0.00");
        // team t1: c1; Acme (anna in t1 on April 10). team t2: c2; Beta (boris) and Gamma (anna, in t2 on June 20)
        KpiView.Cac t1 = queries.kpis(Q2, "team=t1", "USD").cac();
        assertThat(t1.costs()).isEqualByComparingTo("800");
        assertThat(t1.newCustomers()).isEqualTo(1);
        assertThat(t1.value()).isEqualByComparingTo("800.00");
        KpiView.Cac t2 = queries.kpis(Q2, "team=t2", "USD").cac();
        assertThat(t2.costs()).isEqualByComparingTo("550");
        assertThat(t2.newCustomers()).isEqualTo(2);
        assertThat(t2.value()).isEqualByComparingTo("275.00");
    }

    @Test
    void clvWithEveryInput() {
        KpiView.Clv clv = queries.kpis(Q2, "all", "EUR").clv();
        // 2016: Delta and Epsilon active, Delta also in 2017: retention 1/2, lifetime 1 ÷ (1 − 0.5) = 2 years
        assertThat(clv.retention().years()).containsExactly(new KpiView.YearRetention(2016, 2, 1));
        assertThat(clv.retention().rate()).isEqualByComparingTo("0.5");
        assertThat(clv.expectedLifetimeYears()).isEqualByComparingTo("2");
        // yearly: Acme 1000, Beta 2000, Gamma 3000 (d3 reopened), Delta (400 + 600) ÷ 2, Epsilon 800 ÷ 2
        assertThat(clv.perCustomer())
                .extracting(KpiView.CustomerClv::customer, c -> c.revenue().toPlainString(),
                            KpiView.CustomerClv::yearsObserved, c -> c.averageYearlyRevenue().toPlainString(),
                            c -> c.value().toPlainString(), KpiView.CustomerClv::firstWonDealId)
                .containsExactly(tuple("Acme", "1000.00", 1, "1000.00", "2000.00", "d1"),
                                 tuple("Beta", "2000.00", 1, "2000.00", "4000.00", "d2"),
                                 tuple("Delta", "1000.00", 2, "500.00", "1000.00", "d6"),
                                 tuple("Epsilon", "800.00", 2, "400.00", "800.00", "d8"),
                                 tuple("Gamma", "3000.00", 1, "3000.00", "6000.00", "d4"));
        assertThat(clv.customers()).isEqualTo(5);
        assertThat(clv.revenue()).isEqualByComparingTo("7800");
        assertThat(clv.customerYears()).isEqualTo(7);
        assertThat(clv.averageYearlyRevenue()).isEqualByComparingTo("1380");
        assertThat(clv.value()).isEqualByComparingTo("2760.00");
        assertThat(clv.currency()).isEqualTo("EUR");
        assertThat(clv.formula()).contains("averageYearlyRevenue", "expectedLifetimeYears");
        assertThat(clv.marginBasis()).startsWith("REVENUE");
        // the cut: customers acquired through DIRECT (all but Beta)
        assertThat(queries.kpis(Q2, "channel=DIRECT", "EUR").clv().customers()).isEqualTo(4);
        // 2016 wins have no EUR→USD rate: CLV in USD is not guessed
        KpiView.Clv usd = queries.kpis(Q2, "all", "USD").clv();
        assertThat(usd.value()).isNull();
        assertThat(usd.missingRates()).contains(new KpiView.MissingRate("EUR", "USD", "2016-03-01"));
        // a single year observed: no retention, no CLV, and the answer says why
        KpiView.Clv early = queries.kpis(Period.parse("2016"), "all", "EUR").clv();
        assertThat(early.value()).isNull();
        assertThat(early.reason()).startsWith("retention not observed");
    }

    @Test
    void replayGivesTheSameDocuments() {
        Map<String, String> live = harness.hashes();
        Map<String, Map<String, String>> liveDocs = harness.snapshot();
        harness.replay(KpiProjection.NAME);
        harness.awaitCaughtUp();
        assertThat(harness.hashes()).as(() -> ProjectionHarness.diff(liveDocs, harness.snapshot())).isEqualTo(live);
        assertThat(queries.kpis(Q2, "all", "USD").cac().value()).isEqualByComparingTo("450.00");
    }
}
