package io.attain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Webhook throughput (issue 11): the read-side scenario's log ({@link ReadSideScenario#seed}, ≈13,000 events) on a
 * durable store, the app jar with {@code attain.webhooks.allow-private-targets=true}, one webhook from position 0 to
 * a local receiver (JDK {@code HttpServer}, answers 204 at once) — every event signed and POSTed one at a time, in
 * position order; then the latency from a command's answer to its event at the receiver (p50/p99).
 */
public final class WebhookScenario implements Scenario {

    static final String TOKEN = "bench-" + UUID.randomUUID();
    static final int LATENCY_SAMPLES = 50;
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":\"(\\d{20})\"");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public void run(Figures figures) throws Exception {
        Path jar = Repo.attainJar();
        Path dataDir = Files.createTempDirectory("attain-bench-webhooks");
        long events = ReadSideScenario.seed(dataDir.resolve("store"));
        figures.print("log_events", events, "events");

        AtomicLong received = new AtomicLong();
        AtomicLong lastPosition = new AtomicLong();
        ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher m = SEQUENCE.matcher(new String(body, StandardCharsets.UTF_8));
            if (m.find()) {
                long position = Long.parseLong(m.group(1));
                arrivals.putIfAbsent(position, System.nanoTime());
                lastPosition.accumulateAndGet(position, Math::max);
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        int httpPort = CommandsScenario.freePort();
        ProcessBuilder appBuilder = new ProcessBuilder(List.of(
                CommandsScenario.javaBin(), "-Xmx2g", "-jar", jar.toString(), "--server.port=" + httpPort,
                "--attain.data-dir=" + dataDir, "--logging.level.root=WARN",
                "--attain.webhooks.allow-private-targets=true"))
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("app.log").toFile());
        appBuilder.environment().put("ATTAIN_ADMIN_TOKEN", TOKEN);
        Process app = appBuilder.start();
        String base = "http://127.0.0.1:" + httpPort;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            CommandsScenario.awaitHealthy(http, base, app, dataDir);
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            long started = System.nanoTime();
            JsonNode created = post(http, base + "/api/v1/webhooks", "{\"url\":\"" + hook + "\",\"from\":0}");
            String id = created.get("id").asText();
            long head = awaitPosition(http, base, id, events, Duration.ofMinutes(10));
            long nanos = System.nanoTime() - started;
            figures.print("webhook_deliveries_from_0", received.get(), "requests");
            figures.print("webhook_throughput_from_0", Figures.perSecond(received.get(), nanos), "events/s");

            long[] latencies = new long[LATENCY_SAMPLES];
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long sent = System.nanoTime();
                JsonNode written = post(http, base + "/api/v1/regions",
                                        "{\"regionId\":\"wh-region-" + i + "\",\"name\":\"R" + i
                                        + "\",\"managerId\":\"m\"}");
                long position = written.get("position").asLong();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!arrivals.containsKey(position)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("position " + position + " did not arrive at the receiver");
                    }
                    Thread.sleep(1); // polling the receiver's record of arrivals
                }
                latencies[i] = arrivals.get(position) - sent;
            }
            java.util.Arrays.sort(latencies);
            figures.print("command_to_webhook_p50", ReadSideScenario.percentile(latencies, 50) / 1e6, "ms");
            figures.print("command_to_webhook_p99", ReadSideScenario.percentile(latencies, 99) / 1e6, "ms");
            if (head < events) {
                throw new IllegalStateException("webhook stopped at " + head + " of " + events);
            }
        } finally {
            app.destroy();
            app.waitFor();
            receiver.stop(0);
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Waits until the webhook's position reaches {@code target} (the seeded log's last position). */
    private long awaitPosition(HttpClient http, String base, String id, long target, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/" + id))
                                                          .header("Authorization", "Bearer " + TOKEN).GET().build(),
                                               HttpResponse.BodyHandlers.ofString());
            long position = json.readTree(r.body()).get("position").asLong();
            if (position >= target) {
                return position;
            }
            Thread.sleep(20); // polling the app's view of the webhook
        }
        throw new IllegalStateException("the webhook did not reach position " + target + " in " + limit);
    }

    private JsonNode post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                                      .header("Authorization", "Bearer " + TOKEN)
                                                      .header("Content-Type", "application/json")
                                                      .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                           HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }
}
