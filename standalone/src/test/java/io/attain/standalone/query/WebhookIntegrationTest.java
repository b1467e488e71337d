package io.attain.standalone.query;

import io.attain.query.integration.webhook.WebhookDispatcher;
import io.attain.query.integration.webhook.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: registration (secret shown once), signed CloudEvents in position order, a receiver that fails
 * and recovers, pausing after the last retry and resuming by PATCH, replay, secret rotation, the worker stopped
 * mid-batch, bad input, roles and ownership, categories.
 */
@WebhookApiTest
class WebhookIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String DEALS = "io.attain.deal.";

    @Autowired
    WebTestClient web;
    @Autowired
    WebhookDispatcher dispatcher;

    QueryApi api;
    QueryApi.Org org;
    Receiver receiver;
    int year;

    @BeforeEach
    void setUp() throws IOException {
        api = new QueryApi(web);
        org = api.organisation();
        receiver = new Receiver();
        year = QueryApi.uniqueYear();
    }

    @AfterEach
    void tearDown() {
        if (!dispatcher.isRunning()) {
            dispatcher.start();
        }
        receiver.close();
    }

    private Map<String, Object> call(HttpMethod method, String uri, String token, Object body, int status) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(uri).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        });
        WebTestClient.ResponseSpec response = body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return response.expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> register(String token, Object... fields) {
        Map<String, Object> body = QueryApi.json(fields);
        body.putIfAbsent("url", receiver.url());
        return call(HttpMethod.POST, "/api/v1/webhooks", token, body, 201);
    }

    private Map<String, Object> webhook(String id, String token) {
        return call(HttpMethod.GET, "/api/v1/webhooks/" + id, token, null, 200);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deliveries(String id) {
        return (List<Map<String, Object>>) call(HttpMethod.GET, "/api/v1/webhooks/" + id + "/deliveries",
                                                QueryApi.ADMIN, null, 200).get("deliveries");
    }

    /** Opens a deal and moves it twice: three deal events; the positions the writes answered. */
    private List<Long> dealEvents(String dealId) {
        List<Long> positions = new ArrayList<>();
        positions.add(api.openDeal(dealId, org.anna(), "Acme " + dealId, 1000, null, year + "-04-03T10:00:00Z"));
        positions.add(api.stage(dealId, "PROPOSAL", year + "-04-20T10:00:00Z"));
        positions.add(api.stage(dealId, "NEGOTIATION", year + "-04-25T10:00:00Z"));
        return positions;
    }

    private static void assertOnceInOrder(List<Long> acknowledged, List<Long> written) {
        assertThat(acknowledged).doesNotHaveDuplicates().isSorted().containsAll(written);
    }

    @Test
    void deliversSignedCloudEventsInPositionOrderAndShowsTheSecretOnlyOnce() {
        Map<String, Object> created = register(Receiver.INTEGRATOR, "types", List.of(DEALS), "from", "now",
                                               "description", "CRM sync");
        String id = (String) created.get("id");
        String secret = (String) created.get("secret");
        assertThat(id).startsWith("wh_");
        assertThat(secret).startsWith("whsec_");
        assertThat(created).containsEntry("status", "ACTIVE").containsEntry("description", "CRM sync");
        Map<String, Object> shown = webhook(id, Receiver.INTEGRATOR);
        assertThat(shown).doesNotContainKey("secret");
        assertThat(shown.toString()).doesNotContain(secret.substring(6));

        List<Long> written = dealEvents(QueryApi.unique("wh-deal"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acknowledged().containsAll(written));
        assertOnceInOrder(receiver.acknowledged(), written);
        for (Receiver.Request request : receiver.requests()) {
            assertThat(WebhookSigner.verify(secret, request.id(), request.timestamp(), request.body(),
                                            request.signature())).isTrue();
            assertThat(request.id()).isEqualTo(request.bodyId());
            assertThat(request.type()).startsWith(DEALS);
            assertThat(request.contentType()).startsWith("application/cloudevents+json");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id).size() >= 3);
        assertThat(deliveries(id)).allSatisfy(d -> {
            assertThat(d).containsEntry("outcome", "DELIVERED").containsEntry("statusCode", 204).containsEntry("attempt", 1);
            assertThat(((Number) d.get("latencyMillis")).longValue()).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEveryEventOnceInOrder() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(position -> calls.incrementAndGet() <= 2 ? 500 : 204);
        String id = (String) register(QueryApi.ADMIN, "types", List.of(DEALS), "from", "now").get("id");

        List<Long> written = dealEvents(QueryApi.unique("wh-fail"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acknowledged().containsAll(written));
        assertOnceInOrder(receiver.acknowledged(), written);
        assertThat(receiver.received()).isSorted();
        assertThat(deliveries(id)).filteredOn(d -> "FAILED".equals(d.get("outcome"))).hasSize(2)
                                  .allSatisfy(d -> assertThat(d).containsEntry("statusCode", 500)
                                                                .containsKey("nextAttemptAt"));
    }

    @Test
    void afterTheLastRetryItIsPausedAndPatchResumesFromTheFailedEvent() {
        receiver.answer(position -> 503);
        String id = (String) register(Receiver.INTEGRATOR, "types", List.of(DEALS), "from", "now").get("id");
        List<Long> written = dealEvents(QueryApi.unique("wh-pause"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(webhook(id, Receiver.INTEGRATOR).get("status")));
        Map<String, Object> paused = webhook(id, Receiver.INTEGRATOR);
        assertThat(paused.get("statusReason").toString()).contains("failed 4 times");
        assertThat(receiver.received()).hasSize(4);
        long failed = receiver.received().get(0);
        assertThat(Set.copyOf(receiver.received())).containsExactly(failed);

        receiver.answer(position -> 204);
        Map<String, Object> resumed = call(HttpMethod.PATCH, "/api/v1/webhooks/" + id, Receiver.INTEGRATOR,
                                           Map.of("status", "ACTIVE"), 200);
        assertThat(resumed).containsEntry("status", "ACTIVE").containsEntry("attempts", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acknowledged().containsAll(written));
        assertOnceInOrder(receiver.acknowledged(), written);
        assertThat(receiver.acknowledged().get(0)).isEqualTo(failed);
    }

    @Test
    void replayDeliversAgainFromThePosition() {
        String id = (String) register(QueryApi.ADMIN, "types", List.of(DEALS), "from", "now").get("id");
        List<Long> written = dealEvents(QueryApi.unique("wh-replay"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acknowledged().containsAll(written));

        List<Long> first = receiver.acknowledged();
        List<Long> again = first.stream().filter(p -> p >= written.get(1)).toList();
        Map<String, Object> replayed = call(HttpMethod.POST, "/api/v1/webhooks/" + id + "/replay", QueryApi.ADMIN,
                                            Map.of("from", written.get(1)), 200);
        assertThat(((Number) replayed.get("position")).longValue()).isEqualTo(written.get(1) - 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acknowledged().size() == first.size() + again.size());
        assertThat(receiver.acknowledged().subList(first.size(), first.size() + again.size()))
                .containsExactlyElementsOf(again).contains(written.get(1), written.get(2));
    }

    @Test
    void duringASecretRotationBothSecretsSign() {
        Map<String, Object> created = register(Receiver.INTEGRATOR, "types", List.of(DEALS), "from", "now");
        String id = (String) created.get("id");
        Map<String, Object> rotated = call(HttpMethod.POST, "/api/v1/webhooks/" + id + "/secret-rotation",
                                           Receiver.INTEGRATOR, Map.of(), 200);
        String next = (String) rotated.get("secret");
        assertThat(next).startsWith("whsec_").isNotEqualTo(created.get("secret"));
        assertThat(rotated).containsKey("previousSecretExpiresAt");
        assertThat(webhook(id, Receiver.INTEGRATOR)).doesNotContainKey("secret");

        List<Long> written = dealEvents(QueryApi.unique("wh-rotate"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acknowledged().containsAll(written));
        for (Receiver.Request request : receiver.requests()) {
            assertThat(request.signature().split(" ")).hasSize(2);
            assertThat(WebhookSigner.verify((String) created.get("secret"), request.id(), request.timestamp(),
                                            request.body(), request.signature())).isTrue();
            assertThat(WebhookSigner.verify(next, request.id(), request.timestamp(), request.body(),
                                            request.signature())).isTrue();
        }
    }

    @Test
    void theWorkerStoppedMidBatchLosesNothing() throws Exception {
        receiver.answer(position -> {
            try {
                Thread.sleep(300); // a slow receiver, so that the stop falls inside the batch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 204;
        });
        String id = (String) register(QueryApi.ADMIN, "types", List.of(DEALS), "from", "now").get("id");
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.addAll(dealEvents(QueryApi.unique("wh-stop")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
        dispatcher.stop();
        long stoppedAt = ((Number) webhook(id, QueryApi.ADMIN).get("position")).longValue();
        assertThat(stoppedAt).isLessThan(written.get(written.size() - 1));
        written.addAll(dealEvents(QueryApi.unique("wh-stop")));
        dispatcher.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acknowledged().containsAll(written));
        List<Long> distinct = receiver.acknowledged().stream().distinct().toList();
        assertThat(distinct).isSorted().containsAll(written);
        assertThat(receiver.acknowledged().size() - distinct.size()).as("sent again after the stop")
                                                                    .isLessThanOrEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badInputNamesEachFieldAndStoresNothing() {
        int before = ((List<?>) call(HttpMethod.GET, "/api/v1/webhooks", QueryApi.ADMIN, null, 200)
                .get("webhooks")).size();
        Map<String, Object> problem = web.post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(QueryApi.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "ftp://example.com/x", "types", "io.attain.deal", "from", -3, "colour", "red"))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();
        Set<Object> fields = ((List<Map<String, Object>>) problem.get("errors")).stream().map(e -> e.get("field"))
                                                                              .collect(Collectors.toSet());
        assertThat(fields).containsExactlyInAnyOrder("url", "types", "from", "colour");
        assertThat(((List<?>) call(HttpMethod.GET, "/api/v1/webhooks", QueryApi.ADMIN, null, 200).get("webhooks")))
                .hasSize(before);

        String id = (String) register(QueryApi.ADMIN).get("id");
        Map<String, Object> before2 = webhook(id, QueryApi.ADMIN);
        Map<String, Object> patchProblem = call(HttpMethod.PATCH, "/api/v1/webhooks/" + id, QueryApi.ADMIN,
                                                Map.of("status", "SLEEPING", "description", "x"), 422);
        assertThat(((List<Map<String, Object>>) patchProblem.get("errors")).get(0)).containsEntry("field", "status");
        assertThat(webhook(id, QueryApi.ADMIN)).isEqualTo(before2);
        Map<String, Object> replayProblem = call(HttpMethod.POST, "/api/v1/webhooks/" + id + "/replay",
                                                 QueryApi.ADMIN, Map.of(), 422);
        assertThat(((List<Map<String, Object>>) replayProblem.get("errors")).get(0)).containsEntry("field", "from");
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminAndIntegratorsOnlyAndAnIntegratorManagesItsOwn() {
        call(HttpMethod.POST, "/api/v1/webhooks", Receiver.FINANCE, Map.of("url", receiver.url()), 403);
        call(HttpMethod.GET, "/api/v1/webhooks", null, null, 401);
        String mine = (String) register(Receiver.INTEGRATOR).get("id");
        Map<String, Object> theirs = register(Receiver.INTEGRATOR_DEALS);
        String other = (String) theirs.get("id");
        assertThat(theirs.get("categories")).isEqualTo(List.of("deals"));
        assertThat((List<String>) webhook(mine, Receiver.INTEGRATOR).get("categories"))
                .containsExactlyInAnyOrder("deals", "activities", "organisation", "targets");

        call(HttpMethod.GET, "/api/v1/webhooks/" + other, Receiver.INTEGRATOR, null, 404);
        call(HttpMethod.PATCH, "/api/v1/webhooks/" + other, Receiver.INTEGRATOR, Map.of("description", "x"), 404);
        call(HttpMethod.POST, "/api/v1/webhooks/" + other + "/replay", Receiver.INTEGRATOR, Map.of("from", 0), 404);
        call(HttpMethod.DELETE, "/api/v1/webhooks/" + other, Receiver.INTEGRATOR, null, 404);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) call(
                HttpMethod.GET, "/api/v1/webhooks", Receiver.INTEGRATOR, null, 200).get("webhooks");
        assertThat(listed).extracting(w -> w.get("id")).contains(mine).doesNotContain(other);
        assertThat(webhook(other, QueryApi.ADMIN)).containsEntry("owner", "wh-int-2");

        web.delete().uri("/api/v1/webhooks/" + other).headers(h -> h.setBearerAuth(Receiver.INTEGRATOR_DEALS))
           .exchange().expectStatus().isNoContent();
        call(HttpMethod.GET, "/api/v1/webhooks/" + other, QueryApi.ADMIN, null, 404);
    }

    @Test
    void anIntegratorsWebhookCarriesOnlyItsCategories() {
        Map<Long, String> types = new ConcurrentHashMap<>();
        receiver.answer(position -> 204);
        register(Receiver.INTEGRATOR_DEALS, "from", "now");
        List<Long> written = new ArrayList<>(dealEvents(QueryApi.unique("wh-cat")));
        api.activity("visits", org.anna(), year + "-04-03T09:00:00Z");
        written.addAll(dealEvents(QueryApi.unique("wh-cat")));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acknowledged().containsAll(written));
        receiver.requests().forEach(r -> types.put(r.position(), r.type()));
        assertThat(types.values()).noneMatch(t -> t.startsWith("io.attain.activity."))
                                  .noneMatch(t -> t.startsWith("io.attain.organisation."));
        assertThat(new HashMap<>(types)).isNotEmpty();
    }
}
