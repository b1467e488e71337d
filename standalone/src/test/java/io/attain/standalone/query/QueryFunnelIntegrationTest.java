package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The funnel through HTTP. */
@QueryApiTest
class QueryFunnelIntegrationTest {

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
    private static Map<String, Map<String, Object>> stages(Map<String, Object> funnel) {
        return ((List<Map<String, Object>>) funnel.get("stages")).stream()
                .collect(Collectors.toMap(s -> (String) s.get("stage"), Function.identity()));
    }

    private static long entered(Map<String, Map<String, Object>> stages, String stage) {
        return ((Number) stages.get(stage).get("entered")).longValue();
    }

    @Test
    void stagesEnteredWinRateAndCuts() {
        String d1 = QueryApi.unique("d");
        String d2 = QueryApi.unique("d");
        String d3 = QueryApi.unique("d");
        // d1 moves forward, back and forward again, then is won: it enters QUALIFIED and PROPOSAL once each
        api.openDeal(d1, org.anna(), "Acme", 1000, "LEAD", at("05-02"));
        api.stage(d1, "QUALIFIED", at("05-05"));
        api.stage(d1, "PROPOSAL", at("05-10"));
        api.stage(d1, "QUALIFIED", at("05-12"));
        api.stage(d1, "PROPOSAL", at("05-15"));
        api.win(d1, 1200, at("05-20"));
        api.openDeal(d2, org.boris(), "Beta", 500, "LEAD", at("05-03"));
        api.lose(d2, "price", at("05-08"));
        api.openDeal(d3, org.carl(), "Gamma", 2000, "QUALIFIED", at("05-04"));
        api.lose(d3, "timing", at("05-09"));

        Map<String, Object> funnel = api.read("/api/v1/funnel/" + year + "-05");
        assertThat(funnel).containsKeys("period", "stages", "winRate").containsEntry("period", year + "-05");
        Map<String, Map<String, Object>> s = stages(funnel);
        assertThat(entered(s, "LEAD")).isEqualTo(2);      // d1, d2
        assertThat(entered(s, "QUALIFIED")).isEqualTo(2); // d1 (twice, once counted), d3
        assertThat(entered(s, "PROPOSAL")).isEqualTo(1);
        assertThat(entered(s, "WON")).isEqualTo(1);
        assertThat(entered(s, "LOST")).isEqualTo(2);
        // won / (won + lost) = 1 / 3
        assertThat(new BigDecimal(funnel.get("winRate").toString()))
                .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal(3), 4, RoundingMode.HALF_EVEN));
        assertThat(funnel).containsKeys("lostReasons", "openPipeline", "weightedPipeline", "avgDaysToClose");

        // team t1 holds anna's d1 and boris' d2
        Map<String, Map<String, Object>> t1 = stages(api.read("/api/v1/funnel/" + year + "-05?team=" + org.t1()));
        assertThat(entered(t1, "LEAD")).isEqualTo(2);
        assertThat(entered(t1, "QUALIFIED")).isEqualTo(1);
        Map<String, Object> region = api.read("/api/v1/funnel/" + year + "-Q2?region=" + org.region());
        assertThat(entered(stages(region), "LOST")).isEqualTo(2);
    }
}
