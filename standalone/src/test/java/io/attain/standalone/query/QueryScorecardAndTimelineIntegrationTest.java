package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A rep's scorecard and a deal's timeline through HTTP. */
@QueryApiTest
class QueryScorecardAndTimelineIntegrationTest {

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

    @Test
    @SuppressWarnings("unchecked")
    void scorecard() {
        String d1 = QueryApi.unique("d");
        api.openDeal(d1, org.anna(), "Acme", 1000, "LEAD", at("05-01"));
        api.split(d1, at("05-02"), org.anna(), 75, org.boris(), 25);
        api.win(d1, 1000, at("05-03"));
        api.activity("visits", org.anna(), at("05-04"));
        api.activity("calls", org.anna(), at("05-05"));
        api.activity("calls", org.anna(), at("05-06"));
        api.activity("proposals", org.anna(), at("05-07"));

        Map<String, Object> card = api.read("/api/v1/scorecards/" + year + "-05?repId=" + org.anna());
        assertThat(card).containsEntry("repId", org.anna()).containsEntry("period", year + "-05")
                        .containsEntry("dealsWon", 1).containsEntry("visits", 1).containsEntry("calls", 2)
                        .containsEntry("proposals", 1);
        List<Map<String, Object>> revenue = (List<Map<String, Object>>) card.get("revenue");
        // 75% of 1000
        assertThat(revenue).hasSize(1);
        assertThat(new BigDecimal(revenue.get(0).get("amount").toString()))
                .isEqualByComparingTo(new BigDecimal("1000").multiply(new BigDecimal("0.75")));
        assertThat(revenue.get(0)).containsEntry("currency", "EUR");
    }

    @Test
    @SuppressWarnings("unchecked")
    void timelineListsEveryEventWithThePositionItsWriteReturned() {
        String deal = QueryApi.unique("d");
        List<Long> positions = new ArrayList<>();
        positions.add(api.openDeal(deal, org.anna(), "Acme", 1000, "LEAD", at("05-01")));
        positions.add(api.stage(deal, "PROPOSAL", at("05-02")));
        positions.add(api.win(deal, 1100, at("05-03")));
        positions.add(api.reopen(deal, at("05-04")));
        positions.add(api.lose(deal, "budget", at("05-05")));

        Map<String, Object> timeline = api.read("/api/v1/deals/" + deal + "/timeline");
        List<Map<String, Object>> events = (List<Map<String, Object>>) timeline.get("events");
        assertThat(events).extracting(e -> e.get("type"))
                          .containsExactly("DealOpened", "DealStageChanged", "DealWon", "DealReopened", "DealLost");
        assertThat(events).extracting(e -> ((Number) e.get("position")).longValue()).containsExactlyElementsOf(positions);
        assertThat(events).extracting(e -> e.get("occurredAt"))
                          .containsExactly(at("05-01"), at("05-02"), at("05-03"), at("05-04"), at("05-05"));
        assertThat(events).allSatisfy(e -> assertThat(e).containsKeys("recordedAt", "seq", "summary"));
        assertThat((Map<String, Object>) events.get(4).get("summary")).containsEntry("reason", "budget");
    }

    /** Creates the organisation entry unless another test did already (201 or 409). */
    private void ensure(String path, Map<String, Object> body) {
        web.post().uri(path).headers(h -> h.setBearerAuth(QueryApi.ADMIN)).bodyValue(body).exchange()
           .expectStatus().value(status -> assertThat(status).isIn(201, 409));
    }

    private void timelineAnswers(String deal, String token, int status) {
        api.get("/api/v1/deals/" + deal + "/timeline?minPosition=" + api.lastPosition(), token)
           .expectStatus().isEqualTo(status);
    }

    @Test
    void aDealsTimelineIsForItsRepsTheirManagerAndTheBackOffice() {
        // the REP token is it-anna of it-team-east, the MANAGER token manages it-team-east
        ensure("/api/v1/regions", QueryApi.json("regionId", "it-region", "name", "IT", "managerId", "it-vp"));
        ensure("/api/v1/teams", QueryApi.json("teamId", "it-team-east", "name", "East", "regionId", "it-region",
                                              "managerId", "mgr-east"));
        ensure("/api/v1/reps", QueryApi.json("repId", "it-anna", "name", "Anna", "role", "SALES_REP",
                                             "teamId", "it-team-east", "managerId", "mgr-east", "hireDate", "2016-01-04"));
        String annas = QueryApi.unique("d");
        String shared = QueryApi.unique("d");
        String carls = QueryApi.unique("d");
        api.openDeal(annas, "it-anna", "Acme", 1000, "LEAD", at("06-01"));
        api.openDeal(shared, org.boris(), "Acme", 1000, "LEAD", at("06-01"));
        api.split(shared, at("06-02"), org.boris(), 50, "it-anna", 50);
        api.openDeal(carls, org.carl(), "Acme", 1000, "LEAD", at("06-01"));
        String unknown = QueryApi.unique("nope");

        for (String deal : List.of(annas, shared, carls)) {
            timelineAnswers(deal, QueryApi.ADMIN, 200);
            timelineAnswers(deal, "it-auditor-token", 200);
        }
        timelineAnswers(annas, QueryApi.REP_ANNA, 200);      // her own deal
        timelineAnswers(shared, QueryApi.REP_ANNA, 200);     // she shares in its credit
        timelineAnswers(carls, QueryApi.REP_ANNA, 403);
        timelineAnswers(unknown, QueryApi.REP_ANNA, 403);    // not told whether it exists
        timelineAnswers(annas, "it-manager-east-token", 200); // owner in the manager's team
        timelineAnswers(shared, "it-manager-east-token", 200); // a sharing rep in the team
        timelineAnswers(carls, "it-manager-east-token", 403);
        timelineAnswers(unknown, QueryApi.ADMIN, 404);
    }
}
