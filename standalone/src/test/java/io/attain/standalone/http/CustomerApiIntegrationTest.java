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
 * Customers over HTTP ({@code POST /api/v1/customers}, {@code PUT …/{customerId}/profile},
 * {@code POST …/key-account}, {@code POST …/key-account/revocation}): ADMIN and MANAGER write, every other role gets
 * 403; bad input is a problem naming the field and the rule; a refusal and a replayed Idempotency-Key append
 * nothing; a profile change is a new event, the registration stays (ADR 0017).
 */
@HttpApiTest
class CustomerApiIntegrationTest {

    static final String REGISTERED = "io.attain.kernel.customer.CustomerRegisteredEvent";
    static final String UPDATED = "io.attain.kernel.customer.CustomerProfileUpdatedEvent";
    static final String DESIGNATED = "io.attain.kernel.customer.KeyAccountDesignatedEvent";
    static final String REVOKED = "io.attain.kernel.customer.KeyAccountRevokedEvent";

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
    void aManagerRegistersACustomerWithItsProfileAndBusinessTime() {
        String customer = unique("cust");
        Instant before = Instant.now();

        send(HttpMethod.POST, "/api/v1/customers", Tokens.MANAGER_EAST, json("customerId", customer,
                "name", "Betasoloin", "sector", "medical", "annualRevenue", json("amount", 251.41, "currency", "USD"),
                "employees", 495, "location", "Germany", "parentCustomerId", "bubba-gump",
                "occurredAt", "2017-01-02T00:00:00Z"))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/api/v1/customers/" + customer)
                .expectBody().jsonPath("$.aggregateId").isEqualTo(customer)
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.position").isNumber();

        Document event = Compensation.events(api, customer, REGISTERED).get(0);
        assertThat(event.getString("customerId")).isEqualTo(customer);
        assertThat(event.getString("name")).isEqualTo("Betasoloin");
        assertThat(event.getString("sector")).isEqualTo("medical");
        assertThat(event.get("annualRevenue", Document.class).getString("currency")).isEqualTo("USD");
        assertThat(number(event.get("annualRevenue", Document.class))).isEqualTo(251.41);
        assertThat(event.getInteger("employees")).isEqualTo(495);
        assertThat(event.getString("location")).isEqualTo("Germany");
        assertThat(event.getString("parentCustomerId")).isEqualTo("bubba-gump");
        assertThat(instant(event.get("occurredAt"))).isEqualTo(Instant.parse("2017-01-02T00:00:00Z"));
        Instant recorded = Instant.parse(storedEvents(customer).get(0).getString("timestamp"));
        assertThat(recorded).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void onlyTheNameIsRequiredAndTheIdIsGenerated() {
        EntityExchangeResult<Map> result = send(HttpMethod.POST, "/api/v1/customers", Tokens.ADMIN,
                json("name", "Acme Corporation"))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        String customer = (String) result.getResponseBody().get("aggregateId");
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/customers/" + customer);

        Document event = Compensation.events(api, customer, REGISTERED).get(0);
        assertThat(event.getString("name")).isEqualTo("Acme Corporation");
        assertThat(event.get("sector")).isNull();
        assertThat(event.get("annualRevenue")).isNull();
        assertThat(event.get("employees")).isNull();
        assertThat(event.get("occurredAt")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"REP", "FINANCE", "AUDITOR", "INTEGRATOR"})
    void otherRolesMayNotWriteCustomersAndNothingIsAppended(String role) {
        String token = Tokens.BY_ROLE.get(role);
        String customer = unique("cust");
        long before = api.eventCount();

        send(HttpMethod.POST, "/api/v1/customers", token, json("customerId", customer, "name", "Acme"))
                .expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json");
        assertThat(storedEvents(customer)).isEmpty();
        assertThat(api.eventCount()).isEqualTo(before);

        register(customer);
        send(HttpMethod.PUT, profile(customer), token, json("sector", "retail")).expectStatus().isForbidden();
        send(HttpMethod.POST, keyAccount(customer), token, json("accountOwnerRepId", World.ANNA,
                "from", "2017-04-01")).expectStatus().isForbidden();
        assertThat(storedEvents(customer)).hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndAppendsNothing() {
        String customer = unique("cust");
        long before = api.eventCount();

        // unparseable values: 400
        refused(json("customerId", customer, "name", "Acme", "employees", "many"), 400, "employees");
        // missing or breaking a rule: 422
        refused(json("customerId", customer), 422, "name");
        refused(json("customerId", customer, "name", "  "), 422, "name");
        refused(json("customerId", customer, "name", "x".repeat(201)), 422, "name");
        refused(json("customerId", customer, "name", "Acme", "sector", " "), 422, "sector");
        refused(json("customerId", customer, "name", "Acme", "employees", -1), 422, "employees")
                .jsonPath("$.errors[0].rule").isEqualTo("must not be negative");
        refused(json("customerId", customer, "name", "Acme", "annualRevenue", json("amount", -5, "currency", "EUR")),
                422, "annualRevenue")
                .jsonPath("$.errors[0].rule").isEqualTo("must not be negative");
        refused(json("customerId", customer, "name", "Acme", "annualRevenue", json("amount", 5, "currency", "euro")),
                422, "annualRevenue.currency");
        refused(json("customerId", customer, "name", "Acme", "parentCustomerId", customer), 422, "parentCustomerId")
                .jsonPath("$.errors[0].rule").isEqualTo("must not be the customer itself");
        refused(json("customerId", customer, "name", "Acme", "parentCustomerId", "a/b"), 422, "parentCustomerId");
        refused(json("customerId", "a:b", "name", "Acme"), 422, "customerId");

        assertThat(storedEvents(customer)).isEmpty();
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void aRegisteredIdIsADuplicateButABadRequestUnderItIsStillABadRequest() {
        String customer = unique("cust");
        register(customer);

        send(HttpMethod.POST, "/api/v1/customers", Tokens.ADMIN, json("customerId", customer, "name", "Other"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:attain:problem:duplicate")
                .jsonPath("$.errors[0].field").isEqualTo("customerId");
        send(HttpMethod.POST, "/api/v1/customers", Tokens.ADMIN, json("customerId", customer, "name", "Other",
                "employees", -3))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("employees");
        assertThat(storedEvents(customer)).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyAppendsOnce() {
        String key = unique("key");
        Map<String, Object> body = json("name", "Idempotent Inc", "sector", "software");
        long before = api.eventCount();

        EntityExchangeResult<String> first = api.send(HttpMethod.POST, "/api/v1/customers", Tokens.ADMIN, body, key)
                .expectBody(String.class).returnResult();
        EntityExchangeResult<String> again = api.send(HttpMethod.POST, "/api/v1/customers", Tokens.ADMIN, body, key)
                .expectBody(String.class).returnResult();

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(again.getStatus().value()).isEqualTo(201);
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aProfileChangeIsANewEventWithTheChangedFieldsAndTheRegistrationStays() {
        String customer = unique("cust");
        register(customer);

        send(HttpMethod.PUT, profile(customer), Tokens.MANAGER_EAST, json("name", "Betasoloin",
                "sector", "technolgy", "employees", 500, "occurredAt", "2017-07-05T00:00:00Z"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.aggregateId").isEqualTo(customer)
                .jsonPath("$.version").isEqualTo(1);

        assertThat(Compensation.events(api, customer, REGISTERED)).singleElement()
                .satisfies(e -> assertThat(e.getString("sector")).isEqualTo("medical"));
        Document update = Compensation.events(api, customer, UPDATED).get(0);
        assertThat(update.get("name")).as("unchanged").isNull();
        assertThat(update.getString("sector")).isEqualTo("technolgy");
        assertThat(update.getInteger("employees")).isEqualTo(500);
        assertThat(instant(update.get("occurredAt"))).isEqualTo(Instant.parse("2017-07-05T00:00:00Z"));

        // refusals append nothing
        profileRefused(customer, json("sector", "technolgy", "employees", 500), 422, "profile");
        profileRefused(customer, json(), 422, "profile");
        profileRefused(customer, json("employees", -1), 422, "employees");
        profileRefused(customer, json("parentCustomerId", customer), 422, "parentCustomerId");
        profileRefused(customer, json("location", ""), 422, "location");
        send(HttpMethod.PUT, profile(unique("no-such-customer")), Tokens.ADMIN, json("sector", "retail"))
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        assertThat(storedEvents(customer)).hasSize(2);
    }

    @Test
    void aKeyAccountIsDesignatedOnceAndRevokedOnce() {
        String customer = unique("cust");
        register(customer);

        send(HttpMethod.POST, keyAccount(customer), Tokens.MANAGER_EAST, json("accountOwnerRepId", World.ANNA,
                "from", "2017-04-01")).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        Document designated = Compensation.events(api, customer, DESIGNATED).get(0);
        assertThat(designated.getString("accountOwnerRepId")).isEqualTo(World.ANNA);

        send(HttpMethod.POST, keyAccount(customer), Tokens.ADMIN, json("accountOwnerRepId", World.BORIS,
                "from", "2017-05-01")).expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customerId");
        send(HttpMethod.POST, keyAccount(customer), Tokens.ADMIN, json("from", "2017-05-01"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("accountOwnerRepId");
        send(HttpMethod.POST, revocation(customer), Tokens.ADMIN, json("until", "2017-03-31"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("until");
        assertThat(storedEvents(customer)).hasSize(2);

        send(HttpMethod.POST, revocation(customer), Tokens.MANAGER_EAST, json("until", "2017-09-30",
                "reason", "account moved")).expectStatus().isOk();
        Document revoked = Compensation.events(api, customer, REVOKED).get(0);
        assertThat(revoked.getString("accountOwnerRepId")).isEqualTo(World.ANNA);
        assertThat(revoked.getString("reason")).isEqualTo("account moved");

        send(HttpMethod.POST, revocation(customer), Tokens.ADMIN, json("until", "2017-10-31"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customerId");
        assertThat(storedEvents(customer)).hasSize(3);
    }

    @Test
    void aManagerDesignatesOnlyRepsOfTheirTeamAsKeyAccountOwners() {
        String customer = unique("cust");
        register(customer);

        send(HttpMethod.POST, keyAccount(customer), Tokens.MANAGER_EAST, json("accountOwnerRepId", World.CARL,
                "from", "2017-04-01")).expectStatus().isForbidden();
        assertThat(storedEvents(customer)).hasSize(1);
        send(HttpMethod.POST, keyAccount(customer), Tokens.ADMIN, json("accountOwnerRepId", World.CARL,
                "from", "2017-04-01")).expectStatus().isOk();
        send(HttpMethod.POST, revocation(customer), Tokens.MANAGER_EAST, json("until", "2017-09-30"))
                .expectStatus().isForbidden();
        assertThat(storedEvents(customer)).hasSize(2);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, Object body) {
        return api.send(method, path, token, body);
    }

    private void register(String customer) {
        send(HttpMethod.POST, "/api/v1/customers", Tokens.ADMIN, json("customerId", customer, "name", "Betasoloin",
                "sector", "medical", "employees", 495)).expectStatus().isCreated();
    }

    private static String profile(String customer) {
        return "/api/v1/customers/" + customer + "/profile";
    }

    private static String keyAccount(String customer) {
        return "/api/v1/customers/" + customer + "/key-account";
    }

    private static String revocation(String customer) {
        return keyAccount(customer) + "/revocation";
    }

    private WebTestClient.BodyContentSpec refused(Map<String, Object> body, int status, String field) {
        return send(HttpMethod.POST, "/api/v1/customers", Tokens.ADMIN, body).expectStatus().isEqualTo(status)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").isNotEmpty();
    }

    private void profileRefused(String customer, Map<String, Object> body, int status, String field) {
        send(HttpMethod.PUT, profile(customer), Tokens.ADMIN, body).expectStatus().isEqualTo(status)
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
