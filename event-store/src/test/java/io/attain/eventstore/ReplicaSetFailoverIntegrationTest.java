package io.attain.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.AxonException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.attain.eventstore.TestEvents.incremented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A three-member replica set whose primary is stepped down ({@code replSetStepDown}) while eight writers append
 * through the engine with {@code w:majority}: no acknowledged event is lost, no position is delivered twice, and
 * every aggregate's stream is whole. Needs Docker: skipped where there is none (this development machine), run by the
 * GitHub Actions workflow.
 * <p>
 * Testcontainers' {@code MongoDBContainer} starts a one-member set only, so the three members are plain containers.
 * Each member is announced in the set's configuration as {@code <bridge gateway>:<its mapped port>}: reachable from
 * the test JVM (the gateway is the host's side of the Docker bridge) and from the other members (through the host's
 * port mapping), so the driver can follow the set to its new primary. No fixed port is bound.
 */
@Testcontainers(disabledWithoutDocker = true)
class ReplicaSetFailoverIntegrationTest {

    private static final String IMAGE = "mongo:8.0";
    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 60;
    private static final int STEP_DOWN_AFTER = 120;

    private static final List<GenericContainer<?>> members = new ArrayList<>();
    private static MongoClient client;

    @BeforeAll
    static void startReplicaSet() {
        for (int i = 0; i < 3; i++) {
            GenericContainer<?> member = new GenericContainer<>(IMAGE)
                    .withCommand("mongod", "--replSet", "rs0", "--bind_ip_all", "--port", "27017")
                    .withExposedPorts(27017)
                    .waitingFor(Wait.forLogMessage(".*Waiting for connections.*", 1)
                                    .withStartupTimeout(Duration.ofMinutes(2)));
            member.start();
            members.add(member);
        }
        String gateway = members.get(0).getContainerInfo().getNetworkSettings().getGateway();
        List<String> hosts = members.stream().map(m -> gateway + ":" + m.getMappedPort(27017)).toList();
        StringBuilder config = new StringBuilder("rs.initiate({_id: 'rs0', members: [");
        for (int i = 0; i < hosts.size(); i++) {
            config.append(i == 0 ? "" : ", ").append("{_id: ").append(i).append(", host: '").append(hosts.get(i))
                  .append("'}");
        }
        config.append("]})");
        Container.ExecResult initiated = exec(members.get(0), config.toString());
        assertThat(initiated.getExitCode()).as(initiated.getStdout() + initiated.getStderr()).isZero();

        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + String.join(",", hosts) + "/?replicaSet=rs0&serverSelectionTimeoutMS=60000"))
                .writeConcern(WriteConcern.MAJORITY.withWTimeout(30, TimeUnit.SECONDS))
                .readConcern(ReadConcern.MAJORITY)
                .readPreference(ReadPreference.primary())
                .retryWrites(true)
                .build());
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> primaryName() != null);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        members.forEach(GenericContainer::stop);
    }

    @Test
    void aPrimaryStepDownDuringConcurrentAppendsLosesNoAcknowledgedEventAndDuplicatesNoPosition() throws Exception {
        MongoDatabase database = client.getDatabase("failover");
        StoreFixture fixture = new StoreFixture();
        MongoEventStorageEngine engine = fixture.engine(database);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledgedCount = new AtomicInteger();
        AtomicInteger failedAppends = new AtomicInteger();
        String primaryBefore = primaryName();

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String aggregateId = "failover-" + w;
            writers.add(pool.submit(() -> {
                long next = 0;
                int done = 0;
                while (done < APPENDS_PER_WRITER) {
                    DomainEventMessage<?> event = incremented(aggregateId, next);
                    try {
                        engine.appendEvents(event);
                        acknowledged.add(event.getIdentifier());
                        acknowledgedCount.incrementAndGet();
                        next++;
                        done++;
                    } catch (AxonException | MongoException e) {
                        // not acknowledged: it may or may not have been written; continue from what the log says
                        failedAppends.incrementAndGet();
                        next = lastSequenceNumber(engine, aggregateId) + 1;
                    }
                }
                return null;
            }));
        }
        Future<?> stepDown = pool.submit(() -> {
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledgedCount.get() >= STEP_DOWN_AFTER);
            try {
                client.getDatabase("admin").runCommand(new Document("replSetStepDown", 30)
                                                               .append("secondaryCatchUpPeriodSecs", 10));
            } catch (MongoException expected) {
                // the primary closes its connections when it steps down
            }
            return null;
        });
        stepDown.get(3, TimeUnit.MINUTES);
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> primaryName() != null);
        assertThat(primaryName()).as("a new primary was elected").isNotEqualTo(primaryBefore);

        // read everything back: positions allocated by appends that failed mid-failover are passed after the hold-back
        MongoEventStorageEngine reader = fixture.engine(database);
        List<TrackedEventMessage<?>> delivered = new ArrayList<>();
        org.axonframework.eventhandling.TrackingToken token = null;
        int emptyRounds = 0;
        while (emptyRounds < 2) {                  // until two reads in a row, each after a hold-back, find nothing
            StoreFixture.Read read = StoreFixture.readAll(reader, token);
            delivered.addAll(read.events());
            token = read.token();
            emptyRounds = read.events().isEmpty() ? emptyRounds + 1 : 0;
            fixture.advance(Duration.ofSeconds(3));
        }

        Set<String> deliveredIds = delivered.stream().map(TrackedEventMessage::getIdentifier)
                                            .collect(Collectors.toSet());
        assertThat(deliveredIds).as("no event delivered twice").hasSize(delivered.size());
        assertThat(deliveredIds).as("every acknowledged event delivered").containsAll(acknowledged);
        List<Long> positions = delivered.stream().map(e -> e.trackingToken().position().orElseThrow()).toList();
        assertThat(new HashSet<>(positions)).as("no position twice").hasSize(positions.size());

        Map<String, List<Long>> streams = new HashMap<>();
        Set<String> loaded = new HashSet<>();
        for (int w = 0; w < WRITERS; w++) {
            String aggregateId = "failover-" + w;
            List<? extends DomainEventMessage<?>> events = reader.readEvents(aggregateId).asStream().toList();
            streams.put(aggregateId, events.stream().map(DomainEventMessage::getSequenceNumber).toList());
            events.forEach(e -> loaded.add(e.getIdentifier()));
        }
        assertThat(loaded).as("every acknowledged event in its aggregate's stream").containsAll(acknowledged);
        assertThat(loaded).as("the streams hold what the log delivers").isEqualTo(deliveredIds);
        streams.forEach((aggregateId, seqs) -> assertThat(seqs).as(aggregateId).containsExactlyElementsOf(
                LongStream.range(0, seqs.size()).boxed().toList()));
        assertThat(acknowledged).hasSize(WRITERS * APPENDS_PER_WRITER);
        System.out.printf("failover: %d acknowledged, %d appends failed during the step-down%n",
                          acknowledged.size(), failedAppends.get());
    }

    private static long lastSequenceNumber(MongoEventStorageEngine engine, String aggregateId) {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
               .until(() -> {
                   last.set(engine.lastSequenceNumberFor(aggregateId).orElse(-1L));
                   return true;
               });
        return last.get();
    }

    /** The name of the current primary, or null while there is none. */
    private static String primaryName() {
        Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
        return hello.getBoolean("isWritablePrimary", false) ? hello.getString("me") : null;
    }

    private static Container.ExecResult exec(GenericContainer<?> member, String script) {
        try {
            return member.execInContainer("mongosh", "--quiet", "--eval", script);
        } catch (Exception e) {
            throw new IllegalStateException("mongosh in " + member.getContainerName(), e);
        }
    }
}
