package io.attain.eventstore.embedded;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a process running the durable store while four clients write: every write it acknowledged is
 * there after the restart, and a counter's acknowledged increments are never lost (a real crash, not a simulated one).
 */
class KillNineTest {

    @Test
    void everyAcknowledgedWriteSurvivesKillNine(@TempDir Path dir) throws Exception {
        Random random = new Random(20261202L);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Integer> acknowledgedIncrements = new HashMap<>();
        for (int cycle = 0; cycle < 3; cycle++) {
            Process child = start(dir);
            int port = port(child);
            AtomicBoolean stop = new AtomicBoolean();
            Map<String, Integer> increments = new ConcurrentHashMap<>();
            List<Thread> writers = new ArrayList<>();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                    + "/?serverSelectionTimeoutMS=30000&socketTimeoutMS=30000&connectTimeoutMS=10000&retryWrites=false")) {
                MongoCollection<Document> docs = client.getDatabase("kill").getCollection("docs");
                MongoCollection<Document> counters = client.getDatabase("kill").getCollection("counters");
                for (int w = 0; w < 4; w++) {
                    String prefix = "c" + cycle + "-w" + w + "-";
                    String counter = "counter-" + w;
                    Thread t = new Thread(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            try {
                                docs.insertOne(new Document("_id", prefix + i).append("pad", "p".repeat(200)));
                                acknowledged.add(prefix + i);
                                counters.updateOne(Filters.eq("_id", counter), Updates.inc("n", 1),
                                                   new com.mongodb.client.model.UpdateOptions().upsert(true));
                                increments.merge(counter, 1, Integer::sum);
                            } catch (MongoException e) {
                                // not acknowledged: the process is gone (or too slow to answer on a loaded
                                // machine; then the next id is tried)
                            }
                        }
                    });
                    t.start();
                    writers.add(t);
                }
                int target = acknowledged.size() + 100 + random.nextInt(300);
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3))
                                         .pollInterval(java.time.Duration.ofMillis(5))
                                         .until(() -> acknowledged.size() >= target);
                child.destroyForcibly(); // SIGKILL
                child.waitFor(30, TimeUnit.SECONDS);
                stop.set(true);
                for (Thread t : writers) {
                    t.join(TimeUnit.SECONDS.toMillis(30));
                }
            }
            increments.forEach((k, v) -> acknowledgedIncrements.merge(k, v, Integer::sum));

            try (EmbeddedMongo server = EmbeddedMongo.durable(dir);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                Set<String> stored = ConcurrentHashMap.newKeySet();
                client.getDatabase("kill").getCollection("docs").find().forEach(d -> stored.add(d.getString("_id")));
                assertThat(stored).as("cycle " + cycle + ": acknowledged inserts after kill -9")
                                  .containsAll(acknowledged);
                for (Document c : client.getDatabase("kill").getCollection("counters").find()) {
                    // an increment may be stored without its acknowledgement having arrived, never the other way
                    assertThat(c.getInteger("n")).as(c.getString("_id"))
                                                 .isGreaterThanOrEqualTo(acknowledgedIncrements.getOrDefault(c.getString("_id"), 0));
                }
            }
        }
        assertThat(acknowledged).as("acknowledged inserts over the three cycles").hasSizeGreaterThanOrEqualTo(300);
    }

    private static Process start(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                               DurableStoreProcess.class.getName(), dir.toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static int port(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                int port = Integer.parseInt(line.substring(5).trim());
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the child's output pipe from filling up
                        }
                    } catch (Exception ignored) {
                        // the child is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new IllegalStateException("the store process ended before it printed its port");
    }
}
