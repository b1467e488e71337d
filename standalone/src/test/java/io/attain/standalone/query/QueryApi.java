package io.attain.standalone.query;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through the command API (as ADMIN) and reads through the query API. Every write answers the global
 * position of its event; reads pass it as {@code minPosition} (read-your-writes).
 */
final class QueryApi {

    static final String ADMIN = "it-admin-token-0123456789abcdef";
    static final String REP_ANNA = "it-rep-anna-token";
    private static final Random RANDOM = new Random();

    private final WebTestClient web;
    private long lastPosition;

    QueryApi(WebTestClient web) {
        this.web = web;
    }

    /**
     * A year no other test uses, so that the "all" cut of its periods holds only the caller's data (the shared
     * context also holds the data of other tests).
     */
    static int uniqueYear() {
        return YEARS.incrementAndGet();
    }

    /** 2141–2200: business years end at 2200 (InputContract); Compensation and RoleMatrix use earlier ones. */
    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(2140);

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                json.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return json;
    }

    long lastPosition() {
        return lastPosition;
    }

    /** Sends a command as ADMIN, expects success, returns the position of its (last) event. */
    long write(HttpMethod method, String path, Object body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = web.method(method).uri(path).contentType(MediaType.APPLICATION_JSON)
                                        .headers(h -> h.setBearerAuth(ADMIN)).bodyValue(body).exchange()
                                        .expectStatus().is2xxSuccessful()
                                        .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(result).containsKey("position");
        lastPosition = ((Number) result.get("position")).longValue();
        return lastPosition;
    }

    long post(String path, Object body) {
        return write(HttpMethod.POST, path, body);
    }

    /** A query as ADMIN that waits for the last write; expects 200 and JSON. */
    Map<String, Object> read(String uri) {
        String sep = uri.contains("?") ? "&" : "?";
        return get(uri + sep + "minPosition=" + lastPosition, ADMIN).expectStatus().isOk()
                                                                    .expectHeader().contentType(MediaType.APPLICATION_JSON)
                                                                    .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                                                                    }).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec get(String uri, String token) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(uri);
        if (token != null) {
            request = request.headers(h -> h.setBearerAuth(token));
        }
        return request.exchange();
    }

    // ------------------------------------------------------------------------------------------ the organisation

    /** A region with two teams (t1, t2) and three reps (anna, boris in t1; carl in t2), all with unique ids. */
    record Org(String region, String t1, String t2, String anna, String boris, String carl) {
    }

    Org organisation() {
        Org org = new Org(unique("qr"), unique("qt1"), unique("qt2"), unique("anna"), unique("boris"),
                          unique("carl"));
        post("/api/v1/regions", json("regionId", org.region(), "name", "Query region", "managerId", "qm"));
        post("/api/v1/teams", json("teamId", org.t1(), "name", "Q1", "regionId", org.region(), "managerId", "qm1"));
        post("/api/v1/teams", json("teamId", org.t2(), "name", "Q2", "regionId", org.region(), "managerId", "qm2"));
        rep(org.anna(), "Anna " + org.anna(), org.t1(), "qm1");
        rep(org.boris(), "Boris " + org.boris(), org.t1(), "qm1");
        rep(org.carl(), "Carl " + org.carl(), org.t2(), "qm2");
        return org;
    }

    private void rep(String repId, String name, String teamId, String managerId) {
        post("/api/v1/reps", json("repId", repId, "name", name, "role", "SALES_REP", "teamId", teamId,
                                  "managerId", managerId, "hireDate", "2016-01-04"));
    }

    // ---------------------------------------------------------------------------------------------------- deals

    long openDeal(String dealId, String owner, String customer, Number amount, String stage, String occurredAt) {
        return post("/api/v1/deals", json("dealId", dealId, "ownerRepId", owner, "customer", customer,
                                          "productLine", "Query Widget", "channel", "DIRECT", "amount", amount,
                                          "currency", "EUR", "stage", stage, "occurredAt", occurredAt));
    }

    long stage(String dealId, String stage, String occurredAt) {
        return post("/api/v1/deals/" + dealId + "/stage", json("stage", stage, "occurredAt", occurredAt));
    }

    long lose(String dealId, String reason, String occurredAt) {
        return post("/api/v1/deals/" + dealId + "/stage", json("stage", "LOST", "reason", reason,
                                                                "occurredAt", occurredAt));
    }

    long win(String dealId, Number amount, String occurredAt) {
        return post("/api/v1/deals/" + dealId + "/stage",
                    json("stage", "WON", "finalAmount", json("amount", amount, "currency", "EUR"),
                         "occurredAt", occurredAt));
    }

    long reopen(String dealId, String occurredAt) {
        return post("/api/v1/deals/" + dealId + "/reopening", json("reason", "customer came back",
                                                                    "stage", "NEGOTIATION",
                                                                    "occurredAt", occurredAt));
    }

    long split(String dealId, String occurredAt, String rep1, Number pct1, String rep2, Number pct2) {
        return write(HttpMethod.PUT, "/api/v1/deals/" + dealId + "/credit-split",
                     json("shares", java.util.List.of(json("repId", rep1, "percentage", pct1),
                                                      json("repId", rep2, "percentage", pct2)),
                          "occurredAt", occurredAt));
    }

    long activity(String kind, String repId, String occurredAt) {
        Map<String, Object> body = "proposals".equals(kind)
                ? json("repId", repId, "customer", "Acme", "productLine", "Query Widget", "occurredAt", occurredAt)
                : json("repId", repId, "customer", "Acme", "purpose", "demo", "outcome", "ok",
                       "occurredAt", occurredAt);
        return post("/api/v1/activities/" + kind, body);
    }

    long target(String targetId, String ownerField, String ownerId, String period, String metric, Number amount,
                String occurredAt) {
        return post("/api/v1/targets", json(ownerField, ownerId, "targetId", targetId, "period", period,
                                            "metric", metric, "amount", amount,
                                            "currency", "REVENUE".equals(metric) ? "EUR" : null,
                                            "occurredAt", occurredAt));
    }

    long revise(String targetId, String ownerField, String ownerId, Number amount, String occurredAt) {
        return post("/api/v1/targets/" + targetId + "/revisions",
                    json(ownerField, ownerId, "amount", amount, "reason", "re-plan", "occurredAt", occurredAt));
    }
}
