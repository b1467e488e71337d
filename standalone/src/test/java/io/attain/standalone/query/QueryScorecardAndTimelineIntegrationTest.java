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
}
