package io.attain.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Scenario {@code fuzz}: the input-contract sweep of {@code InputContractFuzzIntegrationTest} with a larger budget
 * against the started app jar on a fresh durable store: {@link InputFuzz}'s bad requests for every write operation
 * of {@code /v3/api-docs}, drawn again and again with a new seed per round until {@code BENCH_FUZZ_REQUESTS}
 * (default 20,000) were sent. Figures: requests tried, appended (commits in the log after minus before: must be 0),
 * failed badly (a 2xx, 5xx, reset connection, no problem+json, or the field not named: must be 0), requests/s.
 * {@code BENCH_FUZZ_SEED} repeats a run (printed to stderr).
 */
public final class FuzzScenario implements Scenario {

    static final String TOKEN = "bench-" + UUID.randomUUID();

    @Override
    public String name() {
        return "fuzz";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(Figures figures) throws Exception {
        int budget = Integer.parseInt(System.getenv().getOrDefault("BENCH_FUZZ_REQUESTS", "20000"));
        long seed = Long.parseLong(System.getenv().getOrDefault("BENCH_FUZZ_SEED", Long.toString(System.nanoTime())));
        System.err.println("bench/run fuzz: BENCH_FUZZ_SEED=" + seed + " BENCH_FUZZ_REQUESTS=" + budget);
        Path jar = Repo.attainJar();
        Path dataDir = Files.createTempDirectory("attain-bench-fuzz");
        int httpPort = CommandsScenario.freePort();
        int mongoPort = CommandsScenario.freePort();
        ProcessBuilder appBuilder = new ProcessBuilder(CommandsScenario.javaBin(), "-Xmx2g", "-jar", jar.toString(),
                "--server.port=" + httpPort, "--attain.data-dir=" + dataDir, "--attain.embedded.port=" + mongoPort,
                "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile());
        appBuilder.environment().put("ATTAIN_ADMIN_TOKEN", TOKEN);
        Process app = appBuilder.start();
        String base = "http://127.0.0.1:" + httpPort;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            CommandsScenario.awaitHealthy(http, base, app, dataDir);
            HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> openApi = new ObjectMapper().readValue(docs.body(), Map.class);
            long before = commits(mongo);
            long tried = 0;
            long bad = 0;
            List<String> examples = new ArrayList<>();
            long start = System.nanoTime();
            for (long round = 0; tried < budget; round++) {
                for (InputFuzz.Case c : new InputFuzz(openApi, seed + round).all()) {
                    if (tried >= budget) {
                        break;
                    }
                    tried++;
                    String failure = check(http, base, c);
                    if (failure != null) {
                        bad++;
                        if (examples.size() < 20) {
                            examples.add(failure);
                        }
                    }
                }
            }
            long nanos = System.nanoTime() - start;
            long appended = commits(mongo) - before;
            examples.forEach(e -> System.err.println("bench/run fuzz: failed badly: " + e));
            figures.print("fuzz_requests_tried", tried, "requests");
            figures.print("fuzz_appended", appended, "commits");
            figures.print("fuzz_failed_badly", bad, "requests");
            figures.print("fuzz_requests_per_second", Figures.perSecond(tried, nanos), "requests/s");
            if (appended != 0 || bad != 0) {
                throw new IllegalStateException("fuzz: " + appended + " commits appended, " + bad + " requests failed badly");
            }
        } finally {
            app.destroy();
            app.waitFor();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static long commits(MongoClient mongo) {
        return mongo.getDatabase("attain").getCollection("events").countDocuments();
    }

    /** {@code null} if the answer is a 4xx problem naming the field, else what was wrong. */
    @SuppressWarnings("unchecked")
    private static String check(HttpClient http, String base, InputFuzz.Case c) {
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + c.path())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .method(c.method(), body).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "no answer (" + e + "): " + c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted: " + c;
        }
        int status = response.statusCode();
        if (status < 400 || status >= 500 || (c.expectStatus() != 0 && status != c.expectStatus())) {
            return status + ": " + c;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return status + " without problem+json: " + c;
        }
        try {
            Map<String, Object> problem = new ObjectMapper().readValue(response.body(), Map.class);
            List<String> fields = new ArrayList<>();
            for (Object error : (List<Object>) problem.getOrDefault("errors", List.of())) {
                fields.add((String) ((Map<String, Object>) error).get("field"));
            }
            return c.named(fields) ? null : status + " naming " + fields + ": " + c;
        } catch (IOException notJson) {
            return status + " with a body that is not JSON: " + c;
        }
    }
}
