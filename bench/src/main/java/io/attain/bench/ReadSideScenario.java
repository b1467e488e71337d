package io.attain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.eventstore.embedded.EmbeddedMongo;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.kernel.organisation.RegionCreatedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario {@code read-side}: a log of {@value #REPS} reps in {@value #TEAMS} teams with {@value #DEALS} deals over
 * 2017 (each opened, and won or lost) and a revenue target per rep and quarter, written straight into an embedded file
 * store through Attain's engine (as the command side would have written it); then the standalone app on that store:
 * <ul>
 *     <li>the first build of all five projections together (the app starts with no tokens) and a rebuild of each
 *     projection alone through the admin endpoint, as events of the log per second;</li>
 *     <li>leaderboard query latency (p50/p99) with {@value #CLIENTS} concurrent clients over the {@value #REPS} reps;</li>
 *     <li>deal list query latency (p50/p99), the same clients, over the {@value #DEALS} deals (by owner, team,
 *     quarter and stage, or all; a page of 50 each);</li>
 *     <li>latency from a command's acknowledgement (HTTP answer of a won deal) to the leaderboard's SSE stream
 *     delivering the new value, p50/p99 over {@value #SSE_SAMPLES} commands.</li>
 * </ul>
 */
public final class ReadSideScenario implements Scenario {

    static final int REPS = 1_000;
    static final int TEAMS = 50;
    static final int DEALS = 4_000;
    static final int CLIENTS = 50;
    static final int QUERIES_PER_CLIENT = 100;
    static final int SSE_SAMPLES = 60;
    static final String TOKEN = "bench-" + UUID.randomUUID();
    static final List<String> PROJECTIONS = List.of("funnel", "leaderboards", "attainment", "scorecards", "deal-timeline", "statements");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "read-side";
    }

    @Override
    public void run(Figures figures) throws Exception {
        Path jar = Repo.attainJar();
        Path dataDir = Files.createTempDirectory("attain-bench-read-side");
        long events = seed(dataDir.resolve("store"));
        figures.print("log_events", events, "events");

        int httpPort = CommandsScenario.freePort();
        List<String> command = new ArrayList<>(List.of(CommandsScenario.javaBin(), "-Xmx2g", "-jar", jar.toString(),
                                                       "--server.port=" + httpPort,
                                                       "--attain.data-dir=" + dataDir,
                                                       "--logging.level.root=WARN"));
        // extra application arguments for experiments, e.g. -Dbench.app-args=--attain.query.batch-size=1000
        for (String arg : System.getProperty("bench.app-args", "").split(" ")) {
            if (!arg.isBlank()) {
                command.add(arg);
            }
        }
        ProcessBuilder appBuilder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile());
        appBuilder.environment().put("ATTAIN_ADMIN_TOKEN", TOKEN);
        long started = System.nanoTime();
        Process app = appBuilder.start();
        String base = "http://127.0.0.1:" + httpPort;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                                    .executor(Executors.newFixedThreadPool(CLIENTS)).build();
        try {
            CommandsScenario.awaitHealthy(http, base, app, dataDir);
            // the first build: all five projections from the tail at once (start-up time included)
            awaitCaughtUp(http, base, events, Duration.ofMinutes(10));
            double firstBuild = Figures.perSecond(events, System.nanoTime() - started);
            figures.print("first_build_all_projections_incl_startup", firstBuild, "events/s");

            long[] latencies = leaderboardLatencies(http, base);
            figures.print("leaderboard_query_p50_" + CLIENTS + "_clients", percentile(latencies, 50) / 1e6, "ms");
            figures.print("leaderboard_query_p99_" + CLIENTS + "_clients", percentile(latencies, 99) / 1e6, "ms");
            figures.print("leaderboard_queries_per_second", Figures.perSecond(latencies.length, totalNanos), "queries/s");

            long[] deals = latencies(http, base, this::dealListQuery);
            figures.print("deal_list_query_p50_" + CLIENTS + "_clients", percentile(deals, 50) / 1e6, "ms");
            figures.print("deal_list_query_p99_" + CLIENTS + "_clients", percentile(deals, 99) / 1e6, "ms");
            figures.print("deal_list_queries_per_second", Figures.perSecond(deals.length, totalNanos), "queries/s");

            long[] sse = commandToSse(http, base);
            figures.print("command_to_sse_p50", percentile(sse, 50) / 1e6, "ms");
            figures.print("command_to_sse_p99", percentile(sse, 99) / 1e6, "ms");

            // rebuilds last: they rewrite every read model (and grow the embedded file store the most);
            // -Dbench.read-side.rebuilds=false skips them (a run of the query figures only)
            if (!Boolean.parseBoolean(System.getProperty("bench.read-side.rebuilds", "true"))) {
                return;
            }
            for (String projection : PROJECTIONS) {
                figures.print("rebuild_" + projection.replace('-', '_'), rebuild(http, base, projection, events),
                              "events/s");
            }
            figures.print("rebuild_all_together", rebuild(http, base, "all", events), "events/s");
        } finally {
            app.destroy();
            app.waitFor();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private long totalNanos;

    // ------------------------------------------------------------------------------------------------ the log

    /** Writes the organisation, targets and deals through Attain's engine; returns the number of events. */
    static long seed(Path file) {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        Instant start = Instant.parse("2016-12-01T00:00:00Z");
        try (EmbeddedMongo server = EmbeddedMongo.durable(file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                                                                    .database(client.getDatabase("attain"))
                                                                    .eventSerializer(serializer)
                                                                    .snapshotSerializer(serializer).build();
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            long count = 0;
            batch.add(event("Region", "bench-region", 0, new RegionCreatedEvent("bench-region", "Bench", "bench-vp", start)));
            for (int t = 0; t < TEAMS; t++) {
                batch.add(event("Team", team(t), 0, new TeamCreatedEvent(team(t), "Team " + t, "bench-region",
                                                                          "mgr-" + t, start)));
            }
            batch.add(event("ProductLine", "GTX Pro", 0, new ProductLineRegisteredEvent("GTX Pro", "GTX",
                                                                                         Money.of("4821", "USD"), start)));
            count += flush(engine, batch);
            for (int r = 0; r < REPS; r++) {
                batch.add(event("Rep", rep(r), 0, new RepOnboardedEvent(rep(r), "Rep " + r, Role.SALES_REP,
                                                                        team(r % TEAMS), "mgr-" + (r % TEAMS),
                                                                        LocalDate.of(2016, 11, 1), start)));
                for (int q = 1; q <= 4; q++) {
                    batch.add(event("Rep", rep(r), q, new TargetAssignedEvent(
                            "t-" + rep(r) + "-" + q, TargetOwnerType.REP, rep(r), Period.quarter(2017, q),
                            Metric.REVENUE, null, new BigDecimal("100000"), "USD", start)));
                }
                if (batch.size() >= 500) {
                    count += flush(engine, batch);
                }
            }
            count += flush(engine, batch);
            Random random = new Random(42);
            for (int d = 0; d < DEALS; d++) {
                String deal = "bench-deal-" + d;
                int owner = random.nextInt(REPS);
                Instant opened = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(300)).atStartOfDay()
                                          .toInstant(ZoneOffset.UTC);
                Instant closed = opened.plus(Duration.ofDays(1 + random.nextInt(60)));
                Money amount = Money.of(BigDecimal.valueOf(500 + random.nextInt(9_500)), "USD");
                batch.add(event("Deal", deal, 0, new DealOpenedEvent(deal, rep(owner), "Customer " + random.nextInt(400),
                                                                     "GTX Pro", Channel.DIRECT, null, amount, null,
                                                                     Stage.QUALIFIED, opened)));
                batch.add(random.nextInt(3) > 0
                          ? event("Deal", deal, 1, new DealWonEvent(deal, Stage.QUALIFIED, amount, null, closed))
                          : event("Deal", deal, 1, new DealLostEvent(deal, Stage.QUALIFIED, "price", closed)));
                if (batch.size() >= 500) {
                    count += flush(engine, batch);
                }
            }
            count += flush(engine, batch);
            server.flush();
            return count;
        }
    }

    private static long flush(MongoEventStorageEngine engine, List<DomainEventMessage<?>> batch) {
        int n = batch.size();
        if (n > 0) {
            engine.appendEvents(batch);
            batch.clear();
        }
        return n;
    }

    private static DomainEventMessage<?> event(String type, String id, long seq, Object payload) {
        return new GenericDomainEventMessage<>(type, id, seq, payload);
    }

    private static String rep(int r) {
        return "bench-rep-" + r;
    }

    private static String team(int t) {
        return "bench-team-" + t;
    }

    // ------------------------------------------------------------------------------------------------ projections

    private void awaitCaughtUp(HttpClient http, String base, long head, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode all = json.readTree(get(http, base + "/api/v1/admin/projections").body()).path("projections");
            boolean caughtUp = all.size() >= PROJECTIONS.size();
            for (JsonNode status : all) {
                caughtUp &= status.path("livePosition").asLong() >= head && !status.path("rebuildInProgress").asBoolean();
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(100); // polling another process's progress
        }
        throw new IllegalStateException("projections not caught up with " + head + " events in " + timeout);
    }

    /** Rebuilds a projection (or {@code all}) through the admin endpoint; the log's events per second of wall time. */
    private double rebuild(HttpClient http, String base, String projection, long events) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(
                                                         base + "/api/v1/admin/projections/" + projection + "/rebuild"))
                                                         .header("Authorization", "Bearer " + TOKEN)
                                                         .POST(HttpRequest.BodyPublishers.noBody()).build(),
                                                 HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild of " + projection + ": " + started.statusCode() + " " + started.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode all = json.readTree(get(http, base + "/api/v1/admin/projections").body()).path("projections");
            boolean running = false;
            for (JsonNode status : all) {
                running |= status.path("rebuildInProgress").asBoolean();
            }
            if (!running) {
                return Figures.perSecond(events, System.nanoTime() - t0);
            }
            Thread.sleep(50); // polling another process's progress
        }
        throw new IllegalStateException("rebuild of " + projection + " did not finish in 10 minutes");
    }

    // ------------------------------------------------------------------------------------------------ queries

    private long[] leaderboardLatencies(HttpClient http, String base) throws Exception {
        String url = base + "/api/v1/leaderboards/2017-Q2?metric=REVENUE";
        JsonNode board = json.readTree(get(http, url).body());
        if (board.path("entries").size() < REPS / 2) {
            throw new IllegalStateException("leaderboard has only " + board.path("entries").size() + " entries");
        }
        return latencies(http, base, i -> url);
    }

    /**
     * The {@code i}-th deal list query of a client: in turn one rep's deals, one team's, a quarter's won deals (a
     * later page), and the whole list (a page of the latest changed).
     */
    private String dealListQuery(int i) {
        return switch (i % 4) {
            case 0 -> "/api/v1/deals?owner=" + rep((i * 37) % REPS);
            case 1 -> "/api/v1/deals?team=" + team((i * 7) % TEAMS);
            case 2 -> "/api/v1/deals?period=2017-Q" + (1 + (i / 4) % 4) + "&stage=WON&page=" + (i % 3);
            default -> "/api/v1/deals?page=" + (i % 40);
        };
    }

    /** {@value #CLIENTS} clients, {@value #QUERIES_PER_CLIENT} queries each (query {@code i} of a client from the function). */
    private long[] latencies(HttpClient http, String base, java.util.function.IntFunction<String> query)
            throws Exception {
        String probe = query.apply(1);
        JsonNode first = json.readTree(get(http, probe.startsWith("http") ? probe : base + probe).body());
        if (first.has("items") && first.path("total").asLong() == 0) {
            throw new IllegalStateException(probe + " lists nothing");
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long[] latencies = new long[CLIENTS * QUERIES_PER_CLIENT];
        long t0 = System.nanoTime();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < QUERIES_PER_CLIENT; i++) {
                        String q = query.apply(client * QUERIES_PER_CLIENT + i);
                        String url = q.startsWith("http") ? q : base + q;
                        long s = System.nanoTime();
                        HttpResponse<String> r = get(http, url);
                        latencies[client * QUERIES_PER_CLIENT + i] = System.nanoTime() - s;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(url + ": " + r.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        totalNanos = System.nanoTime() - t0;
        Arrays.sort(latencies);
        return latencies;
    }

    /**
     * Opens the leaderboard's SSE stream, then wins deals of one rep one at a time: the time from each won deal's HTTP
     * answer to the first event on the stream that shows the rep's new revenue.
     */
    private long[] commandToSse(HttpClient http, String base) throws Exception {
        String rep = rep(0);
        BlockingQueue<long[]> seen = new LinkedBlockingQueue<>();   // {nanoTime, value}
        HttpClient streaming = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = streaming.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/leaderboards/2017-Q2/stream?metric=REVENUE"))
                           .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        long at = System.nanoTime();
                        for (JsonNode entry : json.readTree(line.substring(5)).path("entries")) {
                            if (entry.path("repId").asText().equals(rep)) {
                                seen.add(new long[]{at, entry.path("value").decimalValue().longValue()});
                            }
                        }
                    }
                }
            } catch (Exception closed) {
                // the stream ends when the scenario closes it
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        long value = current(http, base, rep);
        long[] latencies = new long[SSE_SAMPLES];
        for (int i = 0; i < SSE_SAMPLES; i++) {
            String deal = "sse-deal-" + i + "-" + UUID.randomUUID();
            post(http, base + "/api/v1/deals", """
                    {"dealId":"%s","ownerRepId":"%s","customer":"SSE","productLine":"GTX Pro","channel":"DIRECT",
                     "amount":1000,"currency":"USD","stage":"QUALIFIED","occurredAt":"2017-05-02T00:00:00Z"}"""
                    .formatted(deal, rep));
            seen.clear();
            post(http, base + "/api/v1/deals/" + deal + "/stage",
                 "{\"stage\":\"WON\",\"occurredAt\":\"2017-05-03T00:00:00Z\"}");
            long acknowledged = System.nanoTime();
            value += 1000;
            while (true) {
                long[] event = seen.poll(30, TimeUnit.SECONDS);
                if (event == null) {
                    throw new IllegalStateException("no SSE event with the new value " + value + " within 30 s");
                }
                if (event[1] >= value) {
                    latencies[i] = Math.max(0, event[0] - acknowledged);
                    break;
                }
            }
        }
        stream.body().close();
        Arrays.sort(latencies);
        return latencies;
    }

    private long current(HttpClient http, String base, String rep) throws Exception {
        for (JsonNode entry : json.readTree(get(http, base + "/api/v1/leaderboards/2017-Q2?metric=REVENUE").body())
                                  .path("entries")) {
            if (entry.path("repId").asText().equals(rep)) {
                return entry.path("value").decimalValue().longValue();
            }
        }
        return 0;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
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

    static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
