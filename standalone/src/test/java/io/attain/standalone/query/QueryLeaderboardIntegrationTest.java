package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Leaderboards through HTTP: commands in, boards out, read-your-writes by {@code minPosition}. */
@QueryApiTest
class QueryLeaderboardIntegrationTest {

    @Autowired
    WebTestClient web;

    QueryApi api;
    QueryApi.Org org;
    int year;

    @BeforeEach
    void setUp() {
        api = new QueryApi(web);
        org = api.organisation();
        year = QueryApi.uniqueYear();
    }

    private String at(String monthDay) {
        return year + "-" + monthDay + "T10:00:00Z";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("entries");
    }

    /** The entry's value, without trailing zeros (so that 800 and 800.0 compare equal in tuples). */
    private static BigDecimal value(Map<String, Object> entry) {
        return new BigDecimal(entry.get("value").toString()).stripTrailingZeros();
    }

    @Test
    void revenueBoardWithSplitCreditReopeningTiesAndCuts() {
        String d1 = QueryApi.unique("d");
        String d2 = QueryApi.unique("d");
        String d3 = QueryApi.unique("d");
        String d4 = QueryApi.unique("d");
        api.openDeal(d1, org.anna(), "Acme", 1000, "LEAD", at("05-01"));
        api.win(d1, 1000, at("05-10"));
        api.openDeal(d2, org.boris(), "Beta", 2000, "LEAD", at("05-02"));
        api.split(d2, at("05-11"), org.anna(), 60, org.boris(), 40);
        api.win(d2, 2000, at("05-12"));
        api.openDeal(d3, org.carl(), "Gamma", 800, "LEAD", at("05-03"));
        api.win(d3, 800, at("05-15"));
        api.openDeal(d4, org.carl(), "Delta", 500, "LEAD", at("05-04"));
        api.win(d4, 500, at("05-16"));
        api.reopen(d4, at("05-20"));

        // anna: 1000 + 60% of 2000; boris: 40% of 2000; carl: 800 (d4's 500 was taken back by the reopening)
        BigDecimal anna = new BigDecimal("1000").add(new BigDecimal("2000").multiply(new BigDecimal("0.6")))
                                                .stripTrailingZeros();
        BigDecimal boris = new BigDecimal("2000").multiply(new BigDecimal("0.4")).stripTrailingZeros();
        BigDecimal carl = new BigDecimal("800").stripTrailingZeros();

        Map<String, Object> board = api.read("/api/v1/leaderboards/" + year + "-05?metric=REVENUE");
        assertThat(board).containsEntry("period", year + "-05").containsEntry("metric", "REVENUE")
                         .containsKey("entries");
        assertThat(entries(board).get(0)).containsOnlyKeys("rank", "repId", "repName", "value");
        assertThat(entries(board).get(0).get("value")).isInstanceOf(Number.class);
        // boris and carl tie at 800: same (dense) rank, ordered by name ("Boris …" < "Carl …")
        assertThat(entries(board)).extracting(e -> e.get("rank"), e -> e.get("repId"), QueryLeaderboardIntegrationTest::value)
                                  .containsExactly(tuple(1, org.anna(), anna), tuple(2, org.boris(), boris),
                                                   tuple(2, org.carl(), carl));
        assertThat(entries(board)).extracting(e -> e.get("repName"))
                                  .containsExactly("Anna " + org.anna(), "Boris " + org.boris(), "Carl " + org.carl());

        Map<String, Object> team = api.read("/api/v1/leaderboards/" + year + "-05?metric=REVENUE&team=" + org.t1());
        assertThat(entries(team)).extracting(e -> e.get("repId")).containsExactly(org.anna(), org.boris());
        Map<String, Object> region = api.read("/api/v1/leaderboards/" + year + "-Q2?metric=REVENUE&region="
                                                      + org.region());
        assertThat(entries(region)).hasSize(3);

        Map<String, Object> won = api.read("/api/v1/leaderboards/" + year + "?metric=DEALS_WON");
        // anna: d1 and her share of d2; boris: d2; carl: d3
        assertThat(entries(won)).extracting(e -> e.get("repId"), QueryLeaderboardIntegrationTest::value)
                                .containsExactly(tuple(org.anna(), new BigDecimal("2")),
                                                 tuple(org.boris(), BigDecimal.ONE), tuple(org.carl(), BigDecimal.ONE));
        // (counts: 2 and 1 have no trailing zeros to strip)
    }

    @Test
    void activitiesAndAttainmentBoards() {
        api.activity("visits", org.carl(), at("06-01"));
        api.activity("visits", org.carl(), at("06-02"));
        api.activity("visits", org.anna(), at("06-03"));
        api.activity("proposals", org.boris(), at("06-04"));
        api.target(QueryApi.unique("tg"), "repId", org.anna(), year + "-06", "REVENUE", 4000, at("06-01"));
        String d = QueryApi.unique("d");
        api.openDeal(d, org.anna(), "Acme", 1000, "LEAD", at("06-02"));
        api.win(d, 1000, at("06-05"));

        assertThat(entries(api.read("/api/v1/leaderboards/" + year + "-06?metric=VISITS")))
                .extracting(e -> e.get("rank"), e -> e.get("repId"))
                .containsExactly(tuple(1, org.carl()), tuple(2, org.anna()));
        assertThat(entries(api.read("/api/v1/leaderboards/" + year + "-06?metric=PROPOSALS")))
                .extracting(e -> e.get("repId")).containsExactly(org.boris());
        // 1000 / 4000
        assertThat(entries(api.read("/api/v1/leaderboards/" + year + "-06?metric=ATTAINMENT")))
                .extracting(e -> e.get("repId"), QueryLeaderboardIntegrationTest::value)
                .containsExactly(tuple(org.anna(), new BigDecimal("1000").divide(new BigDecimal("4000"))
                                                                          .stripTrailingZeros()));
        assertThat(entries(api.read("/api/v1/leaderboards/" + year + "-06?metric=NEW_CUSTOMERS")))
                .extracting(e -> e.get("repId")).containsExactly(org.anna());
    }
}
