package io.attain.query.support;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.eventstore.embedded.EmbeddedMongo;
import io.attain.query.projection.BatchJournal;
import io.attain.query.projection.Projection;
import io.attain.query.QuerySideConfiguration;
import io.attain.query.projection.Generations;
import io.attain.query.projection.ProjectionRuntime;
import io.attain.query.projection.ReadModelPositions;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Axon (without Spring) on Attain's event store and token store, on one JVM-wide embedded MongoDB-wire server
 * (memory backend), with the query side's projections registered exactly as the application registers them. Each
 * harness gets a database of its own.
 */
public final class ProjectionHarness implements AutoCloseable {

    private static final EmbeddedMongo SERVER = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(SERVER.connectionString());
    private static final AtomicInteger DATABASES = new AtomicInteger();
    public static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules().build())
            .build();

    private final MongoDatabase database;
    private final MongoEventStorageEngine engine;
    private final Configuration axon;
    private final List<String> names = new ArrayList<>();
    private final ReadModelPositions positions;
    private final Generations generations;
    private final ProjectionRuntime runtime;
    private final Map<String, Long> sequences = new HashMap<>();

    private ProjectionHarness(int batchSize) {
        this(batchSize, Duration.ofSeconds(2));
    }

    private ProjectionHarness(int batchSize, Duration gapHoldBack) {
        this(CLIENT.getDatabase("query-test-" + DATABASES.incrementAndGet() + "-"
                                        + UUID.randomUUID().toString().substring(0, 8)),
             batchSize, gapHoldBack, null, Duration.ofSeconds(10), false);
    }

    /**
     * @param node        the token store's node id ({@code null}: Axon's default)
     * @param keepClaims  {@code true} to never release claims, as an instance that crashes does
     */
    private ProjectionHarness(MongoDatabase database, int batchSize, Duration gapHoldBack, String node,
                              Duration claimTimeout, boolean keepClaims) {
        this.database = database;
        this.engine = MongoEventStorageEngine.builder().database(database).eventSerializer(SERIALIZER)
                                             .snapshotSerializer(SERIALIZER).gapHoldBack(gapHoldBack)
                                             .gapTimeout(Duration.ofMinutes(2)).build();
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        MongoTokenStore.Builder tokens = MongoTokenStore.builder().mongoTemplate(template).serializer(SERIALIZER)
                                                        .claimTimeout(claimTimeout);
        if (node != null) {
            tokens.nodeId(node);
        }
        TokenStore mongoTokens = tokens.build();
        TokenStore tokenStore = keepClaims ? new ClaimKeepingTokenStore(mongoTokens) : mongoTokens;
        BatchJournal journal = new BatchJournal(database, "query_journal", SERIALIZER);
        this.positions = new ReadModelPositions(template.trackingTokensCollection(), SERIALIZER,
                                                Duration.ofMillis(10));
        this.generations = new Generations(database, Clock.systemUTC(), Duration.ofMillis(50));
        List<ProjectionRuntime.Definition> definitions = QuerySideConfiguration.projections();
        definitions.forEach(d -> names.add(d.name()));
        this.runtime = new ProjectionRuntime(definitions, database, journal, generations, positions,
                                             new ProjectionRuntime.Settings(batchSize, 100, 10_000,
                                                                            Duration.ofMillis(100),
                                                                            Duration.ofMillis(500)));
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureSerializer(c -> SERIALIZER)
                                                 .configureEventSerializer(c -> SERIALIZER)
                                                 .configureMessageSerializer(c -> SERIALIZER)
                                                 .configureEmbeddedEventStore(c -> engine)
                                                 .registerComponent(TokenStore.class, c -> tokenStore);
        runtime.attach(configurer);
        this.axon = configurer.buildConfiguration();
    }

    /**
     * One query-side instance of a cluster on a new database: {@code node} names it in the token store, claims
     * time out after {@code claimTimeout}.
     */
    public static ProjectionHarness instance(String node, Duration claimTimeout) {
        ProjectionHarness harness = new ProjectionHarness(
                CLIENT.getDatabase("query-cluster-" + DATABASES.incrementAndGet() + "-"
                                           + UUID.randomUUID().toString().substring(0, 8)),
                50, Duration.ofSeconds(2), node, claimTimeout, false);
        harness.axon.start();
        return harness;
    }

    /**
     * A second instance on the same database (another process in production): its own engine, token store node
     * and processors. With {@code crashes}, it never releases its claims, as an instance that is killed.
     */
    public static ProjectionHarness joining(ProjectionHarness first, String node, Duration claimTimeout,
                                            boolean crashes) {
        ProjectionHarness harness = new ProjectionHarness(first.database, 50, Duration.ofSeconds(2), node,
                                                          claimTimeout, crashes);
        harness.axon.start();
        return harness;
    }

    /** Stops this instance's processors (and, for a crashing instance, leaves its claims behind). */
    public void stop() {
        axon.shutdown();
    }

    public static ProjectionHarness start() {
        return start(100);
    }

    public static ProjectionHarness start(int batchSize) {
        ProjectionHarness harness = new ProjectionHarness(batchSize);
        harness.axon.start();
        return harness;
    }

    /** With a short hold-back, so that a test can make the store pass a missing position quickly. */
    public static ProjectionHarness start(int batchSize, Duration gapHoldBack) {
        ProjectionHarness harness = new ProjectionHarness(batchSize, gapHoldBack);
        harness.axon.start();
        return harness;
    }


    /** A new, empty database on the JVM-wide server (for tests of single components). */
    public static MongoDatabase freshDatabase() {
        return CLIENT.getDatabase("query-unit-" + DATABASES.incrementAndGet() + "-"
                                          + UUID.randomUUID().toString().substring(0, 8));
    }

    public static String connectionString() {
        return SERVER.connectionString();
    }

    public MongoDatabase database() {
        return database;
    }

    /** Axon's event store on the harness's engine. */
    public org.axonframework.eventsourcing.eventstore.EventStore eventStore() {
        return axon.eventStore();
    }

    public MongoEventStorageEngine engine() {
        return engine;
    }

    /** The projection instance of the active generation. */
    public Projection projection(String name) {
        return runtime.projection(name);
    }

    public ProjectionRuntime runtime() {
        return runtime;
    }

    public Generations generations() {
        return generations;
    }

    public ReadModelPositions positions() {
        return positions;
    }

    /** Appends events of one aggregate (each its own commit, in order). */
    public long publish(String aggregateType, String aggregateId, Object... payloads) {
        for (Object payload : payloads) {
            long seq = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            axon.eventStore().publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, seq, payload));
        }
        return head();
    }

    /**
     * Appends a generated scenario while the processors run, {@code perAppend} events per append (each aggregate's
     * events its own commit), so the processors see it in many small batches.
     */
    public void publish(List<Scenario.Event> events, int perAppend) {
        List<org.axonframework.eventhandling.EventMessage<?>> pending = new ArrayList<>();
        for (Scenario.Event e : events) {
            long seq = sequences.merge(e.aggregateId(), 1L, Long::sum) - 1;
            pending.add(new GenericDomainEventMessage<>(e.type(), e.aggregateId(), seq, e.payload()));
            if (pending.size() >= perAppend) {
                axon.eventStore().publish(pending);
                pending = new ArrayList<>();
            }
        }
        if (!pending.isEmpty()) {
            axon.eventStore().publish(pending);
        }
    }

    /** The position of the last event in the store. */
    public long head() {
        return ((GapAwareTrackingToken) engine.createHeadToken()).getIndex();
    }

    /** Waits until every projection's active generation has processed everything in the store. */
    public void awaitCaughtUp() {
        long head = head();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(
                () -> names.stream().allMatch(name -> positions.reached(generations.activeProcessor(name), head)));
    }

    /** Waits until every projection's token index has passed the head, gaps allowed (a position may be missing). */
    public void awaitIndexAtHead() {
        long head = head();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(
                () -> names.stream().allMatch(name -> positions.tokens(generations.activeProcessor(name)).stream().allMatch(
                        t -> io.attain.query.projection.Tokens.current(t) instanceof GapAwareTrackingToken g
                                && g.getIndex() >= head)));
    }

    /** A document of generation 0 of a collection (tests that do not rebuild). */
    public Document doc(String collection, String id) {
        return database.getCollection(collection).find(new Document("_id", id)).first();
    }

    /** Content hashes of every collection of every projection, in their active generation, by logical name. */
    public Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ProjectionRuntime.Definition d : QuerySideConfiguration.projections()) {
            for (String collection : d.collections()) {
                hashes.put(collection, ContentHash.of(generations.collection(d.name(), collection)));
            }
        }
        return hashes;
    }

    /** Canonical documents of every collection (active generation), for showing differences. */
    public Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (ProjectionRuntime.Definition d : QuerySideConfiguration.projections()) {
            for (String collection : d.collections()) {
                all.put(collection, ContentHash.documents(generations.collection(d.name(), collection)));
            }
        }
        return all;
    }

    /** What differs between two snapshots. */
    public static String diff(Map<String, Map<String, String>> a, Map<String, Map<String, String>> b) {
        StringBuilder out = new StringBuilder();
        for (String collection : a.keySet()) {
            String d = ContentHash.diff(a.get(collection), b.getOrDefault(collection, Map.of()), 3);
            if (!d.isEmpty()) {
                out.append("== ").append(collection).append('\n').append(d);
            }
        }
        return out.toString();
    }

    /** The processor of the projection's active generation. */
    public PooledStreamingEventProcessor processor(String name) {
        return runtime.processor(name);
    }

    /** Rebuilds a projection: shut down, reset tokens (the reset handler drops its collections), start. */
    public void replay(String name) {
        PooledStreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    @Override
    public void close() {
        axon.shutdown();
        database.drop();
    }
}
