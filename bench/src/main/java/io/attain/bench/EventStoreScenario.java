package io.attain.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.eventstore.embedded.EmbeddedMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.json.JacksonSerializer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Scenario {@code event-store}: Attain's engine against Axon's own {@code MongoEventStorageEngine}, both on the same
 * embedded file-backed wire server in one run. Figures: appends of 1 and 10 events per commit, tracking read of
 * 100,000 events written in a burst, aggregate load with and without snapshot; each with the ratio ours/theirs.
 */
public final class EventStoreScenario implements Scenario {

    static final int APPEND_COMMITS_1 = 5_000;
    static final int APPEND_COMMITS_10 = 1_000;
    static final int BURST_EVENTS = 100_000;
    static final long THEIR_READ_BUDGET_NANOS = 20_000_000_000L;
    static final long LOAD_BUDGET_NANOS = 10_000_000_000L;
    static final int AGGREGATE_EVENTS = 500;
    static final int WRITERS = 16;

    /** A realistic payload: what a deal move looks like on the wire. */
    public record DealAdvanced(String dealId, String ownerRepId, String fromStage, String toStage,
                               BigDecimal amount, String currency, Instant occurredAt) {
    }

    public record DealSnapshot(String dealId, String stage, BigDecimal amount, String currency, int moves) {
    }

    @Override
    public String name() {
        return "event-store";
    }

    @Override
    public void run(Figures figures) throws Exception {
        Path dir = Files.createTempDirectory("attain-bench-event-store");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir.resolve("bench-store"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase oursDb = client.getDatabase("attain");
            MongoDatabase theirsDb = client.getDatabase("axon");
            // as the app runs on the embedded default: positions from memory, reserved a block at a time
            EventStorageEngine ours = MongoEventStorageEngine.builder()
                                                             .database(oursDb)
                                                             .eventSerializer(serializer)
                                                             .snapshotSerializer(serializer)
                                                             .inProcessPositions(true)
                                                             .build();
            // as on real MongoDB: one counter update per append (appends only, for comparison)
            EventStorageEngine oursCounter = MongoEventStorageEngine.builder()
                                                                    .database(client.getDatabase("attain_counter"))
                                                                    .eventSerializer(serializer)
                                                                    .snapshotSerializer(serializer)
                                                                    .build();
            EventStorageEngine theirs = org.axonframework.extensions.mongo.eventsourcing.eventstore
                    .MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(theirsDb).build())
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();

            // warm-up (JIT, connection pool, collections)
            appendRate(ours, "warm", 1, 500, 1);
            appendRate(theirs, "warm", 1, 500, 1);
            appendRate(oursCounter, "warm", 1, 500, 1);

            for (int threads : new int[]{1, WRITERS}) {
                for (int perCommit : new int[]{1, 10}) {
                    int commits = perCommit == 1 ? APPEND_COMMITS_1 : APPEND_COMMITS_10;
                    String prefix = "append" + perCommit + "x" + threads;
                    double o = appendRate(ours, prefix, perCommit, commits, threads);
                    double t = appendRate(theirs, prefix, perCommit, commits, threads);
                    double c = appendRate(oursCounter, prefix, perCommit, commits, threads);
                    String f = "append_" + perCommit + "_per_commit_" + threads + "_writer" + (threads > 1 ? "s" : "");
                    figures.print(f + "_attain", o, "events/s");
                    figures.print(f + "_axon_mongo", t, "events/s");
                    figures.print(f + "_ratio_attain_to_axon", o / t, "ratio");
                    figures.print(f + "_attain_counter", c, "events/s");
                    figures.print(f + "_ratio_attain_counter_to_axon", c / t, "ratio");
                }
            }

            // a burst of 100,000 events, 10 per commit, after what the appends wrote
            burst(ours, BURST_EVENTS);
            burst(theirs, BURST_EVENTS);
            long oursTotal = BURST_EVENTS + 500 + 2L * (APPEND_COMMITS_1 + 10L * APPEND_COMMITS_10);
            double oRead = trackingRate(ours, oursTotal, Long.MAX_VALUE);
            double tRead = trackingRate(theirs, oursTotal, THEIR_READ_BUDGET_NANOS);
            figures.print("tracking_read_burst_attain", oRead, "events/s");
            figures.print("tracking_read_burst_axon_mongo", tRead, "events/s");
            figures.print("tracking_read_burst_ratio_attain_to_axon", oRead / tRead, "ratio");

            // aggregate load: 500 events, one per commit, in a store of ~115,000 events
            anAggregate(ours, "deal-load", AGGREGATE_EVENTS);
            anAggregate(theirs, "deal-load", AGGREGATE_EVENTS);
            double oFull = loadRate(ours, "deal-load", false);
            double tFull = loadRate(theirs, "deal-load", false);
            figures.print("aggregate_load_500_events_attain", oFull, "loads/s");
            figures.print("aggregate_load_500_events_axon_mongo", tFull, "loads/s");
            figures.print("aggregate_load_500_events_ratio_attain_to_axon", oFull / tFull, "ratio");
            snapshot(ours, "deal-load", AGGREGATE_EVENTS - 1);
            snapshot(theirs, "deal-load", AGGREGATE_EVENTS - 1);
            double oSnap = loadRate(ours, "deal-load", true);
            double tSnap = loadRate(theirs, "deal-load", true);
            figures.print("aggregate_load_snapshot_attain", oSnap, "loads/s");
            figures.print("aggregate_load_snapshot_axon_mongo", tSnap, "loads/s");
            figures.print("aggregate_load_snapshot_ratio_attain_to_axon", oSnap / tSnap, "ratio");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static DomainEventMessage<DealAdvanced> event(String aggregateId, long seq) {
        return new GenericDomainEventMessage<>("Deal", aggregateId, seq,
                new DealAdvanced(aggregateId, "rep-" + (seq % 35), "QUALIFIED", "PROPOSAL",
                                 new BigDecimal("1250.00"), "EUR", Instant.parse("2017-05-04T10:15:30Z")));
    }

    /**
     * Appends of {@code commits} commits of {@code perCommit} events by {@code threads} concurrent writers, each on
     * its own aggregates (50 commits per aggregate), as concurrent command handlers would.
     */
    static double appendRate(EventStorageEngine engine, String prefix, int perCommit, int commits, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                futures.add(pool.submit(() -> {
                    for (int c = writer; c < commits; c += threads) {
                        int local = c / threads;
                        String aggregateId = prefix + "-w" + writer + "-" + (local / 50);
                        long firstSeq = (long) (local % 50) * perCommit;
                        List<DomainEventMessage<?>> events = new ArrayList<>(perCommit);
                        for (int i = 0; i < perCommit; i++) {
                            events.add(event(aggregateId, firstSeq + i));
                        }
                        engine.appendEvents(events);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return Figures.perSecond((long) commits * perCommit, System.nanoTime() - start);
        } finally {
            pool.shutdown();
        }
    }

    private static void burst(EventStorageEngine engine, int total) throws Exception {
        appendRate(engine, "burst", 10, total / 10, 1);
    }

    /** Reads from the tail until {@code expected} events or the budget; events/s over what was read. */
    static double trackingRate(EventStorageEngine engine, long expected, long budgetNanos) {
        long start = System.nanoTime();
        long count = 0;
        TrackingToken token = null;
        while (count < expected && System.nanoTime() - start < budgetNanos) {
            long before = count;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
                var it = stream.iterator();
                while (it.hasNext() && System.nanoTime() - start < budgetNanos) {
                    TrackedEventMessage<?> e = it.next();
                    e.getPayload(); // deserialize, as a handler would
                    token = e.trackingToken();
                    count++;
                }
            }
            if (count == before) {
                break;
            }
        }
        return Figures.perSecond(count, System.nanoTime() - start);
    }

    private static void anAggregate(EventStorageEngine engine, String id, int events) {
        for (int s = 0; s < events; s++) {
            engine.appendEvents(event(id, s));
        }
    }

    private static void snapshot(EventStorageEngine engine, String id, long seq) {
        engine.storeSnapshot(new GenericDomainEventMessage<>("Deal", id, seq,
                new DealSnapshot(id, "PROPOSAL", new BigDecimal("1250.00"), "EUR", (int) seq + 1)));
    }

    /** Loads per second: snapshot (if any) plus the events after it, all deserialized. */
    static double loadRate(EventStorageEngine engine, String id, boolean useSnapshot) {
        long start = System.nanoTime();
        int loads = 0;
        while (System.nanoTime() - start < LOAD_BUDGET_NANOS && loads < 2_000) {
            long from = 0;
            if (useSnapshot) {
                DomainEventMessage<?> snap = engine.readSnapshot(id).orElseThrow();
                snap.getPayload();
                from = snap.getSequenceNumber() + 1;
            }
            DomainEventStream stream = engine.readEvents(id, from);
            long n = 0;
            while (stream.hasNext()) {
                stream.next().getPayload();
                n++;
            }
            if (!useSnapshot && n != AGGREGATE_EVENTS) {
                throw new IllegalStateException("loaded " + n + " events of " + id);
            }
            loads++;
        }
        return Figures.perSecond(loads, System.nanoTime() - start);
    }
}
