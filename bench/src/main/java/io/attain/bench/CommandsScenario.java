package io.attain.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.attain.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Scenario {@code commands}: the standalone app ({@code standalone/target/attain.jar}) on the embedded default in a
 * temporary data directory; HTTP commands/s with 16 concurrent clients creating deals and moving existing deals; the
 * raw single-event append rate of the same embedded store in the same run (1 writer and 16 writers, through
 * Attain's engine on its own collections), the ratio HTTP/raw; and the wall time of the CRM import of
 * {@code ../shared/data/crm-sales-opportunities} through the HTTP API (when that directory exists).
 */
public final class CommandsScenario implements Scenario {

    static final int CLIENTS = 16;
    static final int DEALS = 3_000;
    static final String TOKEN = "bench-" + UUID.randomUUID();

    @Override
    public String name() {
        return "commands";
    }

    @Override
    public void run(Figures figures) throws Exception {
        Path repo = Repo.root();
        Path jar = Repo.attainJar();
        Path dataDir = Files.createTempDirectory("attain-bench-commands");
        int httpPort = freePort();
        int mongoPort = freePort();
        ProcessBuilder appBuilder = new ProcessBuilder(javaBin(), "-Xmx2g", "-jar", jar.toString(),
                                                       "--server.port=" + httpPort,
                                                       "--attain.data-dir=" + dataDir,
                                                       "--attain.embedded.port=" + mongoPort,
                                                       "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile());
        appBuilder.environment().put("ATTAIN_ADMIN_TOKEN", TOKEN);
        Process app = appBuilder.start();
        String base = "http://127.0.0.1:" + httpPort;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                                    .executor(Executors.newFixedThreadPool(CLIENTS)).build();
        try {
            awaitHealthy(http, base, app, dataDir);
            setUpOrganisation(http, base);

            // creates: OpenDeal with 16 concurrent clients
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime();
            parallel(DEALS, i -> post(http, base + "/api/v1/deals", """
                    {"dealId":"bench-%d","ownerRepId":"bench-rep-%d","customer":"Customer %d","productLine":"GTX Pro",
                     "channel":"DIRECT","amount":4821,"currency":"USD","stage":"LEAD"}""".formatted(i, i % 35, i % 85),
                                     failures));
            double creates = Figures.perSecond(DEALS - failures.get(), System.nanoTime() - start);
            figures.print("http_create_deal_16_clients", creates, "commands/s");
            figures.print("http_create_deal_failures", failures.get(), "requests");

            // updates of existing deals: AdvanceDeal LEAD -> QUALIFIED
            failures.set(0);
            start = System.nanoTime();
            parallel(DEALS, i -> post(http, base + "/api/v1/deals/bench-" + i + "/stage",
                                      "{\"stage\":\"QUALIFIED\"}", failures));
            double updates = Figures.perSecond(DEALS - failures.get(), System.nanoTime() - start);
            figures.print("http_advance_deal_16_clients", updates, "commands/s");
            figures.print("http_advance_deal_failures", failures.get(), "requests");

            // the raw append rate of the same store, in the same run
            double raw1;
            double raw16;
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
                EventStorageEngine engine = MongoEventStorageEngine.builder()
                        .database(client.getDatabase("attain"))
                        .collectionPrefix("bench_raw_")
                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
                raw1 = EventStoreScenario.appendRate(engine, "raw1", 1, DEALS, 1);
                raw16 = EventStoreScenario.appendRate(engine, "raw16", 1, DEALS, CLIENTS);
            }
            figures.print("raw_append_1_event_1_writer", raw1, "events/s");
            figures.print("raw_append_1_event_16_writers", raw16, "events/s");
            figures.print("http_create_to_raw_16_writers_ratio", creates / raw16, "ratio");
            figures.print("http_update_to_raw_16_writers_ratio", updates / raw16, "ratio");

            Path crm = repo.resolveSibling("shared").resolve("data/crm-sales-opportunities");
            if (Files.isDirectory(crm)) {
                long t0 = System.nanoTime();
                ProcessBuilder importBuilder = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "import", "crm",
                                                                  crm.toString(), "--server", base)
                        .redirectErrorStream(true)
                        .redirectOutput(dataDir.resolve("import.log").toFile());
                importBuilder.environment().put("ATTAIN_TOKEN", TOKEN);
                Process importer = importBuilder.start();
                int exit = importer.waitFor();
                figures.print("crm_import_wall_time", (System.nanoTime() - t0) / 1e9, "s");
                figures.print("crm_import_exit_code", exit, "code");
            } else {
                System.err.println("bench/run commands: no CRM data at " + crm + "; import not measured");
            }
        } finally {
            app.destroy();
            app.waitFor();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    interface Call {
        void run(int i) throws Exception;
    }

    private static void parallel(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int c = 0; c < CLIENTS; c++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        call.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void setUpOrganisation(HttpClient http, String base) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        post(http, base + "/api/v1/regions", "{\"regionId\":\"bench-region\",\"name\":\"Bench\",\"managerId\":\"bench-manager\"}", failures);
        post(http, base + "/api/v1/teams", "{\"teamId\":\"bench-team\",\"name\":\"Bench team\","
                + "\"regionId\":\"bench-region\",\"managerId\":\"bench-manager\"}", failures);
        post(http, base + "/api/v1/product-lines",
             "{\"productLineId\":\"GTX Pro\",\"series\":\"GTX\",\"listPrice\":{\"amount\":4821,\"currency\":\"USD\"}}", failures);
        for (int r = 0; r < 35; r++) {
            post(http, base + "/api/v1/reps", ("{\"repId\":\"bench-rep-%d\",\"name\":\"Bench Rep %d\",\"role\":\"SALES_REP\","
                    + "\"teamId\":\"bench-team\",\"managerId\":\"bench-manager\",\"hireDate\":\"2016-01-01\"}")
                    .formatted(r, r), failures);
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " set-up requests failed");
        }
    }

    private static void post(HttpClient http, String url, String json, AtomicInteger failures)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                           .header("Authorization", "Bearer " + TOKEN)
                           .header("Content-Type", "application/json")
                           .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            if (failures.incrementAndGet() <= 3) {
                System.err.println("bench/run commands: " + url + " -> " + response.statusCode() + " " + response.body());
            }
        }
    }

    static void awaitHealthy(HttpClient http, String base, Process app, Path dataDir) throws Exception {
        awaitHealthy(http, base, app, dataDir, Duration.ofSeconds(90));
    }

    static void awaitHealthy(HttpClient http, String base, Process app, Path dataDir, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("attain.jar exited; see " + dataDir.resolve("app.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                                                   HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250); // polling a child process's start-up; nothing to await on
        }
        throw new IllegalStateException("attain.jar did not become healthy in " + limit.toSeconds() + " s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
