package io.attain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario {@code stream} (issue 11, ADR 0011): the read side's seeded log (see {@link ReadSideScenario#seed}) behind
 * the standalone app, then
 * <ul>
 *     <li>the integrator feed read from position 0 to the head with {@code limit=1000}, as events per second: once
 *     while the app builds its projections from the tail (they share the embedded store), then twice after they
 *     caught up (the first read also computes the safe head over the whole log);</li>
 *     <li>latency from a command's acknowledgement (HTTP answer of an opened deal) to the event's arrival on the live
 *     stream ({@code /api/v1/events/stream}), p50/p99 over {@value #SSE_SAMPLES} commands.</li>
 * </ul>
 * Webhook throughput is part B's figure.
 */
public final class StreamScenario implements Scenario {

    static final int SSE_SAMPLES = 100;
    static final String TOKEN = "bench-" + UUID.randomUUID();

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "stream";
    }

    @Override
    public void run(Figures figures) throws Exception {
        Path jar = Repo.attainJar();
        Path dataDir = Files.createTempDirectory("attain-bench-stream");
        long events = ReadSideScenario.seed(dataDir.resolve("store"));
        figures.print("log_events", events, "events");
        int httpPort = CommandsScenario.freePort();
        ProcessBuilder appBuilder = new ProcessBuilder(CommandsScenario.javaBin(), "-Xmx2g", "-jar", jar.toString(),
                                                       "--server.port=" + httpPort, "--attain.data-dir=" + dataDir,
                                                       "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("app.log").toFile());
        appBuilder.environment().put("ATTAIN_ADMIN_TOKEN", TOKEN);
        Process app = appBuilder.start();
        String base = "http://127.0.0.1:" + httpPort;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            CommandsScenario.awaitHealthy(http, base, app, dataDir);
            // the app builds its projections from the tail at start: a feed read then shares the store with them
            long started = System.nanoTime();
            long read = readFeed(http, base);
            figures.print("feed_read_from_0_while_projections_build", Figures.perSecond(read, System.nanoTime() - started),
                          "events/s");
            awaitProjectionsCaughtUp(http, base, events, Duration.ofMinutes(10));
            for (String run : List.of("first", "second")) {
                started = System.nanoTime();
                read = readFeed(http, base);
                figures.print("feed_read_from_0_" + run, Figures.perSecond(read, System.nanoTime() - started),
                              "events/s");
            }
            long[] latencies = commandToStream(http, base);
            figures.print("command_to_stream_p50", ReadSideScenario.percentile(latencies, 50) / 1e6, "ms");
            figures.print("command_to_stream_p99", ReadSideScenario.percentile(latencies, 99) / 1e6, "ms");
        } finally {
            app.destroy();
            app.waitFor();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Waits until every projection has passed {@code head} (another process's progress: polled). */
    private void awaitProjectionsCaughtUp(HttpClient http, String base, long head, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode all = json.readTree(get(http, base + "/api/v1/admin/projections")).path("projections");
            boolean caughtUp = all.size() >= ReadSideScenario.PROJECTIONS.size();
            for (JsonNode status : all) {
                caughtUp &= status.path("livePosition").asLong() >= head && !status.path("rebuildInProgress").asBoolean();
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("projections not caught up within " + timeout);
    }

    /** Pages the feed from 0 to its head; returns the number of events read. */
    private long readFeed(HttpClient http, String base) throws Exception {
        long after = 0;
        long count = 0;
        while (true) {
            HttpResponse<InputStream> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/events?limit=1000&after=" + after))
                               .header("Authorization", "Bearer " + TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            JsonNode page;
            try (InputStream body = r.body()) {
                page = json.readTree(body);
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("feed -> " + r.statusCode() + " " + page);
            }
            count += page.get("events").size();
            long next = page.get("next").asLong();
            if (next >= page.get("head").asLong() && page.get("events").isEmpty()) {
                return count;
            }
            after = next;
        }
    }

    /** Opens deals one after another; each latency from the command's answer to its event on the stream. */
    private long[] commandToStream(HttpClient http, String base) throws Exception {
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        long head = json.readTree(get(http, base + "/api/v1/events?limit=1&after=0")).get("head").asLong();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream?type=io.attain.deal.opened.&after=" + head))
                           .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        long at = System.nanoTime();
                        arrivals.put(json.readTree(line.substring(5)).path("subject").asText(), at);
                    }
                }
            } catch (Exception closed) {
                // the stream ends when the scenario closes it
            }
        }, "stream-reader");
        reader.setDaemon(true);
        reader.start();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SSE_SAMPLES; i++) {
            String deal = "stream-deal-" + i + "-" + UUID.randomUUID();
            post(http, base + "/api/v1/deals", """
                    {"dealId":"%s","ownerRepId":"bench-rep-0","customer":"Stream","productLine":"GTX Pro",
                     "channel":"DIRECT","amount":1000,"currency":"USD","stage":"QUALIFIED",
                     "occurredAt":"2017-05-02T00:00:00Z"}""".formatted(deal));
            long acknowledged = System.nanoTime();
            long deadline = acknowledged + TimeUnit.SECONDS.toNanos(30);
            Long at;
            while ((at = arrivals.get(deal)) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("deal " + deal + " not on the stream within 30 s");
                }
                Thread.onSpinWait();
            }
            latencies.add(Math.max(0, at - acknowledged));
        }
        stream.body().close();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).GET().build(),
                         HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                                      .header("Authorization", "Bearer " + TOKEN)
                                                      .header("Content-Type", "application/json")
                                                      .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                           HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
    }
}
