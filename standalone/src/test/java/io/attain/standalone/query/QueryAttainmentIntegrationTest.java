package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Quota attainment through HTTP, as of chosen dates of a 31-day month. */
@QueryApiTest
class QueryAttainmentIntegrationTest {

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

    private static BigDecimal number(Map<String, Object> view, String field) {
        return new BigDecimal(view.get(field).toString());
    }

    @Test
    void repAndTeamAttainmentWithARevisionAndPace() {
        String target = QueryApi.unique("tg");
        api.target(target, "repId", org.anna(), year + "-05", "REVENUE", 3100, year + "-05-01T00:00:00Z");
        api.revise(target, "repId", org.anna(), 6200, year + "-05-16T00:00:00Z");
        api.target(QueryApi.unique("tg"), "teamId", org.t1(), year + "-05", "REVENUE", 5000,
                   year + "-05-01T00:00:00Z");
        String d1 = QueryApi.unique("d");
        String d2 = QueryApi.unique("d");
        String d3 = QueryApi.unique("d");
        api.openDeal(d1, org.anna(), "Acme", 1000, "LEAD", at("05-01"));
        api.win(d1, 1000, at("05-03"));
        api.openDeal(d2, org.anna(), "Beta", 500, "LEAD", at("05-01"));
        api.win(d2, 500, at("05-10"));
        api.openDeal(d3, org.boris(), "Gamma", 2000, "LEAD", at("05-01"));
        api.win(d3, 2000, at("05-20"));

        Map<String, Object> mid = api.read("/api/v1/attainment/" + year + "-05?repId=" + org.anna()
                                                   + "&asOf=" + year + "-05-15");
        assertThat(mid).containsEntry("period", year + "-05").containsEntry("repId", org.anna())
                       .containsEntry("metric", "REVENUE").containsEntry("atRisk", false);
        // the revision to 6200 applies from 05-16; actual: 1000 (05-03) + 500 (05-10)
        assertThat(number(mid, "target")).isEqualByComparingTo("3100");
        assertThat(number(mid, "actual")).isEqualByComparingTo("1500");
        assertThat(number(mid, "attainment")).isEqualByComparingTo(
                new BigDecimal("1500").divide(new BigDecimal("3100"), 6, RoundingMode.HALF_EVEN));
        // 15 of 31 days: 3100 × 15 / 31
        assertThat(number(mid, "expectedByNow")).isEqualByComparingTo(
                new BigDecimal("3100").multiply(new BigDecimal(15)).divide(new BigDecimal(31), 2, RoundingMode.HALF_EVEN));
        assertThat(number(mid, "gap")).isEqualByComparingTo("1600");

        Map<String, Object> end = api.read("/api/v1/attainment/" + year + "-05?repId=" + org.anna()
                                                   + "&metric=REVENUE&asOf=" + year + "-05-31");
        assertThat(number(end, "target")).isEqualByComparingTo("6200");
        // 1500 / 6200 = 0.24 trails the full pace (1) by more than 0.1
        assertThat(end).containsEntry("atRisk", true);

        Map<String, Object> team = api.read("/api/v1/attainment/" + year + "-05?teamId=" + org.t1()
                                                    + "&asOf=" + year + "-05-31");
        // anna 1500 + boris 2000 against 5000
        assertThat(team).containsEntry("teamId", org.t1()).doesNotContainKey("repId");
        assertThat(number(team, "actual")).isEqualByComparingTo("3500");
        assertThat(number(team, "attainment")).isEqualByComparingTo(
                new BigDecimal("3500").divide(new BigDecimal("5000"), 6, RoundingMode.HALF_EVEN));
    }
}
