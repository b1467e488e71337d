package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.attain.command.web.idempotency.RequestFingerprint;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.attain.standalone.http.Api.json;
import static io.attain.standalone.http.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key}: the same request answers the same and appends once; a reused key is refused. */
@HttpApiTest
class IdempotencyIntegrationTest {

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

    private EntityExchangeResult<String> send(HttpMethod method, String path, String token, String body, String key) {
        return api.send(method, path, token, body, key).expectBody(String.class).returnResult();
    }

    private static String region(String id, String name) {
        return "{\"regionId\":\"" + id + "\",\"name\":\"" + name + "\",\"managerId\":\"m\"}";
    }

    private Document stored(String principal, String key) {
        return database.getCollection("command_idempotency").find(Filters.eq("_id", principal + "/" + key)).first();
    }

    @Test
    void theSameRequestAgainGetsTheFirstAnswerAndAppendsNothing() {
        String key = unique("key");
        String id = unique("region");
        long before = api.eventCount();

        EntityExchangeResult<String> first = send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(id, "North"), key);
        EntityExchangeResult<String> again = send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(id, "North"), key);

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(again.getStatus().value()).isEqualTo(201);
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(api.eventCount()).isEqualTo(before + 1);
        assertThat(stored("admin", key)).containsEntry("state", "done").containsEntry("status", 201);
    }

    @Test
    void memberOrderAndWhitespaceDoNotMakeADifferentRequest() {
        String key = unique("key");
        String id = unique("region");
        long before = api.eventCount();

        send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(id, "North"), key);
        EntityExchangeResult<String> reordered = send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN,
                "{ \"managerId\": \"m\",\n  \"name\": \"North\", \"regionId\": \"" + id + "\" }", key);

        assertThat(reordered.getStatus().value()).isEqualTo(201);
        assertThat(reordered.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aReplayedUpdateIsNotExecutedAgain() {
        String deal = unique("deal");
        api.ok(HttpMethod.POST, "/api/v1/deals", World.deal(deal, World.ANNA));
        String key = unique("key");
        String body = "{\"amount\":1500,\"currency\":\"EUR\"}";
        long before = api.eventCount();

        EntityExchangeResult<String> first = send(HttpMethod.PUT, "/api/v1/deals/" + deal + "/amount", Tokens.ADMIN, body, key);
        // Executed again, the same amount would be refused ("must differ from the current amount").
        EntityExchangeResult<String> again = send(HttpMethod.PUT, "/api/v1/deals/" + deal + "/amount", Tokens.ADMIN, body, key);

        assertThat(first.getStatus().value()).isEqualTo(200);
        assertThat(again.getStatus().value()).isEqualTo(200);
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(api.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = unique("key");
        String id = unique("region");
        send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(id, "North"), key);
        long before = api.eventCount();

        api.send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(id, "South"), key)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:attain:problem:idempotency-key-reused")
                .jsonPath("$.title").isEqualTo("Idempotency-Key reused with a different request")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        api.send(HttpMethod.POST, "/api/v1/teams", Tokens.ADMIN, region(id, "North"), key)
                .expectStatus().isEqualTo(422);

        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void aFailedRequestIsNotStoredAndFreesItsKey() {
        String key = unique("key");
        String id = unique("region");
        long before = api.eventCount();

        api.send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, "{\"regionId\":\"" + id + "\"}", key)
                .expectStatus().isEqualTo(422);
        assertThat(stored("admin", key)).isNull();

        api.send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(id, "North"), key)
                .expectStatus().isCreated();
        assertThat(api.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void keysBelongToTheirPrincipal() {
        String key = unique("key");
        long before = api.eventCount();
        String visit = "{\"repId\":\"" + World.ANNA + "\",\"customer\":\"Acme\",\"purpose\":\"demo\",\"outcome\":\"ok\"}";

        api.send(HttpMethod.POST, "/api/v1/activities/visits", Tokens.ADMIN, visit, key).expectStatus().isCreated();
        api.send(HttpMethod.POST, "/api/v1/activities/visits", Tokens.REP_ANNA, visit, key).expectStatus().isCreated();

        assertThat(api.eventCount()).isEqualTo(before + 2);
    }

    @Test
    void aRequestWhileTheFirstWithTheKeyIsRunningGets409() {
        String key = unique("key");
        String body = region(unique("region"), "North");
        // The marker the first request leaves while its command runs.
        database.getCollection("command_idempotency").insertOne(new Document("_id", "admin/" + key)
                .append("state", "pending")
                .append("fingerprint", RequestFingerprint.of("POST", "/api/v1/regions", "admin",
                        body.getBytes(StandardCharsets.UTF_8)))
                .append("startedAt", new Date()));
        long before = api.eventCount();

        api.send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, body, key)
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:attain:problem:request-in-progress")
                .jsonPath("$.title").isEqualTo("Request in progress");

        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void concurrentDuplicatesAppendOnce() throws Exception {
        String key = unique("key");
        String body = "{\"repId\":\"" + World.ANNA + "\",\"customer\":\"Acme\",\"purpose\":\"demo\",\"outcome\":\"ok\"}";
        int requests = 8;
        long before = api.eventCount();

        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<EntityExchangeResult<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(HttpMethod.POST, "/api/v1/activities/visits", Tokens.ADMIN, body, key);
                }));
            }
            start.countDown();
            List<EntityExchangeResult<String>> results = new ArrayList<>();
            for (Future<EntityExchangeResult<String>> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }

            List<EntityExchangeResult<String>> created = results.stream().filter(r -> r.getStatus().value() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).extracting(EntityExchangeResult::getResponseBody).containsOnly(created.get(0).getResponseBody());
            assertThat(results).allSatisfy(r -> assertThat(r.getStatus().value()).isIn(201, 409));
            assertThat(results).filteredOn(r -> r.getStatus().value() == 409)
                    .allSatisfy(r -> assertThat(r.getResponseBody()).contains("urn:attain:problem:request-in-progress"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aMalformedKeyIsRefused() {
        api.send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(unique("r"), "N"), "has spaces in it")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        api.send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(unique("r"), "N"), "k".repeat(256))
                .expectStatus().isBadRequest();
    }

    @Test
    void nothingIsStoredWithoutAKey() {
        long keys = database.getCollection("command_idempotency").countDocuments();
        api.ok(HttpMethod.POST, "/api/v1/regions", json("name", "Keyless", "managerId", "m"));
        assertThat(database.getCollection("command_idempotency").countDocuments()).isEqualTo(keys);
    }

    @Test
    void theStoredAnswerHoldsNoCredentials() {
        String key = unique("key");
        api.send(HttpMethod.POST, "/api/v1/regions", Tokens.ADMIN, region(unique("region"), "North"), key)
                .expectStatus().isCreated();
        Map<String, Object> document = stored("admin", key);
        assertThat(document.toString()).doesNotContain(Tokens.ADMIN);
    }
}
