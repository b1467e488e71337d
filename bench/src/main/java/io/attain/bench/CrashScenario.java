package io.attain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario {@code crash}: the standalone app on a fresh embedded store, {@value #WRITERS} concurrent HTTP writers
 * opening deals and moving each to PROPOSAL, {@code kill -9} at a random moment (3–10 s into the load) ({@value #CYCLES} times, env
 * {@code BENCH_CRASH_CYCLES}), restart, and then:
 * <ul>
 *     <li>every acknowledged (2xx) deal open and stage move is in the log ({@code lost}, must be 0);</li>
 *     <li>no global position is used twice and no event id twice ({@code duplicated}, must be 0);</li>
 *     <li>a deal id whose opening was acknowledged is refused when opened again (409);</li>
 *     <li>at the end, the read models (funnel, PROPOSALS leaderboard, the first pages of the deal list, the reps
 *     list, timelines of sample deals, read after the log's
 *     head) equal what {@code rebuild all} replays from the log.</li>
 * </ul>
 * Figures: acknowledged writes, lost, duplicated, restart time (process start to health UP) p50 and max.
 */
public final class CrashScenario implements Scenario {

    static final int CYCLES = 20;
    static final int WRITERS = 4;
    static final int REPS = 8;
    static final String TOKEN = "bench-" + java.util.UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "crash";
    }

    @Override
    public void run(Figures figures) throws Exception {
        Path jar = Repo.attainJar();
        int cycles = Integer.parseInt(System.getenv().getOrDefault("BENCH_CRASH_CYCLES", String.valueOf(CYCLES)));
        Path dataDir = Files.createTempDirectory("attain-bench-crash");
        int httpPort = CommandsScenario.freePort();
        int mongoPort = CommandsScenario.freePort();
        String base = "http://127.0.0.1:" + httpPort;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                                    .executor(Executors.newFixedThreadPool(WRITERS + 2)).build();
        Random random = new Random(Long.getLong("bench.seed", 20261202L));
        Set<String> openedAcknowledged = ConcurrentHashMap.newKeySet();
        Set<String> movedAcknowledged = ConcurrentHashMap.newKeySet();
        List<Long> restartMillis = new ArrayList<>();
        long lost = 0;
        long duplicated = 0;
        long reopenedAccepted = 0;

        Process app = start(jar, dataDir, httpPort, mongoPort);
        CommandsScenario.awaitHealthy(http, base, app, dataDir, Duration.ofMinutes(5));
        setUp(http, base);
        for (int cycle = 0; cycle < cycles; cycle++) {
            load(http, base, cycle, random, openedAcknowledged, movedAcknowledged, app);
            app.destroyForcibly();   // SIGKILL
            app.waitFor(30, TimeUnit.SECONDS);

            long started = System.nanoTime();
            app = start(jar, dataDir, httpPort, mongoPort);
            CommandsScenario.awaitHealthy(http, base, app, dataDir, Duration.ofMinutes(5));
            restartMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

            Check check = check(mongoPort, openedAcknowledged, movedAcknowledged);
            lost += check.lost;
            duplicated += check.duplicated;
            if (!openedAcknowledged.isEmpty()) {
                String someDeal = openedAcknowledged.iterator().next();
                int status = postStatus(http, base + "/api/v1/deals", openDeal(someDeal, 0));
                if (status < 300) {
                    reopenedAccepted++;
                }
            }
            System.err.printf("bench/run crash: cycle %d: %d opens and %d moves acknowledged so far, lost %d,"
                              + " duplicated %d, restart %d ms%n", cycle + 1, openedAcknowledged.size(),
                              movedAcknowledged.size(), check.lost, check.duplicated,
                              restartMillis.get(restartMillis.size() - 1));
        }
        boolean equal;
        try {
            equal = readModelsEqualReplay(http, base, mongoPort, openedAcknowledged);
        } finally {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
        List<Long> sorted = new ArrayList<>(restartMillis);
        sorted.sort(Long::compare);
        figures.print("kill_cycles", cycles, "cycles");
        figures.print("acknowledged_writes", openedAcknowledged.size() + movedAcknowledged.size(), "writes");
        figures.print("lost_acknowledged_writes", lost, "writes");
        figures.print("duplicated_positions_or_event_ids", duplicated, "events");
        figures.print("acknowledged_deal_opened_again_accepted", reopenedAccepted, "requests");
        figures.print("restart_p50", sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2), "ms");
        figures.print("restart_max", sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), "ms");
        figures.print("read_models_equal_replay", equal ? 1 : 0, "boolean");
    }

    private static Process start(Path jar, Path dataDir, int httpPort, int mongoPort) throws Exception {
        List<String> command = List.of(CommandsScenario.javaBin(), "-Xmx1g", "-jar", jar.toString(),
                                       "--server.port=" + httpPort, "--attain.data-dir=" + dataDir,
                                       "--attain.embedded.port=" + mongoPort, "--logging.level.root=WARN");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
        builder.environment().put("ATTAIN_ADMIN_TOKEN", TOKEN);
        return builder.start();
    }

    private static void setUp(HttpClient http, String base) throws Exception {
        require(http, base + "/api/v1/regions", "{\"regionId\":\"crash-region\",\"name\":\"Crash\",\"managerId\":\"crash-manager\"}");
        require(http, base + "/api/v1/teams", "{\"teamId\":\"crash-team\",\"name\":\"Crash team\","
                + "\"regionId\":\"crash-region\",\"managerId\":\"crash-manager\"}");
        for (int r = 0; r < REPS; r++) {
            require(http, base + "/api/v1/reps", ("{\"repId\":\"crash-rep-%d\",\"name\":\"Crash Rep %d\",\"role\":\"SALES_REP\","
                    + "\"teamId\":\"crash-team\",\"managerId\":\"crash-manager\",\"hireDate\":\"2016-01-01\"}").formatted(r, r));
        }
    }

    private static void require(HttpClient http, String url, String json) throws Exception {
        int status = postStatus(http, url, json);
        if (status >= 300 && status != 409) {
            throw new IllegalStateException(url + " answered " + status);
        }
    }

    static String openDeal(String dealId, int rep) {
        return ("{\"dealId\":\"%s\",\"ownerRepId\":\"crash-rep-%d\",\"customer\":\"Customer %s\",\"productLine\":\"GTX Pro\","
                + "\"channel\":\"DIRECT\",\"amount\":4821,\"currency\":\"USD\",\"occurredAt\":\"2017-04-03T10:00:00Z\"}")
                .formatted(dealId, rep % REPS, dealId);
    }

    private static int postStatus(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                         HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Writers run until the process is killed at a random moment 3–10 s into the cycle's load. */
    private static void load(HttpClient http, String base, int cycle, Random random, Set<String> opened,
                             Set<String> moved, Process app) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        AtomicLong sent = new AtomicLong();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String deal = "crash-" + cycle + "-" + writer + "-" + i;
                    try {
                        sent.incrementAndGet();
                        if (postStatus(http, base + "/api/v1/deals", openDeal(deal, writer + i)) / 100 != 2) {
                            continue;
                        }
                        opened.add(deal);
                        if (postStatus(http, base + "/api/v1/deals/" + deal + "/stage",
                                       "{\"stage\":\"PROPOSAL\",\"occurredAt\":\"2017-04-20T10:00:00Z\"}") / 100 == 2) {
                            moved.add(deal);
                        }
                    } catch (Exception gone) {
                        return null; // the process was killed under this request: not acknowledged
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3_000 + random.nextInt(7_000)); // the random moment of the crash is the point of this scenario
        app.destroyForcibly();
        stop.set(true);
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    record Check(long lost, long duplicated) {
    }

    /** Reads the whole log from the store: acknowledged writes missing, positions or event ids used twice. */
    private static Check check(int mongoPort, Set<String> opened, Set<String> moved) {
        Map<String, Set<Long>> sequences = new HashMap<>();
        Set<Long> positions = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        long duplicated = 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            for (Document commit : client.getDatabase("attain").getCollection("events").find()) {
                long first = commit.get("_id", Number.class).longValue();
                List<Document> events = commit.getList("events", Document.class, List.of());
                for (int i = 0; i < events.size(); i++) {
                    Document e = events.get(i);
                    if (!positions.add(first + i)) {
                        duplicated++;
                    }
                    String id = e.getString("eventId");
                    if (id != null && !eventIds.add(id)) {
                        duplicated++;
                    }
                    Number seq = e.get("seq", Number.class);
                    if (commit.getString("aggregateId") != null && seq != null) {
                        sequences.computeIfAbsent(commit.getString("aggregateId"), k -> new HashSet<>()).add(seq.longValue());
                    }
                }
            }
        }
        long lost = 0;
        for (String deal : opened) {
            if (!sequences.getOrDefault(deal, Set.of()).contains(0L)) {
                lost++;
            }
        }
        for (String deal : moved) {
            if (!sequences.getOrDefault(deal, Set.of()).contains(1L)) {
                lost++;
            }
        }
        return new Check(lost, duplicated);
    }

    /** The views read after the log's head, then again after {@code rebuild all}: equal when replay = live. */
    private static boolean readModelsEqualReplay(HttpClient http, String base, int mongoPort, Set<String> deals)
            throws Exception {
        long head;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            Document last = client.getDatabase("attain").getCollection("events").find()
                                  .sort(new Document("_id", -1)).first();
            head = last == null ? 0 : last.get("last", Number.class).longValue();
        }
        List<String> views = new ArrayList<>(List.of("/api/v1/funnel/2017", "/api/v1/funnel/2017-Q2?team=crash-team",
                                                     "/api/v1/leaderboards/2017?metric=PROPOSALS",
                                                     "/api/v1/deals?sort=openedAt&size=200",
                                                     "/api/v1/deals?sort=openedAt&size=200&page=1",
                                                     "/api/v1/deals?stage=PROPOSAL&sort=-amount", "/api/v1/reps"));
        deals.stream().sorted().limit(20).forEach(d -> views.add("/api/v1/deals/" + d + "/timeline"));
        Map<String, JsonNode> live = read(http, base, views, head);

        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/projections/all/rebuild"))
                                                         .header("Authorization", "Bearer " + TOKEN)
                                                         .POST(HttpRequest.BodyPublishers.noBody()).build(),
                                                 HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild all answered " + started.statusCode() + " " + started.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            JsonNode all = JSON.readTree(get(http, base + "/api/v1/admin/projections").body());
            boolean busy = false;
            for (JsonNode p : all.path("projections")) {
                busy |= p.path("rebuildInProgress").asBoolean();
            }
            if (!busy) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild all did not finish in 10 minutes");
            }
            Thread.sleep(500); // polling the server's rebuild status; nothing to await on
        }
        Map<String, JsonNode> replayed = read(http, base, views, head);
        boolean equal = live.equals(replayed);
        if (!equal) {
            for (String v : views) {
                if (!live.get(v).equals(replayed.get(v))) {
                    System.err.println("bench/run crash: " + v + " differs after rebuild:\n  live     " + live.get(v)
                                       + "\n  replayed " + replayed.get(v));
                }
            }
        }
        return equal;
    }

    private static Map<String, JsonNode> read(HttpClient http, String base, List<String> views, long head)
            throws Exception {
        Map<String, JsonNode> answers = new HashMap<>();
        for (String view : views) {
            String url = base + view + (view.contains("?") ? "&" : "?") + "minPosition=" + head;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            HttpResponse<String> r = get(http, url);
            while (r.statusCode() == 503 && System.nanoTime() < deadline) {
                r = get(http, url); // the read model is still catching up with the head (it waits up to 5 s)
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException(view + " answered " + r.statusCode() + " " + r.body());
            }
            answers.put(view, JSON.readTree(r.body()));
        }
        return answers;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + TOKEN).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }
}
