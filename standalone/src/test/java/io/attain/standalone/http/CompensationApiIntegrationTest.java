package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import io.attain.standalone.http.Compensation.Statement;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.attain.standalone.http.Api.json;
import static io.attain.standalone.http.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compensation API end to end: plans, exchange rates, a won deal becoming a statement line through the
 * commission process, and a statement's lifecycle with its refusals.
 */
@HttpApiTest
class CompensationApiIntegrationTest {

    static final String ADJUSTED = "io.attain.kernel.compensation.CommissionAdjustedEvent";

    @Autowired
    WebTestClient web;
    @Autowired
    MongoDatabase database;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web, database);
        World.ensure(api);
    }

    @Test
    void aWonDealBecomesAStatementLineWithThePlansBand() {
        String rep = newRep();
        Statement statement = Compensation.statementWithALine(api, rep);

        Document line = Compensation.events(api, statement.id(), Compensation.ACCRUED).get(0);
        Document calculation = line.get("calculation", Document.class);
        // 20,000 of a 100,000 target: all in the 0–50 % band at 2 %
        assertThat(number(calculation.get("total", Document.class).get("amount"))).isEqualTo(400.0);
        assertThat(calculation.getList("slices", Document.class)).hasSize(1);
        assertThat(line.getString("lineId")).startsWith(line.getString("dealId") + ":" + rep + ":");
    }

    @Test
    void aStatementGoesThroughSubmitApproveLockAndPayWithItsRefusals() {
        Statement statement = Compensation.statementWithALine(api, World.ANNA);

        send(statement.path("submission"), Tokens.REP_ANNA, json()).expectStatus().isOk();
        // the rep never approves their own statement
        send(statement.path("approval"), Tokens.REP_ANNA, json()).expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json");
        send(statement.path("approval"), Tokens.MANAGER_EAST, json()).expectStatus().isOk()
                .expectBody().jsonPath("$.aggregateId").isEqualTo(statement.id())
                .jsonPath("$.position").isNumber();
        // more than approved (400.00)
        send(statement.path("payments"), Tokens.FINANCE, payment("b-1", "400.01")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
        send(statement.path("lock"), Tokens.FINANCE, json()).expectStatus().isOk();
        send(statement.path("payments"), Tokens.FINANCE, payment("b-1", "100.00")).expectStatus().isOk();
        // the same batch twice
        send(statement.path("payments"), Tokens.FINANCE, payment("b-1", "100.00")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("batchId");
        send(statement.path("payments"), Tokens.FINANCE, payment("b-2", "300.00")).expectStatus().isOk();
        // paid in full: nothing more to pay
        send(statement.path("payments"), Tokens.FINANCE, payment("b-3", "0.01")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:attain:problem:illegal-transition");
        // a locked (and paid) period accepts no change
        send(statement.path("disputes"), Tokens.REP_ANNA, json("lineId", statement.lineId(), "reason", "wrong"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("statementId");
    }

    @Test
    void aDealWonInALockedPeriodLandsInTheFirstOpenOne() {
        String rep = newRep();
        Statement q1 = Compensation.statementWithALine(api, rep);
        send(q1.path("submission"), Tokens.FINANCE, json()).expectStatus().isOk();
        send(q1.path("approval"), Tokens.FINANCE, json()).expectStatus().isOk();
        send(q1.path("lock"), Tokens.FINANCE, json()).expectStatus().isOk();

        int year = Integer.parseInt(q1.period().substring(0, 4));
        String deal = Compensation.winDeal(api, rep, year, 10000, "EUR");

        Document line = Compensation.awaitLine(api, "statement:" + rep + ":" + year + "-Q2", deal);
        assertThat(line.getString("period")).isEqualTo(year + "-Q2");
    }

    @Test
    void aDisputeIsOpenedByTheRepAndResolvedByTheManager() {
        Statement statement = Compensation.statementWithALine(api, World.ANNA);
        String dispute = unique("dispute");

        send(statement.path("disputes"), Tokens.REP_ANNA, json("disputeId", dispute, "lineId", statement.lineId(),
                "reason", "the split was 70/30")).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/disputes/" + dispute);
        send(statement.path("disputes/" + dispute + "/resolution"), Tokens.REP_ANNA,
                json("accepted", true, "adjustment", json("amount", 10, "currency", "EUR"))).expectStatus().isForbidden();
        send(statement.path("disputes/" + dispute + "/resolution"), Tokens.MANAGER_EAST,
                json("accepted", true, "adjustment", json("amount", 10, "currency", "EUR"))).expectStatus().isOk();

        assertThat(Compensation.events(api, statement.id(), "io.attain.kernel.compensation.CommissionAdjustedEvent"))
                .singleElement().satisfies(e -> assertThat(e.getString("kind")).isEqualTo("DISPUTE"));
    }

    @Test
    void aDealInAnotherCurrencyWaitsForItsExchangeRate() {
        String rep = newRep();
        int year = Compensation.newYear();
        Compensation.planAndTargets(api, rep, year);
        String deal = Compensation.winDeal(api, rep, year, 10000, "GBP");

        await().atMost(Duration.ofSeconds(30)).until(() -> Compensation.processEvents(api,
                        "io.attain.kernel.compensation.CommissionPendingEvent").stream()
                .anyMatch(e -> deal.equals(e.getString("dealId")) && "NO_EXCHANGE_RATE".equals(e.getString("reason"))));
        assertThat(Compensation.events(api, "statement:" + rep + ":" + year + "-Q1", Compensation.ACCRUED)).isEmpty();

        send("/api/v1/exchange-rates", Tokens.FINANCE, json("fromCurrency", "GBP", "toCurrency", "EUR", "rate", 1.15,
                "effectiveDate", year + "-01-01")).expectStatus().isCreated()
                .expectBody().jsonPath("$.aggregateId").isEqualTo("fx:GBP-EUR");

        Document line = Compensation.awaitLine(api, "statement:" + rep + ":" + year + "-Q1", deal);
        Document credited = line.get("calculation", Document.class).get("creditedAmount", Document.class);
        assertThat(number(credited.get("amount"))).isEqualTo(11500.0);
    }

    @Test
    void planAndExchangeRateRequestsAreValidatedLikeEveryOther() {
        String plan = unique("plan");
        send("/api/v1/plans", Tokens.FINANCE, json("planId", plan, "name", "P")).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/api/v1/plans/" + plan);
        Map<String, Object> terms = Compensation.terms("2017-01-01");
        terms.put("bands", List.of(json("fromAttainment", 0.1, "rate", 0.02)));
        send("/api/v1/plans/" + plan + "/versions", Tokens.FINANCE, json("terms", terms)).expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("terms.bands[0].fromAttainment");
        send("/api/v1/plans/" + plan + "/assignments", Tokens.FINANCE, json("effectiveFrom", "2017-01-01"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("repId");
        send("/api/v1/exchange-rates", Tokens.FINANCE, json("fromCurrency", "EUR", "toCurrency", "EUR", "rate", 1,
                "effectiveDate", "2017-01-01")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("toCurrency");
        send("/api/v1/statements/" + World.ANNA + "/2017-Q5/submission", Tokens.FINANCE, json())
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
    }

    @Test
    void aPlanWithRollUpCreditsTheRepsManagerOnTheManagersOwnStatementAndAClawbackReversesIt() {
        String rep = newRep(); // in TEAM_EAST, reporting to mgr-east (the MANAGER_EAST token's subject)
        int year = Compensation.newYear();
        String plan = unique("plan");
        Map<String, Object> terms = new java.util.HashMap<>(Compensation.terms(year + "-01-01"));
        terms.put("rollUpToManagers", true);
        terms.put("rollUpRate", 0.015);
        api.ok(HttpMethod.POST, "/api/v1/plans", json("planId", plan, "name", "Roll-up " + year));
        api.ok(HttpMethod.POST, "/api/v1/plans/" + plan + "/versions", json("terms", terms));
        api.ok(HttpMethod.POST, "/api/v1/plans/" + plan + "/assignments", json("repId", rep, "effectiveFrom", year + "-01-01"));
        api.ok(HttpMethod.POST, "/api/v1/targets", json("repId", rep, "period", year + "-Q1", "metric", "REVENUE",
                "amount", 100000, "currency", "EUR"));
        String deal = Compensation.winDeal(api, rep, year, 20000, "EUR");
        String managerStatement = "statement:mgr-east:" + year + "-Q1";

        // 1.5 % of the credited 20,000 = 300.00, linked to the rep's line
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Compensation.events(api, managerStatement, ADJUSTED).size() == 1);
        Document rollUp = Compensation.events(api, managerStatement, ADJUSTED).get(0);
        assertThat(rollUp.getString("kind")).isEqualTo("MANAGER_ROLL_UP");
        assertThat(number(rollUp.get("amount", Document.class).get("amount"))).isEqualTo(300.0);
        assertThat(rollUp.getString("relatedStatementId")).isEqualTo("statement:" + rep + ":" + year + "-Q1");
        assertThat(rollUp.getString("relatedLineId")).startsWith(deal + ":" + rep + ":");

        // the manager reads their own statement (the read model), a rep of theirs does not
        String path = "/api/v1/statements/mgr-east/" + year + "-Q1";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                api.send(HttpMethod.GET, path, Tokens.MANAGER_EAST, "").expectStatus().isOk()
                        .expectBody().jsonPath("$.adjustments[0].kind").isEqualTo("MANAGER_ROLL_UP"));
        api.send(HttpMethod.GET, path, Tokens.REP_ANNA, "").expectStatus().isForbidden();

        // reopened inside the clawback window: the rep's line is clawed back and the roll-up reversed
        send("/api/v1/deals/" + deal + "/reopening", Tokens.ADMIN, json("stage", "NEGOTIATION", "reason", "cancelled",
                "occurredAt", year + "-03-01T09:00:00Z")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Compensation.events(api, managerStatement, ADJUSTED).size() == 2);
        assertThat(number(Compensation.events(api, managerStatement, ADJUSTED).get(1).get("amount", Document.class)
                .get("amount"))).isEqualTo(-300.0);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private String newRep() {
        String rep = unique("rep");
        api.ok(HttpMethod.POST, "/api/v1/reps", World.rep(rep, World.TEAM_EAST));
        return rep;
    }

    private WebTestClient.ResponseSpec send(String path, String token, Object body) {
        return api.send(HttpMethod.POST, path, token, body);
    }

    private static Map<String, Object> payment(String batch, String amount) {
        return json("batchId", batch + "-" + amount, "amount", json("amount", new java.math.BigDecimal(amount),
                "currency", "EUR"), "paymentDate", "2017-07-31");
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
