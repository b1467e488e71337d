package io.attain.standalone.query;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example consumer {@code docs/examples/webhook-consumer/WebhookConsumer.java}, run as documented
 * ({@code java WebhookConsumer.java …}) against the app: it verifies the signatures, handles each event once in
 * position order, keeps its last position across a restart, and ignores what a replay sends again.
 */
@WebhookApiTest
class WebhookConsumerExampleIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final Path SOURCE = Path.of("..", "docs", "examples", "webhook-consumer", "WebhookConsumer.java");

    @Autowired
    WebTestClient web;
    @TempDir
    Path dir;

    private Process consumer;

    @AfterEach
    void stop() throws InterruptedException {
        if (consumer != null) {
            consumer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(int port, String secret) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, SOURCE.toString(), "--port", Integer.toString(port),
                                             "--secret", secret, "--state", dir.resolve("position").toString(),
                                             "--log", dir.resolve("handled.log").toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the consumer's first line").startsWith("listening on " + port);
        return process;
    }

    private List<Long> handled() throws IOException {
        Path log = dir.resolve("handled.log");
        List<Long> positions = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                positions.add(Long.parseLong(line.split(" ")[0]));
            }
        }
        return positions;
    }

    private Map<String, Object> send(String method, String uri, Object body) {
        return web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                  .headers(h -> h.setBearerAuth(QueryApi.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(body).exchange().expectStatus().is2xxSuccessful().expectBody(JSON).returnResult()
                  .getResponseBody();
    }

    private Map<String, Object> get(String uri) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(QueryApi.ADMIN)).exchange().expectStatus().isOk()
                  .expectBody(JSON).returnResult().getResponseBody();
    }

    @Test
    void verifiesHandlesOnceInOrderAndResumesAfterARestart() throws Exception {
        assertThat(SOURCE).exists();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        QueryApi api = new QueryApi(web);
        QueryApi.Org org = api.organisation();
        int year = QueryApi.uniqueYear();
        Map<String, Object> webhook = send("POST", "/api/v1/webhooks", Map.of(
                "url", "http://127.0.0.1:" + port + "/", "types", List.of("io.attain.deal."), "from", "now"));
        String id = (String) webhook.get("id");
        consumer = start(port, (String) webhook.get("secret"));

        String deal = QueryApi.unique("consumer-deal");
        List<Long> written = new ArrayList<>();
        written.add(api.openDeal(deal, org.anna(), "Acme", 100, null, year + "-04-03T10:00:00Z"));
        written.add(api.stage(deal, "PROPOSAL", year + "-04-10T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled().containsAll(written));

        consumer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        written.add(api.stage(deal, "NEGOTIATION", year + "-04-20T10:00:00Z"));
        consumer = start(port, (String) webhook.get("secret"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if ("PAUSED".equals(get("/api/v1/webhooks/" + id).get("status"))) {
                // the consumer was down longer than the retry schedule (1 s, 1 s, 2 s in this context): re-enable
                send("PATCH", "/api/v1/webhooks/" + id, Map.of("status", "ACTIVE"));
            }
            return handled().containsAll(written);
        });

        send("POST", "/api/v1/webhooks/" + id + "/replay", Map.of("from", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) get("/api/v1/webhooks/" + id)
                .get("position")).longValue() >= written.get(written.size() - 1));

        assertThat(handled()).doesNotHaveDuplicates().isSorted().containsAll(written);
        assertThat(Long.parseLong(Files.readString(dir.resolve("position")).trim()))
                .isEqualTo(handled().get(handled().size() - 1));
    }
}
