package io.attain.query.attainment;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Stage;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.query.api.AttainmentView;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given targets, revisions and credits in May 2017 (31 days), attainment as of chosen dates. Team t1: anna and
 * boris (boris moves to t2 from 2017-05-20).
 */
class AttainmentProjectionTest {

    static ProjectionHarness harness;
    static AttainmentQueries queries;
    static final Period MAY = Period.parse("2017-05");

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        Fixtures f = new Fixtures(harness);
        f.region("east", "East");
        f.team("t1", "east", "m1");
        f.team("t2", "east", "m2");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t1", "2016-01-04");
        f.transfer("boris", "t1", "t2", "2017-05-20");
        f.target("ta", TargetOwnerType.REP, "anna", "2017-05", Metric.REVENUE, "3100", "2017-05-01T00:00:00Z");
        f.revise("ta", TargetOwnerType.REP, "anna", "3100", "6200", "2017-05-16T00:00:00Z");
        f.target("tt", TargetOwnerType.TEAM, "t1", "2017-05", Metric.REVENUE, "5000", "2017-05-01T00:00:00Z");
        f.target("tv", TargetOwnerType.REP, "anna", "2017-05", Metric.VISITS, "10", "2017-05-01T00:00:00Z");
        f.target("tp", TargetOwnerType.REP, "anna", "2017-05", Metric.PRODUCT_REVENUE, "1000", "2017-05-01T00:00:00Z");

        f.open("a1", "anna", "Acme", "1000", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("a1", Stage.LEAD, "1000", "2017-05-03T10:00:00Z");
        f.open("a2", "anna", "Beta", "500", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("a2", Stage.LEAD, "500", "2017-05-10T10:00:00Z");
        f.open("a3", "anna", "Gamma", "2000", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("a3", Stage.LEAD, "2000", "2017-05-20T10:00:00Z");
        f.open("a4", "anna", "Delta", "700", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("a4", Stage.LEAD, "700", "2017-05-21T10:00:00Z");
        f.reopen("a4", Stage.WON, Stage.NEGOTIATION, "2017-05-22T10:00:00Z");
        f.open("b1", "boris", "Epsilon", "1000", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("b1", Stage.LEAD, "1000", "2017-05-12T10:00:00Z");
        f.open("b2", "boris", "Zeta", "300", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("b2", Stage.LEAD, "300", "2017-05-25T10:00:00Z");
        for (int day = 2; day <= 5; day++) {
            f.visit("anna", "2017-05-0" + day + "T10:00:00Z");
        }
        harness.awaitCaughtUp();
        queries = new AttainmentQueries(harness.generations(), new BigDecimal("0.1"));
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    private static AttainmentView rep(String repId, Metric metric, String asOf) {
        return queries.attainment(TargetOwnerType.REP, repId, MAY, metric, metric == Metric.PRODUCT_REVENUE ? "Widget"
                : null, LocalDate.parse(asOf));
    }

    @Test
    void midPeriodUsesTheTargetInForceAndTheActualsUpToThatDay() {
        AttainmentView view = rep("anna", Metric.REVENUE, "2017-05-15");
        // the revision to 6200 takes effect 2017-05-16; actual: a1 1000 (05-03) + a2 500 (05-10)
        assertThat(view.target()).isEqualByComparingTo("3100");
        assertThat(view.actual()).isEqualByComparingTo("1500");
        assertThat(view.attainment()).isEqualByComparingTo(
                new BigDecimal("1500").divide(new BigDecimal("3100"), 6, RoundingMode.HALF_EVEN));
        // 15 of 31 days: 3100 × 15 / 31 = 1500
        assertThat(view.expectedByNow()).isEqualByComparingTo("1500");
        assertThat(view.gap()).isEqualByComparingTo("1600");
        assertThat(view.paceGap()).isEqualByComparingTo("0");
        assertThat(view.atRisk()).isFalse();
        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.repId()).isEqualTo("anna");
    }

    @Test
    void theRevisionAppliesFromItsBusinessTime() {
        assertThat(rep("anna", Metric.REVENUE, "2017-05-16").target()).isEqualByComparingTo("6200");
    }

    @Test
    void periodEndWithAReopenedDealAndAtRisk() {
        AttainmentView view = rep("anna", Metric.REVENUE, "2017-05-31");
        // 1000 + 500 + 2000; a4 (700) was won and reopened
        assertThat(view.actual()).isEqualByComparingTo("3500");
        assertThat(view.target()).isEqualByComparingTo("6200");
        BigDecimal attainment = new BigDecimal("3500").divide(new BigDecimal("6200"), 6, RoundingMode.HALF_EVEN);
        assertThat(view.attainment()).isEqualByComparingTo(attainment);
        assertThat(view.expectedByNow()).isEqualByComparingTo("6200");
        assertThat(view.gap()).isEqualByComparingTo("2700");
        // pace 31/31 = 1; 0.5645 trails it by more than 0.1
        assertThat(view.atRisk()).isTrue();
    }

    @Test
    void teamRollsUpItsRepsAtTheTimeOfEachCredit() {
        AttainmentView team = queries.attainment(TargetOwnerType.TEAM, "t1", MAY, Metric.REVENUE, null,
                                                 LocalDate.parse("2017-05-31"));
        // anna 3500 + boris' b1 1000 (05-12, in t1); b2 (05-25) came after boris moved to t2
        assertThat(team.actual()).isEqualByComparingTo("4500");
        assertThat(team.target()).isEqualByComparingTo("5000");
        assertThat(team.attainment()).isEqualByComparingTo("0.9");
        // pace 1 - margin 0.1 = 0.9: not trailing by more than the margin
        assertThat(team.atRisk()).isFalse();
        assertThat(team.teamId()).isEqualTo("t1");
        assertThat(team.repId()).isNull();
        AttainmentView t2 = queries.attainment(TargetOwnerType.TEAM, "t2", MAY, Metric.REVENUE, null,
                                               LocalDate.parse("2017-05-31"));
        assertThat(t2.actual()).isEqualByComparingTo("300");
        assertThat(t2.target()).isNull();
        assertThat(t2.attainment()).isNull();
        assertThat(t2.atRisk()).isFalse();
    }

    @Test
    void countMetricsAndProductRevenue() {
        AttainmentView visits = rep("anna", Metric.VISITS, "2017-05-31");
        assertThat(visits.actual()).isEqualByComparingTo("4");
        assertThat(visits.attainment()).isEqualByComparingTo("0.4");
        assertThat(visits.currency()).isNull();
        // every deal is a Widget deal: 3500 against 1000
        AttainmentView product = rep("anna", Metric.PRODUCT_REVENUE, "2017-05-31");
        assertThat(product.actual()).isEqualByComparingTo("3500");
        assertThat(product.attainment()).isEqualByComparingTo("3.5");
        assertThat(product.productLine()).isEqualTo("Widget");
        AttainmentView won = rep("anna", Metric.DEALS_WON, "2017-05-31");
        assertThat(won.actual()).isEqualByComparingTo("3");
        assertThat(won.target()).isNull();
    }

    @Test
    void quarterRowsAndDefaultAsOf() {
        AttainmentView q2 = queries.attainment(TargetOwnerType.REP, "anna", Period.parse("2017-Q2"), Metric.REVENUE,
                                               null, LocalDate.parse("2017-06-30"));
        assertThat(q2.actual()).isEqualByComparingTo("3500");
        assertThat(q2.target()).isNull();
        assertThat(AttainmentQueries.defaultAsOf(MAY, LocalDate.parse("2026-11-27"))).isEqualTo("2017-05-31");
        assertThat(AttainmentQueries.defaultAsOf(MAY, LocalDate.parse("2017-05-09"))).isEqualTo("2017-05-09");
    }
}
