package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static io.attain.standalone.query.QueryApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/kpis/{period}} through HTTP: costs recorded with {@code POST /api/v1/costs} (one corrected, one
 * in another currency converted with a rate recorded with {@code POST /api/v1/exchange-rates}), customers won
 * through the deal API; a CAC the test computes itself; the role rules; 400s naming the parameter.
 */
@QueryApiTest
class KpiIntegrationTest {

    static final String FINANCE = "it-finance-token";
    static final String AUDITOR = "it-auditor-token";
    static final String MANAGER_EAST = "it-manager-east-token";
    static final String REP = QueryApi.REP_ANNA;
    static final String INTEGRATOR = "it-integrator-token";

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

    private WebTestClient.ResponseSpec get(String uri, String token) {
        String sep = uri.contains("?") ? "&" : "?";
        return api.get(uri + sep + "minPosition=" + api.lastPosition(), token);
    }

    private Map<String, Object> read(String uri, String token) {
        return get(uri, token).expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON)
                              .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                              }).returnResult().getResponseBody();
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cac(Map<String, Object> kpis) {
        return (Map<String, Object>) kpis.get("cac");
    }

    private static BigDecimal decimal(Object json) {
        return new BigDecimal(json.toString());
    }

    /** Two costs of the quarter for team t1 (one corrected, one in SEK) and two new customers won by anna (t1). */
    private void quarterOfTeamT1() {
        String marketing = QueryApi.unique("cost");
        api.post("/api/v1/exchange-rates", json("fromCurrency", "SEK", "toCurrency", "EUR", "rate", 0.1,
                                                "effectiveDate", year + "-01-01"));
        api.post("/api/v1/costs", json("costId", marketing, "period", year + "-Q2", "category", "MARKETING",
                                       "channel", "DIRECT", "teamId", org.t1(), "amount", 1000, "currency", "EUR"));
        api.post("/api/v1/costs", json("costId", QueryApi.unique("cost"), "period", year + "-05",
                                       "category", "EVENTS", "teamId", org.t1(), "amount", 5000, "currency", "SEK"));
        api.post("/api/v1/costs/" + marketing + "/corrections", json("amount", 700, "currency", "EUR",
                                                                     "reason", "credit note"));
        String a = QueryApi.unique("d");
        String b = QueryApi.unique("d");
        api.openDeal(a, org.anna(), QueryApi.unique("Customer"), 1200, "LEAD", at("04-01"));
        api.win(a, 1200, at("04-10"));
        api.openDeal(b, org.boris(), QueryApi.unique("Customer"), 800, "LEAD", at("05-01"));
        api.win(b, 800, at("05-10"));
    }

    @Test
    void cacOfAQuarterComputedByTheTest() {
        quarterOfTeamT1();
        // (1000 corrected to 700 EUR) + 5000 SEK × 0.1 (the rate in force on the quarter's last day) = 1200 EUR,
        // for 2 new customers
        BigDecimal costs = new BigDecimal("700").add(new BigDecimal("5000").multiply(new BigDecimal("0.1")));
        BigDecimal expected = costs.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);

        Map<String, Object> kpis = read("/api/v1/kpis/" + year + "-Q2?team=" + org.t1() + "&currency=EUR", FINANCE);
        assertThat(kpis).containsEntry("period", year + "-Q2").containsEntry("cut", "team=" + org.t1())
                        .containsEntry("currency", "EUR").containsKeys("clv", "rounding");
        Map<String, Object> cac = cac(kpis);
        assertThat(decimal(cac.get("value"))).isEqualByComparingTo(expected);
        assertThat(decimal(cac.get("costs"))).isEqualByComparingTo(costs);
        assertThat(cac).containsEntry("currency", "EUR").containsEntry("newCustomers", 2)
                       .containsEntry("missingRates", List.of());
        // CLV: the team's two customers, one year observed: every input shown, no retention yet, so no value
        @SuppressWarnings("unchecked")
        Map<String, Object> clv = (Map<String, Object>) kpis.get("clv");
        assertThat(clv).containsEntry("customers", 2).containsEntry("currency", "EUR")
                       .containsEntry("value", null).containsKeys("formula", "retention", "perCustomer", "marginBasis");
        assertThat(decimal(clv.get("revenue"))).isEqualByComparingTo("2000");
        assertThat(clv.get("reason").toString()).startsWith("retention not observed");
        // the year holds only this test's data (a year no other test uses): the same figure
        assertThat(decimal(cac(read("/api/v1/kpis/" + year + "?currency=EUR", AUDITOR)).get("value")))
                .isEqualByComparingTo(expected);
        // the channel cut: only the DIRECT cost (700) and the two customers won through DIRECT
        assertThat(decimal(cac(read("/api/v1/kpis/" + year + "-Q2?channel=DIRECT&currency=EUR", QueryApi.ADMIN))
                                   .get("value"))).isEqualByComparingTo("350.00");
        // no SEK→USD nor EUR→USD rate: reported, not guessed
        Map<String, Object> usd = cac(read("/api/v1/kpis/" + year + "-Q2?team=" + org.t1() + "&currency=USD",
                                           FINANCE));
        assertThat(usd.get("value")).isNull();
        @SuppressWarnings("unchecked")
        List<Object> missing = (List<Object>) usd.get("missingRates");
        assertThat(missing).contains(
                Map.of("from", "SEK", "to", "USD", "date", year + "-05-31"),
                Map.of("from", "EUR", "to", "USD", "date", year + "-06-30"));
        // two currencies and no currency asked for
        Map<String, Object> several = problem("/api/v1/kpis/" + year + "-Q2?team=" + org.t1() + "&minPosition="
                                              + api.lastPosition(), FINANCE, 400);
        assertThat(firstError(several)).containsEntry("field", "currency");
    }

    @Test
    void managementFiguresForAdminFinanceAuditorAndAManagersOwnTeamOnly() {
        // with a currency: the "all" cut's CLV counts every customer won so far, of every test, in any currency
        String uri = "/api/v1/kpis/" + year + "-Q2?currency=EUR";
        for (String token : List.of(QueryApi.ADMIN, FINANCE, AUDITOR)) {
            read(uri, token);
            read(uri + "&team=" + org.t1(), token);
        }
        // MANAGER:mgr-east:it-team-east
        read(uri + "&team=it-team-east", MANAGER_EAST);
        problem(uri + "&team=" + org.t1(), MANAGER_EAST, 403);
        problem(uri, MANAGER_EAST, 403);
        problem(uri + "&channel=DIRECT", MANAGER_EAST, 403);
        problem(uri, REP, 403);
        problem(uri + "&team=it-team-east", REP, 403);
        problem(uri, INTEGRATOR, 403);
        api.get(uri, null).expectStatus().isUnauthorized();
    }

    @Test
    void badParametersNameTheField() {
        Map<String, Object> period = problem("/api/v1/kpis/2017-13", FINANCE, 400);
        assertThat(firstError(period)).containsEntry("field", "period");
        assertThat(firstError(period).get("rule").toString()).contains("2017-05", "2017-Q2");
        assertThat(firstError(problem("/api/v1/kpis/2017-Q2?channel=PIGEON", FINANCE, 400)))
                .containsEntry("field", "channel");
        assertThat(firstError(problem("/api/v1/kpis/2017-Q2?channel=DIRECT&team=x", FINANCE, 400)))
                .containsEntry("field", "channel");
        assertThat(firstError(problem("/api/v1/kpis/2017-Q2?currency=EURO", FINANCE, 400)))
                .containsEntry("field", "currency");
        assertThat(firstError(problem("/api/v1/kpis/2017-Q2?minPosition=-1", FINANCE, 400)))
                .containsEntry("field", "minPosition");
    }
}
