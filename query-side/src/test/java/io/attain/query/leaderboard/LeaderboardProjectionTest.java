package io.attain.query.leaderboard;

import io.attain.query.api.Ranking;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Stage;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.query.api.LeaderboardEntry;
import io.attain.query.api.LeaderboardView;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Given the events below, the leaderboards. Teams: t1 (region east): anna, boris, erin; t2 (region west): carl
 * (moves to t1 from 2017-05-16), dave (whose name is "Boris" too), fred.
 */
class LeaderboardProjectionTest {

    static ProjectionHarness harness;
    static LeaderboardQueries queries;

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        Fixtures f = new Fixtures(harness);
        f.region("east", "East");
        f.region("west", "West");
        f.team("t1", "east", "m1");
        f.team("t2", "west", "m2");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t1", "2016-01-04");
        f.rep("erin", "Erin", "t1", "2016-01-04");
        f.rep("carl", "Carl", "t2", "2016-01-04");
        f.rep("dave", "Boris", "t2", "2016-01-04");
        f.rep("fred", "Fred", "t2", "2016-01-04");
        f.transfer("carl", "t2", "t1", "2017-05-16");

        f.open("d1", "anna", "Acme", "1000", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("d1", Stage.LEAD, "1000", "2017-05-10T10:00:00Z");
        f.open("d2", "boris", "Acme", "2000", Stage.LEAD, "2017-05-02T10:00:00Z");
        f.split("d2", "2017-05-11T10:00:00Z", "anna", "60", "boris", "40");
        f.win("d2", Stage.LEAD, "2000", "2017-05-12T10:00:00Z");
        f.open("d3", "carl", "Zeta", "800", Stage.LEAD, "2017-05-03T10:00:00Z");
        f.win("d3", Stage.LEAD, "800", "2017-05-15T10:00:00Z");
        f.open("d4", "carl", "Zeta2", "1000", Stage.LEAD, "2017-05-04T10:00:00Z");
        f.win("d4", Stage.LEAD, "1000", "2017-05-16T10:00:00Z");
        f.reopen("d4", Stage.WON, Stage.NEGOTIATION, "2017-05-20T10:00:00Z");
        f.amount("d4", "1000", "5000", "2017-05-21T10:00:00Z");
        f.win("d4", Stage.NEGOTIATION, "5000", "2017-06-02T10:00:00Z");
        f.open("d5", "dave", "Kappa", "800", Stage.LEAD, "2017-05-05T10:00:00Z");
        f.win("d5", Stage.LEAD, "800", "2017-05-17T10:00:00Z");
        f.open("d6", "fred", "Lambda", "100", Stage.LEAD, "2017-05-06T10:00:00Z");
        f.win("d6", Stage.LEAD, "100", "2017-05-18T10:00:00Z");
        f.open("e1", "erin", "Omega", "100", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("e1", Stage.LEAD, "100", "2017-05-05T10:00:00Z");
        f.open("e2", "erin", "Omega", "50", Stage.LEAD, "2017-05-02T10:00:00Z");
        f.win("e2", Stage.LEAD, "50", "2017-06-10T10:00:00Z");
        f.reopen("e1", Stage.WON, Stage.NEGOTIATION, "2017-06-12T10:00:00Z");

        f.visit("anna", "2017-05-02T10:00:00Z");
        f.visit("anna", "2017-05-03T10:00:00Z");
        f.visit("anna", "2017-05-04T10:00:00Z");
        f.visit("boris", "2017-05-05T10:00:00Z");
        f.proposal("fred", "2017-05-05T10:00:00Z");
        f.proposal("fred", "2017-05-06T10:00:00Z");

        f.target("ta", TargetOwnerType.REP, "anna", "2017-05", Metric.REVENUE, "2000", "2017-05-01T00:00:00Z");
        f.revise("ta", TargetOwnerType.REP, "anna", "2000", "4000", "2017-06-05T00:00:00Z");
        f.target("tb", TargetOwnerType.REP, "boris", "2017-05", Metric.REVENUE, "1000", "2017-05-01T00:00:00Z");
        f.revise("tb", TargetOwnerType.REP, "boris", "1000", "1600", "2017-05-20T00:00:00Z");
        f.target("tv", TargetOwnerType.REP, "anna", "2017-05", Metric.VISITS, "10", "2017-05-01T00:00:00Z");
        harness.awaitCaughtUp();
        queries = new LeaderboardQueries(harness.generations());
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    private static List<org.assertj.core.groups.Tuple> rows(LeaderboardView view) {
        return view.entries().stream().map(e -> tuple(e.rank(), e.repId(), e.repName(), e.value().stripTrailingZeros()))
                   .toList();
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value).stripTrailingZeros();
    }

    @Test
    void revenueWithSplitCreditReopeningAndDenseRanksWithTheTieBreak() {
        LeaderboardView may = queries.board("2017-05", "REVENUE", "all", null);
        assertThat(may.currency()).isEqualTo("EUR");
        // anna: d1 1000 + 60% of d2 2000 = 2200; boris 40% of d2 = 800; carl d3 800 (d4 reopened);
        // dave 800; fred 100; erin's e1 was reopened: not listed.
        // 800 three times: rank 2 each, by name (Boris, Boris, Carl) then id (boris < dave); fred gets rank 3 (dense)
        assertThat(may.entries()).extracting(e -> tuple(e.rank(), e.repId(), e.repName(), e.value().stripTrailingZeros()))
                                 .containsExactly(tuple(1, "anna", "Anna", n("2200")),
                                                  tuple(2, "boris", "Boris", n("800")),
                                                  tuple(2, "dave", "Boris", n("800")),
                                                  tuple(2, "carl", "Carl", n("800")),
                                                  tuple(3, "fred", "Fred", n("100")));
    }

    @Test
    void winAfterReopeningCountsWithItsOwnAmountInItsOwnPeriod() {
        // d4 won again 2017-06-02 with 5000 (the amount change after the reopening applies through that win);
        // erin's e2 50 in June
        assertThat(rows(queries.board("2017-06", "REVENUE", "all", null)))
                .containsExactly(tuple(1, "carl", "Carl", n("5000")), tuple(2, "erin", "Erin", n("50")));
        // Q2: carl 800 + 5000, anna 2200, boris/dave 800, fred 100, erin 50
        assertThat(rows(queries.board("2017-Q2", "REVENUE", "all", null)))
                .containsExactly(tuple(1, "carl", "Carl", n("5800")), tuple(2, "anna", "Anna", n("2200")),
                                 tuple(3, "boris", "Boris", n("800")), tuple(3, "dave", "Boris", n("800")),
                                 tuple(4, "fred", "Fred", n("100")), tuple(5, "erin", "Erin", n("50")));
    }

    @Test
    void teamAndRegionCutsUseTheTeamAtTheTimeOfTheWin() {
        // carl's d3 (05-15) was before the move to t1 (05-16): t2; his d4 win at 05-16 went to t1 and was reopened
        assertThat(rows(queries.board("2017-05", "REVENUE", "team=t2", null)))
                .containsExactly(tuple(1, "dave", "Boris", n("800")), tuple(1, "carl", "Carl", n("800")),
                                 tuple(2, "fred", "Fred", n("100")));
        assertThat(rows(queries.board("2017-05", "REVENUE", "region=west", null)))
                .isEqualTo(rows(queries.board("2017-05", "REVENUE", "team=t2", null)));
        assertThat(rows(queries.board("2017-05", "REVENUE", "team=t1", null)))
                .containsExactly(tuple(1, "anna", "Anna", n("2200")), tuple(2, "boris", "Boris", n("800")));
        assertThat(rows(queries.board("2017-06", "REVENUE", "team=t1", null)))
                .containsExactly(tuple(1, "carl", "Carl", n("5000")), tuple(2, "erin", "Erin", n("50")));
    }

    @Test
    void dealsWonCountsEachCreditedRepOnce() {
        // anna: d1 and (a share of) d2; boris d2; carl d3 (d4 reopened); dave d5; fred d6
        assertThat(rows(queries.board("2017-05", "DEALS_WON", "all", null)))
                .containsExactly(tuple(1, "anna", "Anna", n("2")), tuple(2, "boris", "Boris", n("1")),
                                 tuple(2, "dave", "Boris", n("1")), tuple(2, "carl", "Carl", n("1")),
                                 tuple(2, "fred", "Fred", n("1")));
    }

    @Test
    void newCustomersAreTheFirstWonDealWithACustomerPerRep() {
        // May: anna (Acme, d1), boris (Acme, his share of d2), carl (Zeta; Zeta2's May win was reopened),
        // dave (Kappa), fred (Lambda); erin's first Omega deal e1 was reopened, so her first is e2 (June)
        assertThat(queries.board("2017-05", "NEW_CUSTOMERS", "all", null).entries())
                .extracting(LeaderboardEntry::repId).containsExactly("anna", "boris", "dave", "carl", "fred");
        assertThat(rows(queries.board("2017-06", "NEW_CUSTOMERS", "all", null)))
                .containsExactly(tuple(1, "carl", "Carl", n("1")), tuple(1, "erin", "Erin", n("1")));
    }

    @Test
    void activities() {
        assertThat(rows(queries.board("2017-05", "VISITS", "all", null)))
                .containsExactly(tuple(1, "anna", "Anna", n("3")), tuple(2, "boris", "Boris", n("1")));
        assertThat(rows(queries.board("2017-05", "PROPOSALS", "team=t2", null)))
                .containsExactly(tuple(1, "fred", "Fred", n("2")));
    }

    @Test
    void attainmentIsRevenueOverTheTargetInForceAtThePeriodEnd() {
        // anna: 2200 / 2000 (the revision to 4000 came after May); boris: 800 / 1600 (revised within May)
        BigDecimal anna = new BigDecimal("2200").divide(new BigDecimal("2000"), 6, RoundingMode.HALF_EVEN);
        BigDecimal boris = new BigDecimal("800").divide(new BigDecimal("1600"), 6, RoundingMode.HALF_EVEN);
        assertThat(rows(queries.board("2017-05", "ATTAINMENT", "all", null)))
                .containsExactly(tuple(1, "anna", "Anna", anna.stripTrailingZeros()),
                                 tuple(2, "boris", "Boris", boris.stripTrailingZeros()));
        assertThat(rows(queries.board("2017-05", "ATTAINMENT", "team=t1", null))).hasSize(2);
    }

    @Test
    void rankingRuleOnItsOwn() {
        List<LeaderboardEntry> ranked = Ranking.rank(List.of(
                new LeaderboardEntry(0, "b", "Bea", new BigDecimal("5")),
                new LeaderboardEntry(0, "a", "Bea", new BigDecimal("5.00")),
                new LeaderboardEntry(0, "c", "Al", new BigDecimal("5")),
                new LeaderboardEntry(0, "d", "Zed", new BigDecimal("7")),
                new LeaderboardEntry(0, "e", "Al", new BigDecimal("1"))));
        assertThat(ranked).extracting(LeaderboardEntry::rank, LeaderboardEntry::repId)
                          .containsExactly(tuple(1, "d"), tuple(2, "c"), tuple(2, "a"), tuple(2, "b"), tuple(3, "e"));
    }

    @Test
    void oneDocumentPerBoard() {
        assertThat(harness.doc(LeaderboardProjection.BOARDS, "2017-05|REVENUE|region=west")).isNotNull();
        assertThat(harness.doc(LeaderboardProjection.BOARDS, "2017-05|REVENUE|all").get("entries", org.bson.Document.class))
                .doesNotContainKey("erin");
    }
}
