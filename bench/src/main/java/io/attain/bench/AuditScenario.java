package io.attain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.regex;

/**
 * Scenario {@code audit}: the standalone app ({@code standalone/target/attain.jar}) on the embedded default (H2 file
 * store) in a temporary data directory; the CRM export of {@code ../shared/data/crm-sales-opportunities} imported
 * through the HTTP API with the sample plan ({@code docs/plans/sample-plan.json}); once the commission process has
 * booked every won deal and the {@code statements} projection has caught up:
 * <ul>
 *     <li>{@code GET /api/v1/audit/verify} (every statement recomputed from the log and compared with the read
 *     model, every seal recomputed), {@value #VERIFY_RUNS} times: wall time median and max, statements checked;</li>
 *     <li>as-of statement latency (p50/p99, one client) over {@value #AS_OF_REQUESTS} requests mixing
 *     {@code recordedAsOf=T} and {@code businessAsOf=D} over every statement of the data.</li>
 * </ul>
 * Before measuring, a few statements are submitted, approved and locked (so that verify recomputes seals too).
 */
public final class AuditScenario implements Scenario {

    static final int VERIFY_RUNS = 5;
    static final int AS_OF_WARM_UP = 50;
    static final int AS_OF_REQUESTS = 400;
    static final int LOCKED = 10;
    static final String TOKEN = "bench-" + UUID.randomUUID();
    /** FINANCE approves (ADMIN may not). */
    static final String FINANCE = "bench-finance-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public void run(Figures figures) throws Exception {
        Path repo = Repo.root();
        Path jar = Repo.attainJar();
        Path crm = repo.resolveSibling("shared").resolve("data/crm-sales-opportunities");
        Path plan = repo.resolve("docs/plans/sample-plan.json");
        if (!Files.isDirectory(crm)) {
            System.err.println("bench/run audit: no CRM data at " + crm + "; scenario skipped");
            return;
        }
        long wonDeals;
        try (Stream<String> lines = Files.lines(crm.resolve("sales_pipeline.csv"))) {
            wonDeals = lines.skip(1).filter(l -> l.split(",", -1)[4].equals("Won")).count();
        }
        Path dataDir = Files.createTempDirectory("attain-bench-audit");
        int httpPort = CommandsScenario.freePort();
        int mongoPort = CommandsScenario.freePort();
        List<String> command = new ArrayList<>(List.of(CommandsScenario.javaBin(), "-Xmx2g"));
        String jfr = System.getenv("BENCH_APP_JFR");   // e.g. BENCH_APP_JFR=/tmp/audit.jfr: profile the app
        if (jfr != null && !jfr.isBlank()) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + httpPort, "--attain.data-dir=" + dataDir,
                               "--attain.embedded.port=" + mongoPort, "--logging.level.root=WARN",
                               "--attain.security.tokens[" + FINANCE + "]=FINANCE:bench-finance"));
        ProcessBuilder appBuilder = new ProcessBuilder(command).redirectErrorStream(true)
                                                               .redirectOutput(dataDir.resolve("app.log").toFile());
        appBuilder.environment().put("ATTAIN_ADMIN_TOKEN", TOKEN);
        Process app = appBuilder.start();
        String base = "http://127.0.0.1:" + httpPort;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                                    .executor(Executors.newFixedThreadPool(4)).build();
        try {
            CommandsScenario.awaitHealthy(http, base, app, dataDir);

            long t0 = System.nanoTime();
            ProcessBuilder importBuilder = new ProcessBuilder(CommandsScenario.javaBin(), "-jar", jar.toString(),
                                                              "import", "crm", crm.toString(), "--server", base,
                                                              "--plan", plan.toString())
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("import.log").toFile());
            importBuilder.environment().put("ATTAIN_TOKEN", TOKEN);
            int exit = importBuilder.start().waitFor();
            figures.print("crm_import_with_plan_wall_time", (System.nanoTime() - t0) / 1e9, "s");
            figures.print("crm_import_exit_code", exit, "code");
            if (exit != 0) {
                throw new IllegalStateException("the import failed; see " + dataDir.resolve("import.log"));
            }
            Instant imported = Instant.now();

            // the commission process books one accrual per won deal, after the import has answered
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                var events = client.getDatabase("attain").getCollection("events");
                long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
                long accrued = 0;
                while (accrued < wonDeals) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + accrued + " of " + wonDeals + " won deals booked");
                    }
                    Thread.sleep(2_000); // polling another process's progress; nothing to await on
                    accrued = 0;
                    for (Document commit : events.find(regex("aggregateId", "^statement:"))) {
                        for (Document e : commit.getList("events", Document.class, List.of())) {
                            accrued += e.getString("payloadType").endsWith(".CommissionAccruedEvent") ? 1 : 0;
                        }
                    }
                }
            }
            figures.print("commissions_booked_after_import", (System.nanoTime() - t0) / 1e9, "s");

            // every statement of the data (the list per quarter)
            List<String[]> statements = new ArrayList<>();
            for (int year = 2016; year <= 2018; year++) {
                for (int q = 1; q <= 4; q++) {
                    JsonNode list = getJson(http, base + "/api/v1/statements?period=" + year + "-Q" + q);
                    for (JsonNode s : list.get("statements")) {
                        statements.add(new String[]{s.get("repId").asText(), s.get("period").asText()});
                    }
                }
            }
            figures.print("statements", statements.size(), "statements");
            // a few statements closed (submitted, approved, locked): verify recomputes their seals too
            for (String[] s : statements.subList(0, Math.min(LOCKED, statements.size()))) {
                String path = base + "/api/v1/statements/" + encode(s[0]) + "/" + s[1];
                post(http, path + "/submission", "{}", TOKEN);
                post(http, path + "/approval", "{}", FINANCE);
                post(http, path + "/lock", "{}", FINANCE);
            }

            // verify: once to wait for the read model (not measured), then measured
            JsonNode first = verify(http, base, Duration.ofMinutes(10));
            assertClean(first);
            long[] wall = new long[VERIFY_RUNS];
            long checked = 0;
            long seals = 0;
            for (int i = 0; i < VERIFY_RUNS; i++) {
                long start = System.nanoTime();
                JsonNode v = verify(http, base, Duration.ofMinutes(2));
                wall[i] = System.nanoTime() - start;
                assertClean(v);
                checked = v.get("checked").asLong();
                seals = v.get("sealsChecked").asLong();
                System.err.printf("bench/run audit: verify %d: %.2f s (server %d ms), %d statements, %d seals%n",
                                  i + 1, wall[i] / 1e9, v.get("durationMs").asLong(), checked, seals);
            }
            Arrays.sort(wall);
            figures.print("verify_wall_time_median", ReadSideScenario.percentile(wall, 50) / 1e9, "s");
            figures.print("verify_wall_time_max", wall[wall.length - 1] / 1e9, "s");
            figures.print("verify_statements_checked", checked, "statements");
            figures.print("verify_seals_checked", seals, "seals");

            // as-of latency: both timelines, random statements, recording instants between the start of the
            // import and the end of the booking, business dates within the statement's quarter
            Random random = new Random(42);
            long from = imported.minusSeconds(60).toEpochMilli();
            long to = Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli();
            long[] latencies = new long[AS_OF_REQUESTS];
            for (int i = -AS_OF_WARM_UP; i < AS_OF_REQUESTS; i++) {
                String[] s = statements.get(random.nextInt(statements.size()));
                String query;
                if (i % 2 == 0) {
                    long at = to <= from ? to : from + (long) (random.nextDouble() * (to - from));
                    query = "recordedAsOf=" + Instant.ofEpochMilli(at);
                } else {
                    int year = Integer.parseInt(s[1].substring(0, 4));
                    int quarter = Integer.parseInt(s[1].substring(6));
                    LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
                    query = "businessAsOf=" + start.plusDays(random.nextInt(91));
                }
                String url = base + "/api/v1/statements/" + encode(s[0]) + "/" + s[1] + "?" + query;
                long start = System.nanoTime();
                HttpResponse<String> r = get(http, url);
                long nanos = System.nanoTime() - start;
                if (r.statusCode() != 200 && r.statusCode() != 404) {
                    throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
                }
                if (i >= 0) {
                    latencies[i] = nanos;
                }
            }
            Arrays.sort(latencies);
            figures.print("as_of_statement_p50", ReadSideScenario.percentile(latencies, 50) / 1e6, "ms");
            figures.print("as_of_statement_p99", ReadSideScenario.percentile(latencies, 99) / 1e6, "ms");
            figures.print("as_of_statement_max", latencies[latencies.length - 1] / 1e6, "ms");
        } finally {
            app.destroy();
            app.waitFor();
            if (System.getenv("BENCH_KEEP_DATA") == null) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            } else {
                System.err.println("bench/run audit: data kept in " + dataDir);
            }
        }
    }

    private static void assertClean(JsonNode verification) {
        if (!verification.get("differences").isEmpty()) {
            throw new IllegalStateException("verify found differences: " + verification.get("differences"));
        }
    }

    /** {@code GET /api/v1/audit/verify}, again while the read model has not reached the log's head (503). */
    private static JsonNode verify(HttpClient http, String base, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            HttpResponse<String> r = get(http, base + "/api/v1/audit/verify");
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            if (r.statusCode() != 503 || System.nanoTime() > deadline) {
                throw new IllegalStateException("verify -> " + r.statusCode() + " " + r.body());
            }
        }
    }

    private static JsonNode getJson(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = get(http, url);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                                    .timeout(Duration.ofMinutes(5)).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    private static void post(HttpClient http, String url, String body, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                                      .header("Authorization", "Bearer " + token)
                                                      .header("Content-Type", "application/json")
                                                      .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                           HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
