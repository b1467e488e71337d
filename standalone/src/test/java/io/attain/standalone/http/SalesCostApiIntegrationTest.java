package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.attain.standalone.http.Api.json;
import static io.attain.standalone.http.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sales and marketing costs over HTTP ({@code POST /api/v1/costs}, {@code …/{costId}/corrections}): ADMIN and
 * FINANCE record and correct, every other role gets 403; bad input is a problem naming the field and the rule; a
 * refusal and a replayed Idempotency-Key append nothing; a correction is a new event, the recorded one stays.
 */
@HttpApiTest
class SalesCostApiIntegrationTest {

    static final String RECORDED = "io.attain.kernel.cost.SalesCostRecordedEvent";
    static final String CORRECTED = "io.attain.kernel.cost.SalesCostCorrectedEvent";

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
    void financeRecordsACostWithItsBusinessTimeAndTheRecordingTimeAsTheMessageTimestamp() {
        String cost = unique("cost");
        Instant before = Instant.now();

        send("/api/v1/costs", Tokens.FINANCE, cost(cost, "2017-Q2", "EVENTS", 12500.5, "EUR")
                .with("channel", "DISTRIBUTOR").with("teamId", World.TEAM_EAST)
                .with("occurredAt", "2017-06-30T00:00:00Z").body())
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/api/v1/costs/" + cost)
                .expectBody().jsonPath("$.aggregateId").isEqualTo(cost)
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.position").isNumber();

        Document event = Compensation.events(api, cost, RECORDED).get(0);
        assertThat(event.getString("costId")).isEqualTo(cost);
        assertThat(event.getString("period")).isEqualTo("2017-Q2");
        assertThat(event.getString("category")).isEqualTo("EVENTS");
        assertThat(event.getString("channel")).isEqualTo("DISTRIBUTOR");
        assertThat(event.getString("teamId")).isEqualTo(World.TEAM_EAST);
        assertThat(event.get("amount", Document.class).getString("currency")).isEqualTo("EUR");
        assertThat(((Number) event.get("amount", Document.class).get("amount")).doubleValue()).isEqualTo(12500.5);
        assertThat(instant(event.get("occurredAt"))).isEqualTo(Instant.parse("2017-06-30T00:00:00Z"));
        Instant recorded = Instant.parse(storedEvents(cost).get(0).getString("timestamp"));
        assertThat(recorded).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void adminRecordsTooChannelAndTeamAreOptionalAndTheIdIsGenerated() {
        EntityExchangeResult<Map> result = send("/api/v1/costs", Tokens.ADMIN, json("period", "2017",
                "category", "TOOLS", "amount", 9000, "currency", "USD"))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        String cost = (String) result.getResponseBody().get("aggregateId");
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/costs/" + cost);

        Document event = Compensation.events(api, cost, RECORDED).get(0);
        assertThat(event.getString("period")).isEqualTo("2017");
        assertThat(event.get("channel")).isNull();
        assertThat(event.get("teamId")).isNull();
        assertThat(event.get("occurredAt")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MANAGER", "REP", "AUDITOR", "INTEGRATOR"})
    void otherRolesMayNotRecordOrCorrectAndNothingIsAppended(String role) {
        String token = Tokens.BY_ROLE.get(role);
        String cost = unique("cost");
        long before = api.eventCount();

        send("/api/v1/costs", token, cost(cost, "2017-05", "TRAVEL", 300, "EUR").body())
                .expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json");
        assertThat(storedEvents(cost)).isEmpty();
        assertThat(api.eventCount()).isEqualTo(before);

        send("/api/v1/costs", Tokens.FINANCE, cost(cost, "2017-05", "TRAVEL", 300, "EUR").body())
                .expectStatus().isCreated();
        send("/api/v1/costs/" + cost + "/corrections", token, json("amount", 250, "currency", "EUR",
                "reason", "refund")).expectStatus().isForbidden();
        assertThat(Compensation.events(api, cost, CORRECTED)).isEmpty();
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndAppendsNothing() {
        String cost = unique("cost");
        long before = api.eventCount();

        // unparseable or unknown values: 400 malformed-request
        refused(cost(cost, "2017-Q5", "TRAVEL", 300, "EUR").body(), 400, "period");
        refused(cost(cost, "2017-13", "TRAVEL", 300, "EUR").body(), 400, "period");
        refused(cost(cost, "2017-Q2", "HOSPITALITY", 300, "EUR").body(), 400, "category");
        refused(cost(cost, "2017-Q2", "TRAVEL", 300, "EUR").with("channel", "RADIO").body(), 400, "channel");
        // missing or breaking a rule: 422
        refused(cost(cost, null, "TRAVEL", 300, "EUR").body(), 422, "period");
        refused(cost(cost, "2017-Q2", null, 300, "EUR").body(), 422, "category");
        refused(cost(cost, "2017-Q2", "TRAVEL", null, "EUR").body(), 422, "amount");
        refused(cost(cost, "2017-Q2", "TRAVEL", 300, null).body(), 422, "currency");
        refused(cost(cost, "2017-Q2", "TRAVEL", 300, "euro").body(), 422, "currency");
        refused(cost(cost, "2017-Q2", "TRAVEL", 300, "XXY").body(), 422, "currency");
        refused(cost(cost, "2017-Q2", "TRAVEL", 0, "EUR").body(), 422, "amount")
                .jsonPath("$.errors[0].rule").isEqualTo("must be positive");
        refused(cost(cost, "2017-Q2", "TRAVEL", -300, "EUR").body(), 422, "amount");
        refused(cost(cost, "2017-Q2", "TRAVEL", 0.0000001, "EUR").body(), 422, "amount");
        refused(cost(cost, "2301-Q2", "TRAVEL", 300, "EUR").body(), 422, "period");
        refused(cost(cost, "2017-Q2", "TRAVEL", 300, "EUR").with("teamId", "east/west").body(), 422, "teamId");
        refused(cost("a:b", "2017-Q2", "TRAVEL", 300, "EUR").body(), 422, "costId");

        assertThat(storedEvents(cost)).isEmpty();
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void aRecordedIdIsADuplicateButABadRequestUnderItIsStillABadRequest() {
        String cost = unique("cost");
        send("/api/v1/costs", Tokens.FINANCE, cost(cost, "2017-05", "MARKETING", 5000, "EUR").body())
                .expectStatus().isCreated();

        send("/api/v1/costs", Tokens.FINANCE, cost(cost, "2017-05", "MARKETING", 5000, "EUR").body())
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:attain:problem:duplicate")
                .jsonPath("$.errors[0].field").isEqualTo("costId");
        send("/api/v1/costs", Tokens.FINANCE, cost(cost, "2017-05", "MARKETING", -1, "EUR").body())
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
        assertThat(storedEvents(cost)).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyAppendsOnce() {
        String key = unique("key");
        Map<String, Object> body = json("period", "2017-Q3", "category", "SALARIES", "teamId", World.TEAM_EAST,
                "amount", 84000, "currency", "EUR");
        long before = api.eventCount();

        EntityExchangeResult<String> first = api.send(HttpMethod.POST, "/api/v1/costs", Tokens.FINANCE, body, key)
                .expectBody(String.class).returnResult();
        EntityExchangeResult<String> again = api.send(HttpMethod.POST, "/api/v1/costs", Tokens.FINANCE, body, key)
                .expectBody(String.class).returnResult();

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(again.getStatus().value()).isEqualTo(201);
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aCorrectionIsANewEventAndTheRecordedAmountStays() {
        String cost = unique("cost");
        send("/api/v1/costs", Tokens.FINANCE, cost(cost, "2017-Q2", "MARKETING", 12500, "EUR")
                .with("channel", "ECOMMERCE").body()).expectStatus().isCreated();

        send("/api/v1/costs/" + cost + "/corrections", Tokens.FINANCE, json("amount", 11750, "currency", "EUR",
                "reason", "credit note 2017-118", "occurredAt", "2017-07-05T00:00:00Z"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.aggregateId").isEqualTo(cost)
                .jsonPath("$.version").isEqualTo(1);

        assertThat(Compensation.events(api, cost, RECORDED)).singleElement()
                .satisfies(e -> assertThat(number(e.get("amount", Document.class))).isEqualTo(12500.0));
        Document correction = Compensation.events(api, cost, CORRECTED).get(0);
        assertThat(number(correction.get("previousAmount", Document.class))).isEqualTo(12500.0);
        assertThat(number(correction.get("amount", Document.class))).isEqualTo(11750.0);
        assertThat(number(correction.get("delta", Document.class))).isEqualTo(-750.0);
        assertThat(correction.getString("period")).isEqualTo("2017-Q2");
        assertThat(correction.getString("category")).isEqualTo("MARKETING");
        assertThat(correction.getString("channel")).isEqualTo("ECOMMERCE");
        assertThat(correction.getString("reason")).isEqualTo("credit note 2017-118");
        assertThat(instant(correction.get("occurredAt"))).isEqualTo(Instant.parse("2017-07-05T00:00:00Z"));

        // refusals append nothing
        correctionRefused(cost, json("amount", 11750, "currency", "EUR", "reason", "again"), 422, "amount");
        correctionRefused(cost, json("amount", -1, "currency", "EUR", "reason", "x"), 422, "amount");
        correctionRefused(cost, json("amount", 100, "currency", "USD", "reason", "x"), 422, "currency");
        correctionRefused(cost, json("amount", 100, "currency", "EUR"), 422, "reason");
        send("/api/v1/costs/" + unique("no-such-cost") + "/corrections", Tokens.FINANCE,
                json("amount", 100, "currency", "EUR", "reason", "x")).expectStatus().isNotFound();
        assertThat(storedEvents(cost)).hasSize(2);

        // zero voids the entry
        send("/api/v1/costs/" + cost + "/corrections", Tokens.ADMIN, json("amount", 0, "currency", "EUR",
                "reason", "booked twice")).expectStatus().isOk();
        assertThat(number(Compensation.events(api, cost, CORRECTED).get(1).get("delta", Document.class)))
                .isEqualTo(-11750.0);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private WebTestClient.ResponseSpec send(String path, String token, Object body) {
        return api.send(HttpMethod.POST, path, token, body);
    }

    private WebTestClient.BodyContentSpec refused(Map<String, Object> body, int status, String field) {
        return send("/api/v1/costs", Tokens.FINANCE, body).expectStatus().isEqualTo(status)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").isNotEmpty();
    }

    private void correctionRefused(String cost, Map<String, Object> body, int status, String field) {
        send("/api/v1/costs/" + cost + "/corrections", Tokens.FINANCE, body).expectStatus().isEqualTo(status)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    /** The stored event documents (with their message timestamps) of an aggregate. */
    private List<Document> storedEvents(String aggregateId) {
        List<Document> events = new ArrayList<>();
        for (Document commit : database.getCollection("events").find(Filters.eq("aggregateId", aggregateId))) {
            events.addAll(commit.getList("events", Document.class));
        }
        return events;
    }

    private static CostBody cost(String costId, String period, String category, Object amount, String currency) {
        return new CostBody(json("costId", costId, "period", period, "category", category, "amount", amount,
                "currency", currency));
    }

    private record CostBody(Map<String, Object> body) {
        CostBody with(String name, Object value) {
            body.put(name, value);
            return this;
        }
    }

    /** A stored instant: epoch seconds (with nanos as decimals), as Axon's serializer writes it, or ISO text. */
    private static Instant instant(Object stored) {
        if (stored instanceof String text) {
            return Instant.parse(text);
        }
        java.math.BigDecimal seconds = new java.math.BigDecimal(stored.toString());
        return Instant.ofEpochSecond(seconds.longValue(),
                seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
    }

    private static double number(Document money) {
        return ((Number) money.get("amount")).doubleValue();
    }
}
