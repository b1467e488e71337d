package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.attain.standalone.http.Api.json;
import static io.attain.standalone.http.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Channel partners end to end over HTTP on the embedded store: a partner and its agreement (FINANCE), an indirect
 * deal won → a rebate line on the partner's statement (through the channel process); a direct deal for the same
 * customer → a conflict, which the manager of the deals' team resolves: the held rebate is released or dropped; a
 * reopened deal → a reversal line. Agreement: EUR, quarterly, 0–100,000 at 2 %, above at 3.5 %.
 */
@HttpApiTest
class ChannelPartnerIntegrationTest {

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
    void aPartnerWithAnAgreementEarnsARebateThatAConflictHoldsAndTheManagerReleasesAndAReopeningReverses() {
        String partner = partnerWithAgreement();
        String customer = unique("customer");

        // d-1 (Anna, the partner's distributor deal) won 40,000 EUR on 2017-05-12: 40,000 × 2 % = 800.00
        String d1 = openDeal(World.ANNA, customer, "DISTRIBUTOR", partner, 40000);
        win(d1, 40000, "2017-05-12T10:00:00Z");
        Map<String, Object> statement = awaitStatement(partner, s -> lines(s).size() == 1);
        Map<String, Object> line = lines(statement).get(0);
        assertThat(line.get("kind")).isEqualTo("ACCRUAL");
        assertThat(number(map(line.get("rebate")).get("amount"))).isEqualTo(800.0);
        assertThat(line.get("position")).isNotNull();
        assertThat(line.get("eventId")).isNotNull();

        // a direct deal of Boris for the same customer: a conflict the manager of team east may see; a REP may not
        String d2 = openDeal(World.BORIS, customer, "DIRECT", null, 5000);
        Map<String, Object> conflict = awaitConflict(customer, "OPEN", Tokens.MANAGER_EAST);
        assertThat(claims(conflict)).extracting(c -> c.get("dealId")).containsExactly(d1, d2);
        query("/api/v1/channel-conflicts?status=OPEN", Tokens.REP_ANNA)
                .expectStatus().isForbidden().expectHeader().contentType("application/problem+json");

        // another deal of the partner for the customer joins the conflict; its win waits (pending)
        String d3 = openDeal(World.ANNA, customer, "DISTRIBUTOR", partner, 30000);
        win(d3, 30000, "2017-05-20T10:00:00Z");
        awaitStatement(partner, s -> pending(s).stream().anyMatch(p -> d3.equals(p.get("dealId"))
                && "PENDING".equals(p.get("status")) && "CHANNEL_CONFLICT".equals(p.get("reason"))));
        assertThat(lines(awaitStatement(partner, s -> true))).hasSize(1);

        // the REP may not resolve; the manager of team east resolves for the partner's claim
        String resolve = "/api/v1/channel-conflicts/" + conflict.get("conflictId") + "/resolve";
        api.send(HttpMethod.POST, resolve, Tokens.REP_ANNA, json("winningDealId", d1, "reason", "partner first"))
                .expectStatus().isForbidden();
        api.send(HttpMethod.POST, resolve, Tokens.MANAGER_EAST, json("winningDealId", "nope", "reason", "x"))
                .expectStatus().isEqualTo(422).expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("winningDealId");
        api.send(HttpMethod.POST, resolve, Tokens.MANAGER_EAST, json("winningDealId", d1,
                "reason", "the distributor brought the customer"), unique("key")).expectStatus().isOk();
        api.send(HttpMethod.POST, resolve, Tokens.MANAGER_EAST, json("winningDealId", d1, "reason", "again"))
                .expectStatus().isEqualTo(409);

        // released: d-3's 30,000 at 40,000 → 30,000 × 2 % = 600.00
        statement = awaitStatement(partner, s -> lines(s).size() == 2);
        assertThat(number(map(lines(statement).get(1).get("rebate")).get("amount"))).isEqualTo(600.0);
        assertThat(pending(statement)).filteredOn(p -> d3.equals(p.get("dealId")))
                .singleElement().satisfies(p -> assertThat(p.get("status")).isEqualTo("ACCRUED"));
        Map<String, Object> resolved = awaitConflict(customer, "RESOLVED", Tokens.FINANCE);
        assertThat(map(resolved.get("resolution")).get("winningDealId")).isEqualTo(d1);
        assertThat(map(resolved.get("resolution")).get("overruled")).isEqualTo(List.of(d2));

        // d-1 reopened: reversed by a new line, −800.00; totals: accrued 1,400, reversed −800, net 600
        api.ok(HttpMethod.POST, "/api/v1/deals/" + d1 + "/reopening", json("reason", "customer wants more",
                "occurredAt", "2017-05-25T10:00:00Z"));
        statement = awaitStatement(partner, s -> lines(s).size() == 3);
        Map<String, Object> reversal = lines(statement).get(2);
        assertThat(reversal.get("kind")).isEqualTo("REVERSAL");
        assertThat(number(map(reversal.get("rebate")).get("amount"))).isEqualTo(-800.0);
        Map<String, Object> eur = totals(statement).get(0);
        assertThat(number(eur.get("accrued"))).isEqualTo(1400.0);
        assertThat(number(eur.get("reversed"))).isEqualTo(-800.0);
        assertThat(number(eur.get("net"))).isEqualTo(600.0);
    }

    @Test
    void aConflictResolvedForTheDirectDealDropsTheHeldRebate() {
        String partner = partnerWithAgreement();
        String customer = unique("customer");
        String d1 = openDeal(World.ANNA, customer, "DISTRIBUTOR", partner, 40000);
        String d2 = openDeal(World.BORIS, customer, "DIRECT", null, 5000);
        Map<String, Object> conflict = awaitConflict(customer, "OPEN", Tokens.ADMIN);
        win(d1, 40000, "2017-05-12T10:00:00Z");
        awaitStatement(partner, s -> pending(s).stream().anyMatch(p -> "PENDING".equals(p.get("status"))));

        api.send(HttpMethod.POST, "/api/v1/channel-conflicts/" + conflict.get("conflictId") + "/resolve",
                Tokens.MANAGER_EAST, json("winningDealId", d2, "reason", "our own account")).expectStatus().isOk();

        Map<String, Object> statement = awaitStatement(partner,
                s -> pending(s).stream().anyMatch(p -> "DROPPED".equals(p.get("status"))));
        assertThat(lines(statement)).isEmpty();
    }

    @Test
    void partnersAndAgreementsAreFinancesWithProblemDetailsAndIdempotency() {
        String partner = unique("partner");
        Map<String, Object> body = json("partnerId", partner, "name", "Acme Distribution", "kind", "DISTRIBUTOR");
        api.send(HttpMethod.POST, "/api/v1/partners", Tokens.MANAGER_EAST, body).expectStatus().isForbidden();
        String key = unique("key");
        api.send(HttpMethod.POST, "/api/v1/partners", Tokens.FINANCE, body, key).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/api/v1/partners/" + partner);
        long events = api.eventCount();
        api.send(HttpMethod.POST, "/api/v1/partners", Tokens.FINANCE, body, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(api.eventCount()).isEqualTo(events);
        api.send(HttpMethod.POST, "/api/v1/partners/" + partner + "/agreements", Tokens.FINANCE,
                        json("terms", json("effectiveFrom", "2017-01-01", "currency", "EUR",
                                "tiers", List.of(json("fromRevenue", 10, "rate", 0.02)))))
                .expectStatus().isEqualTo(422).expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("terms.tiers[0].fromRevenue");
        api.send(HttpMethod.POST, "/api/v1/partners/" + unique("ghost") + "/agreements", Tokens.FINANCE, agreement())
                .expectStatus().isNotFound();
        assertThat(api.eventCount()).isEqualTo(events);
        query("/api/v1/partners/" + partner + "/rebates?period=2017-Q2", Tokens.MANAGER_EAST)
                .expectStatus().isForbidden();
        query("/api/v1/partners/" + partner + "/rebates?period=2017-Q9", Tokens.AUDITOR).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json");
    }

    // ------------------------------------------------------------------------------------------------------ support

    private String partnerWithAgreement() {
        String partner = unique("partner");
        api.send(HttpMethod.POST, "/api/v1/partners", Tokens.FINANCE,
                json("partnerId", partner, "name", "Acme Distribution", "kind", "DISTRIBUTOR")).expectStatus().isCreated();
        api.send(HttpMethod.POST, "/api/v1/partners/" + partner + "/agreements", Tokens.FINANCE, agreement())
                .expectStatus().isOk();
        return partner;
    }

    private static Map<String, Object> agreement() {
        return json("terms", json("effectiveFrom", "2017-01-01", "currency", "EUR", "period", "QUARTER",
                "tiers", List.of(json("fromRevenue", 0, "toRevenue", 100000, "rate", 0.02),
                        json("fromRevenue", 100000, "rate", 0.035))));
    }

    private String openDeal(String owner, String customer, String channel, String partner, int amount) {
        String deal = unique("d");
        api.ok(HttpMethod.POST, "/api/v1/deals", json("dealId", deal, "ownerRepId", owner, "customer", customer,
                "productLine", World.PRODUCT, "channel", channel, "partnerId", partner, "amount", amount,
                "currency", "EUR", "occurredAt", "2017-04-03T10:00:00Z"));
        return deal;
    }

    private void win(String deal, int amount, String at) {
        api.ok(HttpMethod.POST, "/api/v1/deals/" + deal + "/stage", json("stage", "WON",
                "finalAmount", json("amount", amount, "currency", "EUR"), "occurredAt", at));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path, String token) {
        return query(path, token).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec query(String path, String token) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private Map<String, Object> awaitStatement(String partner, java.util.function.Predicate<Map<String, Object>> until) {
        AtomicReference<Map<String, Object>> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, Object> s = get("/api/v1/partners/" + partner + "/rebates?period=2017-Q2", Tokens.FINANCE);
            found.set(s);
            return until.test(s);
        });
        return found.get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitConflict(String customer, String status, String token) {
        AtomicReference<Map<String, Object>> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, Object> body = get("/api/v1/channel-conflicts?status=" + status, token);
            for (Object c : (List<Object>) body.get("conflicts")) {
                if (customer.equals(((Map<String, Object>) c).get("customer"))) {
                    found.set((Map<String, Object>) c);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> statement) {
        return (List<Map<String, Object>>) statement.get("lines");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pending(Map<String, Object> statement) {
        return (List<Map<String, Object>>) statement.get("pending");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> totals(Map<String, Object> statement) {
        return (List<Map<String, Object>>) statement.get("totals");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> claims(Map<String, Object> conflict) {
        return (List<Map<String, Object>>) conflict.get("claims");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
