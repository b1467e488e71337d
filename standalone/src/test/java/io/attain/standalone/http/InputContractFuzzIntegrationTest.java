package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import io.attain.bench.InputFuzz;
import io.attain.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The input contract, proven by a sweep: for every POST, PUT and PATCH operation of {@code /v3/api-docs} (so a new
 * endpoint is covered without editing this test), the bad inputs of {@link InputFuzz} — wrong types, missing
 * fields, numbers over the maximum or with too many decimals, dates outside 1900–2200, identifiers with each
 * forbidden character class, oversized strings and bodies, unknown enum constants, bad path ids — each get a 4xx
 * {@code application/problem+json} naming the field (or the path variable, or {@code body}), never a 5xx or a reset
 * connection, and the log's head does not move.
 *
 * <p>Seeded: the seed is printed; the build runs the fixed {@link #DEFAULT_SEED} so a green main stays green, and
 * {@code bench/run fuzz} draws new seeds with a larger budget; {@code -Dfuzz.seed=N} repeats a run (or tries another
 * one), {@code -Dfuzz.perOperation=N} (default 30)
 * sets how many of each operation's cases beyond the body and missing-field ones are drawn.
 */
@HttpApiTest
class InputContractFuzzIntegrationTest {

    /** The seed the build runs: the one whose draw found the empty-array date and the nested array in a list. */
    static final long DEFAULT_SEED = 73939304836723L;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient web;
    @Autowired
    MongoDatabase database;
    @Autowired
    MongoEventStorageEngine engine;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyWriteOperationRefusesEveryBadInputNamingTheFieldAndAppendsNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int perOperation = Integer.getInteger("fuzz.perOperation", 30);
        System.out.println("InputContractFuzzIntegrationTest: -Dfuzz.seed=" + seed + " -Dfuzz.perOperation=" + perOperation);

        Api api = new Api(web, database);
        World.ensure(api);
        InputFuzz fuzz = new InputFuzz(openApi(), seed);
        List<InputFuzz.Operation> operations = fuzz.operations();
        assertThat(operations).as("write operations in /v3/api-docs").hasSizeGreaterThan(30);
        List<InputFuzz.Case> cases = fuzz.sample(perOperation);

        TrackingToken before = quietHead();
        long eventsBefore = api.eventCount();
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (InputFuzz.Case c : cases) {
            String failure = check(c);
            if (failure != null) {
                failures.add(failure);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("InputContractFuzzIntegrationTest: %d cases over %d operations in %.1f s, %d failed%n",
                cases.size(), operations.size(), seconds, failures.size());

        assertThat(failures).as("bad requests not refused as they must be (seed %d)", seed).isEmpty();
        assertThat(engine.createHeadToken()).as("the log's head after %d bad requests", cases.size()).isEqualTo(before);
        assertThat(api.eventCount()).isEqualTo(eventsBefore);
    }

    /** {@code null} when the answer is right, else what was wrong. */
    private String check(InputFuzz.Case c) {
        HttpResponse<String> response;
        try {
            response = http.send(request(c), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "no answer (" + e + "): " + c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted: " + c;
        }
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return status + " " + abbreviated(response.body()) + ": " + c;
        }
        if (c.expectStatus() != 0 && status != c.expectStatus()) {
            return status + " instead of " + c.expectStatus() + ": " + c;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " as " + type + ": " + c;
        }
        List<String> fields = fields(response.body());
        if (!c.named(fields)) {
            return status + " naming " + fields + " instead of " + c.field() + " " + abbreviated(response.body()) + ": " + c;
        }
        return null;
    }

    private HttpRequest request(InputFuzz.Case c) {
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.ADMIN)
                .method(c.method(), body)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(String problem) {
        try {
            Map<String, Object> json = JSON.readValue(problem, Map.class);
            List<String> fields = new ArrayList<>();
            for (Object error : (List<Object>) json.getOrDefault("errors", List.of())) {
                fields.add((String) ((Map<String, Object>) error).get("field"));
            }
            return fields;
        } catch (RuntimeException notJson) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> openApi() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .header("Authorization", "Bearer " + Tokens.ADMIN).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), Map.class);
    }

    /**
     * The head once the processes have settled (the fixture's deals cause customer claims asynchronously): the
     * same token twice in a row, a quarter second apart.
     */
    private TrackingToken quietHead() {
        AtomicReference<TrackingToken> last = new AtomicReference<>(engine.createHeadToken());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            TrackingToken now = engine.createHeadToken();
            return Objects.equals(now, last.getAndSet(now));
        });
        return last.get();
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
