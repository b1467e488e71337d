package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems of the query API: bad parameters, a read model that does not catch up, authentication, rows. */
@QueryApiTest
class QueryErrorsIntegrationTest {

    @Autowired
    WebTestClient web;

    QueryApi api;

    @BeforeEach
    void setUp() {
        api = new QueryApi(web);
    }

    private Map<String, Object> problem(String uri, String token, int status) {
        return api.get(uri, token).expectStatus().isEqualTo(status)
                  .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                  .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                  }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).get(0);
    }

    @Test
    void aBadPeriodNamesTheFieldAndTheRule() {
        for (String uri : List.of("/api/v1/leaderboards/2017-13?metric=REVENUE", "/api/v1/funnel/17",
                                  "/api/v1/attainment/2017-Q5?repId=x", "/api/v1/scorecards/2017-5?repId=x")) {
            Map<String, Object> problem = problem(uri, QueryApi.ADMIN, 400);
            assertThat(problem).containsEntry("status", 400);
            assertThat(firstError(problem)).containsEntry("field", "period");
            assertThat(firstError(problem).get("rule").toString()).contains("2017-05", "2017-Q2");
        }
    }

    @Test
    void anUnknownMetricListsTheAllowedOnes() {
        Map<String, Object> problem = problem("/api/v1/leaderboards/2017-05?metric=HAPPINESS", QueryApi.ADMIN, 400);
        assertThat(firstError(problem)).containsEntry("field", "metric");
        assertThat(firstError(problem).get("rule").toString())
                .contains("REVENUE", "DEALS_WON", "NEW_CUSTOMERS", "VISITS", "PROPOSALS", "ATTAINMENT");
        Map<String, Object> attainment = problem("/api/v1/attainment/2017-05?repId=x&metric=SMILES", QueryApi.ADMIN,
                                                 400);
        assertThat(firstError(attainment).get("rule").toString()).contains("PRODUCT_REVENUE");
        assertThat(firstError(problem("/api/v1/leaderboards/2017-05?minPosition=soon", QueryApi.ADMIN, 400)))
                .containsEntry("field", "minPosition");
        assertThat(firstError(problem("/api/v1/leaderboards/2017-05?region=a&team=b", QueryApi.ADMIN, 400)))
                .containsEntry("field", "region");
    }

    /** Every query controller, the channel's included (its timeout was a 500), answers the same 503. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/leaderboards/2017-05?metric=REVENUE", "/api/v1/channel-conflicts",
            "/api/v1/statements?period=2017-Q3", "/api/v1/contests"})
    void aPositionTheReadModelDoesNotReachInTimeIs503(String query) {
        // far beyond anything written: the processor cannot pass it within the (default, 5 s) timeout
        long beyond = api.post("/api/v1/regions", QueryApi.json("regionId", QueryApi.unique("r"), "name", "R",
                                                                "managerId", "m")) + 1_000_000;
        String sep = query.contains("?") ? "&" : "?";
        Map<String, Object> problem = problem(query + sep + "minPosition=" + beyond, QueryApi.ADMIN, 503);
        assertThat(problem).containsEntry("title", "read model not yet at position").containsEntry("status", 503)
                .containsEntry("type", "urn:attain:problem:read-model-behind");
        assertThat(problem.get("detail").toString()).contains(String.valueOf(beyond));
    }

    @Test
    void unknownDealIs404() {
        problem("/api/v1/deals/" + QueryApi.unique("nope") + "/timeline", QueryApi.ADMIN, 404);
    }

    @Test
    void authenticationAndRows() {
        problem("/api/v1/leaderboards/2017-05", null, 401);
        // a REP reads public leaderboards and their own attainment, not another rep's
        api.get("/api/v1/leaderboards/2017-05", QueryApi.REP_ANNA).expectStatus().isOk();
        api.get("/api/v1/attainment/2017-05?repId=it-anna", QueryApi.REP_ANNA).expectStatus().isOk();
        problem("/api/v1/attainment/2017-05?repId=someone-else", QueryApi.REP_ANNA, 403);
        problem("/api/v1/scorecards/2017-05?repId=someone-else", QueryApi.REP_ANNA, 403);
        api.get("/api/v1/attainment/2017-05?repId=someone-else", "it-auditor-token").expectStatus().isOk();
    }
}
