package io.attain.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static io.attain.eventstore.TestEvents.commit;
import static io.attain.eventstore.TestEvents.incremented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conformance suite every backend of the event store must pass: the embedded wire server (memory and file)
 * and a real MongoDB replica set. Subclasses provide a fresh database per test.
 */
public abstract class EventStoreConformance {

    protected final StoreFixture fixture = new StoreFixture();
    protected MongoDatabase database;
    protected MongoEventStorageEngine engine;

    /** A fresh, empty database for one test. */
    protected abstract MongoDatabase freshDatabase();

    /** Scale factor for the heavier tests (1.0 = as specified). */
    protected double scale() {
        return 1.0;
    }

    @BeforeEach
    void setUpEngine() {
        database = freshDatabase();
        engine = fixture.engine(database);
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.drop();
        }
    }

    // 1 ---------------------------------------------------------------------------------------------------------

    @Test
    void sameAggregateAndSequenceExactlyOneAppendWins() {
        engine.appendEvents(commit("deal-1", 0, 2));

        engine.appendEvents(incremented("deal-1", 2));
        assertThatThrownBy(() -> engine.appendEvents(incremented("deal-1", 2)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(incremented("deal-1", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);

        List<Long> sequences = engine.readEvents("deal-1").asStream()
                                     .map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequences).containsExactly(0L, 1L, 2L);
        assertThat(StoreFixture.readAll(engine, null).events()).hasSize(3);
    }

    @Test
    void concurrentFirstWritersOfOneSequenceOneWinsOtherIsTold() throws Exception {
        engine.appendEvents(commit("deal-2", 0, 1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    engine.appendEvents(commit("deal-2", 1, 3));
                    return true;
                } catch (ConcurrencyException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> f : results) {
            wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
        assertThat(engine.readEvents("deal-2").asStream().count()).isEqualTo(4);
    }

    // 2 ---------------------------------------------------------------------------------------------------------

    @Test
    void eightThreadsOnOneAggregateLoseAndDuplicateNothing() throws Exception {
        int threads = 8;
        int appendsPerThread = (int) Math.max(10, 40 * scale());
        engine.appendEvents(incremented("hot", 0));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger losers = new AtomicInteger();
        Map<Long, String> wonBy = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String writer = "writer-" + t;
            futures.add(pool.submit(() -> {
                start.await();
                int done = 0;
                while (done < appendsPerThread) {
                    long next = engine.lastSequenceNumberFor("hot").orElseThrow() + 1;
                    try {
                        engine.appendEvents(incremented("hot", next));
                        String previous = wonBy.putIfAbsent(next, writer);
                        assertThat(previous).as("sequence %d won twice", next).isNull();
                        done++;
                    } catch (ConcurrencyException e) {
                        losers.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int total = threads * appendsPerThread + 1;
        List<Long> sequences = engine.readEvents("hot").asStream()
                                     .map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequences).containsExactlyElementsOf(
                IntStream.range(0, total).mapToObj(i -> (long) i).toList());
        assertThat(wonBy).hasSize(total - 1);
        // every loser was told; a lost race left its allocated position behind as a tombstone, never an event (a
        // loser whose sequence number the engine had already seen written was refused before allocating)
        StoreFixture.Read read = StoreFixture.readAll(engine, null);
        assertThat(read.events()).hasSize(total);
        assertThat(engine.allocatedPositions()).isBetween((long) total, (long) total + losers.get());
        assertThat(read.gapAwareToken().getGaps()).isEmpty();
    }

    // 3 ---------------------------------------------------------------------------------------------------------

    @Test
    void concurrentAppendsToManyAggregatesAreReadBackCompleteAndInOrder() throws Exception {
        int aggregates = (int) (1000 * scale());
        int commitsPerAggregate = 3;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<TrackedEventMessage<?>> live = Collections.synchronizedList(new ArrayList<>());
        Future<?> reader = trackLive(null, writing, live);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int slice = w;
            writers.add(pool.submit(() -> {
                for (int round = 0; round < commitsPerAggregate; round++) {
                    for (int a = slice; a < aggregates; a += 4) {
                        // a mix of single- and multi-event commits
                        int size = (a % 3) + 1;
                        engine.appendEvents(commit("agg-" + a, (long) round * size, size));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get(300, TimeUnit.SECONDS);
        }
        writing.set(false);
        reader.get(300, TimeUnit.SECONDS);
        pool.shutdown();

        int expected = 0;
        for (int a = 0; a < aggregates; a++) {
            expected += ((a % 3) + 1) * commitsPerAggregate;
        }
        List<Long> positions = live.stream().map(e -> e.trackingToken().position().orElseThrow()).toList();
        assertThat(live).hasSize(expected);
        assertThat(new HashSet<>(live.stream().map(EventMessage::getIdentifier).toList())).hasSize(expected);
        for (int i = 1; i < positions.size(); i++) {
            assertThat(positions.get(i)).as("position after %d", positions.get(i - 1))
                                        .isGreaterThan(positions.get(i - 1));
        }
        Map<String, List<Long>> perAggregate = new HashMap<>();
        for (TrackedEventMessage<?> e : live) {
            DomainEventMessage<?> d = (DomainEventMessage<?>) e;
            perAggregate.computeIfAbsent(d.getAggregateIdentifier(), k -> new ArrayList<>()).add(d.getSequenceNumber());
        }
        assertThat(perAggregate).hasSize(aggregates);
        for (int a = 0; a < aggregates; a++) {
            int count = ((a % 3) + 1) * commitsPerAggregate;
            assertThat(perAggregate.get("agg-" + a)).as("agg-" + a)
                    .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> (long) i).toList());
        }
    }

    // 4 ---------------------------------------------------------------------------------------------------------

    @Test
    void positionWrittenLateInsideTheHoldBackIsDeliveredInOrder() {
        engine.appendEvents(incremented("a", 0));                 // position 1
        long hole = allocateRaw(1);                               // position 2: allocated, not yet written
        engine.appendEvents(incremented("b", 0));                 // position 3

        StoreFixture.Read first = StoreFixture.readAll(engine, null);
        assertThat(first.positions()).containsExactly(1L);        // held back behind the hole

        insertRaw(hole, "late", 0);                               // the slow writer finally lands
        StoreFixture.Read rest = StoreFixture.readAll(engine, first.token());
        assertThat(rest.positions()).containsExactly(2L, 3L);
        assertThat(rest.gapAwareToken().getGaps()).isEmpty();
    }

    @Test
    void positionWrittenAfterTheHoldBackButInsideTheGapTimeoutIsDeliveredOnce() {
        engine.appendEvents(incremented("a", 0));                 // 1
        long hole = allocateRaw(1);                               // 2
        engine.appendEvents(incremented("b", 0));                 // 3

        assertThat(StoreFixture.readAll(engine, null).positions()).containsExactly(1L);
        fixture.advance(Duration.ofSeconds(3));                   // past the 2 s hold-back
        StoreFixture.Read passed = StoreFixture.readAll(engine, null);
        assertThat(passed.positions()).containsExactly(1L, 3L);
        assertThat(passed.gapAwareToken().getGaps()).containsExactly(hole);

        insertRaw(hole, "late", 0);
        StoreFixture.Read late = StoreFixture.readAll(engine, passed.token());
        assertThat(late.ids()).hasSize(1);
        assertThat(((DomainEventMessage<?>) late.events().get(0)).getAggregateIdentifier()).isEqualTo("late");
        assertThat(late.gapAwareToken().getGaps()).isEmpty();
        assertThat(StoreFixture.readAll(engine, late.token()).events()).isEmpty();
    }

    @Test
    void positionNeverWrittenIsPassedAfterTheTimeoutAndDroppedFromTheToken() {
        engine.appendEvents(incremented("a", 0));                 // 1
        long hole = allocateRaw(3);                               // 2..4, a writer that crashed
        engine.appendEvents(incremented("b", 0));                 // 5

        assertThat(StoreFixture.readAll(engine, null).positions()).containsExactly(1L);
        fixture.advance(Duration.ofSeconds(3));
        StoreFixture.Read passed = StoreFixture.readAll(engine, null);
        assertThat(passed.positions()).containsExactly(1L, 5L);
        assertThat(passed.gapAwareToken().getGaps()).containsExactly(hole - 2, hole - 1, hole);

        fixture.advance(Duration.ofMinutes(2));                   // past the gap timeout
        engine.appendEvents(incremented("c", 0));                 // 6 carries the cleaned token
        StoreFixture.Read after = StoreFixture.readAll(engine, passed.token());
        assertThat(after.positions()).containsExactly(6L);
        assertThat(after.gapAwareToken().getGaps()).isEmpty();
    }

    @Test
    void tokenGapsStayBoundedByTheMaximumGapOffset() {
        MongoEventStorageEngine bounded = fixture.builder(database).maxGapOffset(100).build();
        for (int i = 0; i < 500; i++) {
            bounded.appendEvents(incremented("x-" + i, 0));
            allocateRaw(bounded, 1);                              // every other position never written
        }
        bounded.appendEvents(incremented("last", 0));
        assertThat(StoreFixture.readAll(bounded, null).events()).hasSize(1);   // held back at the first hole
        fixture.advance(Duration.ofSeconds(3));                                 // all holes waited together
        int[] maxGaps = {0};
        StoreFixture.Read read = StoreFixture.readAll(bounded, null, e ->
                maxGaps[0] = Math.max(maxGaps[0], ((GapAwareTrackingToken) e.trackingToken()).getGaps().size()));
        assertThat(read.events()).hasSize(501);
        assertThat(maxGaps[0]).isLessThanOrEqualTo(101);
        assertThat(read.gapAwareToken().getGaps()).allMatch(g -> g >= read.gapAwareToken().getIndex() - 100);
    }

    @Test
    void aCommitLargerThanADocumentMayBeIsRefusedWithoutBeingSentAndLeavesATombstone() {
        engine.appendEvents(incremented("a", 0));                 // 1
        String big = "x".repeat(17 * 1024 * 1024);
        assertThatThrownBy(() -> engine.appendEvents(incremented("big", 0).andMetaData(Map.of("big", big))))
                .isInstanceOf(EventStoreException.class)
                .hasStackTraceContaining("exceeds the document size limit");   // 2, refused before it was sent
        engine.appendEvents(incremented("b", 0));                 // 3

        StoreFixture.Read read = StoreFixture.readAll(engine, null); // no clock advance: the tombstone passes 2
        assertThat(read.positions()).containsExactly(1L, 3L);
        assertThat(read.gapAwareToken().getGaps()).isEmpty();
        assertThat(engine.readEvents("big").asStream().count()).isZero();
    }

    @Test
    void refusedWriterLeavesATombstoneThatReadersPassAtOnce() {
        engine.appendEvents(commit("deal", 0, 1));                // 1
        insertRaw(allocateRaw(1), "deal", 1);                     // 2: written by another writer of the store
        assertThatThrownBy(() -> engine.appendEvents(commit("deal", 1, 2)))   // 3..4 refused by the server
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(incremented("deal", 2));              // 5

        StoreFixture.Read read = StoreFixture.readAll(engine, null); // no clock advance: no waiting
        assertThat(read.positions()).containsExactly(1L, 2L, 5L);
        assertThat(read.gapAwareToken().getGaps()).isEmpty();
    }

    // 5 ---------------------------------------------------------------------------------------------------------

    @Test
    void commitThatFailsPartWayWritesNothing() {
        engine.appendEvents(incremented("acc", 0));
        long allocatedBefore = engine.allocatedPositions();

        // the third event cannot be serialised: nothing is allocated, nothing written
        List<EventMessage<?>> broken = new ArrayList<>(commit("acc", 1, 2));
        broken.add(new GenericDomainEventMessage<>("Counter", "acc", 3, new Unserialisable()));
        assertThatThrownBy(() -> engine.appendEvents(broken)).isInstanceOf(RuntimeException.class);
        assertThat(engine.allocatedPositions()).isEqualTo(allocatedBefore);

        // the server refuses the commit (larger than a document may be): all of it is refused
        List<EventMessage<?>> huge = new ArrayList<>(commit("acc", 1, 2));
        huge.add(new GenericDomainEventMessage<>("Counter", "acc", 3,
                                                 new TestEvents.Renamed("acc", "x".repeat(17 * 1024 * 1024))));
        assertThatThrownBy(() -> engine.appendEvents(huge)).isInstanceOf(EventStoreException.class);

        assertThat(engine.readEvents("acc").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L);
        engine.appendEvents(commit("acc", 1, 3));                 // the stream continues where it was
        StoreFixture.Read read = StoreFixture.readAll(engine, null);
        assertThat(read.events()).hasSize(4);
        assertThat(read.gapAwareToken().getGaps()).isEmpty();
    }

    public static final class Unserialisable {
        public Object getSelf() {
            return this; // Jackson: infinite recursion
        }
    }

    // 6 ---------------------------------------------------------------------------------------------------------

    @Test
    void replayFromTailDeliversExactlyWhatLiveTrackingDelivered() throws Exception {
        List<TrackedEventMessage<?>> live = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<?> reader = trackLive(engine.createTailToken(), writing, live);
        int aggregates = (int) (200 * scale());
        for (int round = 0; round < 5; round++) {
            for (int a = 0; a < aggregates; a++) {
                engine.appendEvents(commit("r-" + a, round * 2L, 2));
            }
            engine.appendEvents(GenericEventMessage.asEventMessage(new TestEvents.Renamed("process", "r" + round)));
        }
        writing.set(false);
        reader.get(300, TimeUnit.SECONDS);

        StoreFixture.Read replay = StoreFixture.readAll(engine, engine.createTailToken());
        assertThat(replay.ids()).containsExactlyElementsOf(live.stream().map(EventMessage::getIdentifier).toList());
        assertThat(replay.positions()).containsExactlyElementsOf(
                live.stream().map(e -> e.trackingToken().position().orElseThrow()).toList());
    }

    @Test
    void storedTokenStaysSmallThroughAReplayOfAHundredThousandEvents() throws Exception {
        int total = (int) (100_000 * scale());
        int perCommit = 100;
        for (int c = 0; c < total / perCommit; c++) {
            engine.appendEvents(commit("big-" + c, 0, perCommit));
        }
        ObjectMapper json = new ObjectMapper();
        int[] maxTokenBytes = {0};
        long[] count = {0};
        StoreFixture.Read read = StoreFixture.readAll(engine, engine.createTailToken(), e -> {
            count[0]++;
            if (count[0] % 1000 == 0) {
                try {
                    maxTokenBytes[0] = Math.max(maxTokenBytes[0], json.writeValueAsBytes(e.trackingToken()).length);
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        });
        assertThat(read.events()).hasSize(total);
        assertThat(maxTokenBytes[0]).isLessThan(64);
        assertThat(read.gapAwareToken().getIndex()).isEqualTo(total);
    }

    // 7 ---------------------------------------------------------------------------------------------------------

    @Test
    void unknownPayloadTypeDoesNotStopATrackingReader() {
        engine.appendEvents(incremented("u", 0));
        long position = allocateRaw(1);
        insertRaw(position, "u", 1, "com.example.NoSuchEvent", "{\"what\":\"ever\"}");
        engine.appendEvents(incremented("u", 2));

        StoreFixture.Read read = StoreFixture.readAll(engine, null);
        assertThat(read.positions()).containsExactly(1L, 2L, 3L);
        assertThat(read.events().get(1).getPayloadType()).isEqualTo(UnknownSerializedType.class);
        assertThat(read.events().get(2).getPayload()).isInstanceOf(TestEvents.Incremented.class);
    }

    @Test
    void readersAndLoadsThatStartInsideACommitGetTheRestOfIt() {
        engine.appendEvents(commit("multi", 0, 5));              // positions 1..5 in one commit
        engine.appendEvents(incremented("other", 0));             // 6

        StoreFixture.Read fromInside = StoreFixture.readAll(engine, GapAwareTrackingToken.newInstance(3, List.of()));
        assertThat(fromInside.positions()).containsExactly(4L, 5L, 6L);
        assertThat(engine.readEvents("multi", 2).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(2L, 3L, 4L);
        assertThat(engine.readEvents("multi", 5).asStream().count()).isZero();
    }

    @Test
    void upcastersTurnOldPayloadsIntoTheCurrentShape() {
        MongoEventStorageEngine upcasting = fixture.builder(database).upcasterChain(new RenameAmountToBy()).build();
        long position = allocateRaw(upcasting, 1);
        // revision null of Incremented named its field "amount"
        insertRaw(position, "old", 0, TestEvents.Incremented.class.getName(), "{\"counterId\":\"old\",\"amount\":5}");

        DomainEventMessage<?> loaded = upcasting.readEvents("old").asStream().findFirst().orElseThrow();
        assertThat(loaded.getPayload()).isEqualTo(new TestEvents.Incremented("old", 5));
        assertThat(StoreFixture.readAll(upcasting, null).events().get(0).getPayload())
                .isEqualTo(new TestEvents.Incremented("old", 5));
    }

    /** Revision null → "1": the field {@code amount} became {@code by}. */
    static final class RenameAmountToBy
            extends org.axonframework.serialization.upcasting.event.SingleEventUpcaster {
        @Override
        protected boolean canUpcast(org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation ir) {
            return ir.getType().getName().equals(TestEvents.Incremented.class.getName())
                    && ir.getType().getRevision() == null;
        }

        @Override
        protected org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation doUpcast(
                org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation ir) {
            return ir.upcastPayload(
                    new org.axonframework.serialization.SimpleSerializedType(TestEvents.Incremented.class.getName(), "1"),
                    com.fasterxml.jackson.databind.JsonNode.class,
                    node -> {
                        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) node;
                        o.set("by", o.remove("amount"));
                        return o;
                    });
        }
    }

    @Test
    void aWriteCanBeAnsweredWithItsVersionAndGlobalPosition() {
        engine.appendEvents(incremented("r", 0));
        engine.appendEvents(commit("r", 1, 3).stream()
                                             .map(e -> e.andMetaData(java.util.Map.of("correlationId", "command-42")))
                                             .toList());
        assertThat(engine.receiptFor("command-42")).contains(new AppendReceipt("r", 3, 4));
        assertThat(engine.receiptFor("command-43")).isEmpty();
    }

    // 8 ---------------------------------------------------------------------------------------------------------

    @Test
    void aggregateWithASnapshotLoadsToTheSameStateAsWithout() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            for (int i = 0; i < 30; i++) {
                engine.appendEvents(i % 5 == 4
                        ? new GenericDomainEventMessage<>("Counter", "snap", i, new TestEvents.Renamed("snap", "n" + i))
                        : incremented("snap", i));
            }
            String withoutSnapshot = load(store, "snap");
            assertThat(engine.readSnapshot("snap")).isEmpty();

            AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                    .eventStore(store)
                    .aggregateFactories(new GenericAggregateFactory<>(CounterAggregate.class))
                    .build();
            snapshotter.scheduleSnapshot(CounterAggregate.class, "snap");
            assertThat(engine.readSnapshot("snap")).get()
                    .extracting(DomainEventMessage::getSequenceNumber).isEqualTo(29L);
            assertThat(load(store, "snap")).isEqualTo(withoutSnapshot);

            // events after the snapshot are applied on top of it
            engine.appendEvents(incremented("snap", 30), incremented("snap", 31));
            MongoEventStorageEngine fresh = fixture.builder(database).snapshotFilter(SnapshotFilter.rejectAll()).build();
            EmbeddedEventStore noSnapshots = EmbeddedEventStore.builder().storageEngine(fresh).build();
            try {
                assertThat(load(store, "snap")).isEqualTo(load(noSnapshots, "snap"));
                assertThat(load(store, "snap")).startsWith("snap:26:");
            } finally {
                noSnapshots.shutDown();
            }
        } finally {
            store.shutDown();
        }
    }

    private static String load(EmbeddedEventStore store, String id) {
        EventSourcingRepository<CounterAggregate> repository =
                EventSourcingRepository.builder(CounterAggregate.class).eventStore(store).build();
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(id).invoke(CounterAggregate::state);
        } finally {
            uow.rollback();
        }
    }

    @Test
    void tokensAtTailHeadAndTime() {
        engine.appendEvents(incremented("t", 0));
        Instant between = Instant.now().plusMillis(1);
        // messages take their timestamp from Axon's clock; make the second one clearly later
        GenericEventMessage.clock = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofSeconds(5));
        try {
            engine.appendEvents(incremented("t", 1));
        } finally {
            GenericEventMessage.clock = java.time.Clock.systemUTC();
        }
        assertThat(StoreFixture.readAll(engine, engine.createTailToken()).events()).hasSize(2);
        assertThat(StoreFixture.readAll(engine, engine.createHeadToken()).events()).isEmpty();
        assertThat(StoreFixture.readAll(engine, engine.createTokenAt(between)).positions()).containsExactly(2L);
    }

    // 10 log correctness (issue 9) -----------------------------------------------------------------------------

    @Test
    void aTokenAtAWholeSecondOrMillisecondFindsEveryEventAtOrAfterIt() {
        // Instant.toString() writes 0, 3, 6 or 9 fraction digits: as strings, "…:30.250Z" sorts before "…:30Z"
        engine.appendEvents(event("t1", 0, "2026-03-01T10:15:29.999Z"));                      // 1
        engine.appendEvents(event("t2", 0, "2026-03-01T10:15:30.250Z"));                      // 2
        engine.appendEvents(event("t3", 0, "2026-03-01T10:15:30.250000001Z"));                // 3
        engine.appendEvents(event("t4", 0, "2026-03-01T10:15:31Z"));                          // 4

        assertThat(positionsFrom(Instant.parse("2026-03-01T10:15:30Z"))).containsExactly(2L, 3L, 4L);
        assertThat(positionsFrom(Instant.parse("2026-03-01T10:15:30.250Z"))).containsExactly(2L, 3L, 4L);
        assertThat(positionsFrom(Instant.parse("2026-03-01T10:15:30.250000001Z"))).containsExactly(3L, 4L);
        assertThat(positionsFrom(Instant.parse("2026-03-01T10:15:30.2500001Z"))).containsExactly(4L);
        assertThat(positionsFrom(Instant.parse("2026-03-01T10:15:29Z"))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(positionsFrom(Instant.parse("2026-03-01T10:15:31.000001Z"))).isEmpty();
    }

    @Test
    void aTokenAtATimeLooksAtEveryEventOfACommitNotOnlyItsFirst() {
        engine.appendEvents(event("early", 0, "2026-03-01T09:00:00Z"));                       // 1
        engine.appendEvents(event("c", 0, "2026-03-01T10:00:00Z"),                            // 2
                            event("c", 1, "2026-03-01T10:00:00.5Z"),                          // 3
                            event("c", 2, "2026-03-01T10:00:01Z"));                           // 4
        assertThat(positionsFrom(Instant.parse("2026-03-01T10:00:00.1Z"))).containsExactly(3L, 4L);
        assertThat(positionsFrom(Instant.parse("2026-03-01T10:00:01Z"))).containsExactly(4L);
    }

    @Test
    void aSequenceNumberAlreadyInsideACommitIsRefused() {
        engine.appendEvents(commit("dup", 0, 2));                                             // 0, 1
        assertThatThrownBy(() -> engine.appendEvents(incremented("dup", 1)))
                .isInstanceOf(ConcurrencyException.class);
        // another engine (nothing known in memory) is refused by the log itself
        MongoEventStorageEngine other = fixture.engine(database);
        assertThatThrownBy(() -> other.appendEvents(commit("dup", 1, 2))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> other.appendEvents(incremented("dup", 1), incremented("dup", 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("dup").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L);
        other.appendEvents(incremented("dup", 2));              // (one writing engine from here: in-process positions)
        assertThat(StoreFixture.readAll(other, null).events()).hasSize(3);
    }

    @Test
    void aReusedEventIdentifierIsRefusedAndDeliveredOnce() {
        DomainEventMessage<?> first = incremented("a", 0);
        engine.appendEvents(first);
        DomainEventMessage<?> sameId = new GenericDomainEventMessage<>("Counter", "b", 0,
                new TestEvents.Incremented("b", 1), MetaData.emptyInstance(), first.getIdentifier(), Instant.now());
        assertThatThrownBy(() -> engine.appendEvents(sameId)).isInstanceOf(AggregateStreamCreationException.class);
        DomainEventMessage<?> laterSameId = new GenericDomainEventMessage<>("Counter", "a", 1,
                new TestEvents.Incremented("a", 1), MetaData.emptyInstance(), first.getIdentifier(), Instant.now());
        assertThatThrownBy(() -> engine.appendEvents(laterSameId)).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(GenericEventMessage.asEventMessage(
                new TestEvents.Renamed("x", "y")).andMetaData(Map.of()), sameIdPlain(first)))
                .isInstanceOf(ConcurrencyException.class);

        StoreFixture.Read read = StoreFixture.readAll(engine, null);
        assertThat(read.ids()).containsExactly(first.getIdentifier());
        assertThat(engine.readEvents("b").asStream().count()).isZero();
    }

    private static EventMessage<?> sameIdPlain(EventMessage<?> of) {
        return new GenericEventMessage<>(new org.axonframework.messaging.GenericMessage<>(
                of.getIdentifier(), new TestEvents.Renamed("x", "z"), MetaData.emptyInstance()), of::getTimestamp);
    }

    @Test
    void anAppendThatWouldLeaveAHoleIsRefused() {
        assertThatThrownBy(() -> engine.appendEvents(incremented("h", 3)))        // a stream starting above 0
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(commit("h", 0, 2));
        assertThatThrownBy(() -> engine.appendEvents(incremented("h", 3)))        // 2 is missing
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> fixture.engine(database).appendEvents(incremented("h", 3)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(incremented("h", 2), incremented("h", 4)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.allocatedPositions()).isEqualTo(2);                     // refused before allocating
        fixture.engine(database).appendEvents(incremented("h", 2));               // a fresh engine looks it up
        assertThat(engine.readEvents("h").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
    }

    @Test
    void aStreamWithAHoleIsRefusedLoudlyNotLoadedShort() {
        for (long s = 0; s < 6; s++) {
            engine.appendEvents(incremented("holed", s));
        }
        database.getCollection(MongoEventStorageEngine.EVENTS)
                .deleteOne(new Document("aggregateId", "holed").append("seq", 3L));   // removed around the engine
        assertThatThrownBy(() -> fixture.engine(database).readEvents("holed").asStream().count())
                .isInstanceOf(EventStoreException.class).hasMessageContaining("no event with sequence number 3");
        // the engine that saw the stream reach 5 notices a stream that now ends early
        database.getCollection(MongoEventStorageEngine.EVENTS)
                .deleteMany(new Document("aggregateId", "holed").append("seq", new Document("$gte", 3L)));
        assertThatThrownBy(() -> engine.readEvents("holed").asStream().count())
                .isInstanceOf(EventStoreException.class).hasMessageContaining("no event with sequence number 3");
        // a stream that does not start at 0
        long position = allocateRaw(1);
        insertRaw(position, "late-start", 2);
        assertThatThrownBy(() -> engine.readEvents("late-start").asStream().count())
                .isInstanceOf(EventStoreException.class).hasMessageContaining("no event with sequence number 0");
    }

    @Test
    void aUnitOfWorkThatSpansTwoAggregatesIsAllOrNothing() {
        engine.appendEvents(commit("acc-a", 0, 2));                               // 1..2
        // through Axon's event store and a unit of work, as a command handler touching two aggregates would
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            store.publish(incremented("acc-b", 0));                              // a new aggregate
            store.publish(incremented("acc-a", 1));                              // a stale writer of acc-a: conflicts
            assertThatThrownBy(uow::commit).isInstanceOf(ConcurrencyException.class);
        } finally {
            store.shutDown();
        }
        assertThat(engine.readEvents("acc-b").asStream().count()).isZero();
        StoreFixture.Read afterRefusal = StoreFixture.readAll(engine, null);      // no waiting: a tombstone
        assertThat(afterRefusal.positions()).containsExactly(1L, 2L);
        assertThat(afterRefusal.gapAwareToken().getGaps()).isEmpty();

        // the same two aggregates, this time without a conflict: one commit, both streams complete
        List<EventMessage<?>> both = new ArrayList<>();
        both.add(incremented("acc-b", 0));
        both.add(incremented("acc-a", 2));
        both.add(incremented("acc-b", 1));
        both.add(GenericEventMessage.asEventMessage(new TestEvents.Renamed("process", "p")));
        engine.appendEvents(both);
        assertThat(engine.readEvents("acc-a").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
        assertThat(fixture.engine(database).readEvents("acc-b").asStream()
                          .map(DomainEventMessage::getSequenceNumber).toList()).containsExactly(0L, 1L);
        StoreFixture.Read read = StoreFixture.readAll(engine, afterRefusal.token());
        assertThat(read.ids()).containsExactlyElementsOf(both.stream().map(EventMessage::getIdentifier).toList());
        assertThat(read.events().get(1)).isInstanceOf(DomainEventMessage.class);
        assertThat(((DomainEventMessage<?>) read.events().get(1)).getAggregateIdentifier()).isEqualTo("acc-a");
        assertThat(read.events().get(3)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(engine.lastSequenceNumberFor("acc-b")).contains(1L);
        assertThat(fixture.engine(database).lastSequenceNumberFor("acc-b")).contains(1L);

        // a lost race on creating one of them reads as such
        List<EventMessage<?>> recreate = List.of(incremented("acc-a", 3), incremented("acc-b", 0));
        assertThatThrownBy(() -> fixture.engine(database).appendEvents(recreate))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("acc-a").asStream().count()).isEqualTo(3);
    }

    @Test
    void aStoreWrittenBeforeEveryEventHadItsKeyStillLoadsAndFindsTokensByTime() {
        // the layout of earlier builds: one key per commit (its first sequence number), recordedAt as a string
        MongoCollection<Document> events = database.getCollection(MongoEventStorageEngine.EVENTS);
        database.getCollection(MongoEventStorageEngine.POSITIONS).deleteOne(eq("_id", MongoEventStorageEngine.FORMAT_ID));
        events.insertOne(legacyCommit(1, "old", 0, "2026-03-01T10:15:29.500Z", "2026-03-01T10:15:30Z",
                                      "2026-03-01T10:15:30.250Z"));
        events.insertOne(legacyCommit(4, "old", 3, "2026-03-01T10:15:31Z"));
        database.getCollection(MongoEventStorageEngine.POSITIONS)
                .insertOne(new Document("_id", MongoEventStorageEngine.COUNTER_ID).append("value", 4L));
        MongoEventStorageEngine upgraded = fixture.engine(database);

        assertThat(upgraded.readEvents("old", 1).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(1L, 2L, 3L);                                     // from inside an old commit
        assertThat(upgraded.lastSequenceNumberFor("old")).contains(3L);
        assertThat(StoreFixture.readAll(upgraded, upgraded.createTokenAt(Instant.parse("2026-03-01T10:15:30Z")))
                               .positions()).containsExactly(2L, 3L, 4L);
        assertThatThrownBy(() -> upgraded.appendEvents(incremented("old", 2)))   // inside the old commit
                .isInstanceOf(ConcurrencyException.class);
        upgraded.appendEvents(incremented("old", 4));
        assertThat(upgraded.readEvents("old").asStream().count()).isEqualTo(5);
    }

    private static Document legacyCommit(long position, String aggregateId, long firstSeq, String... timestamps) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < timestamps.length; i++) {
            docs.add(new Document("eventId", UUID.randomUUID().toString()).append("seq", firstSeq + i)
                             .append("timestamp", timestamps[i])
                             .append("payloadType", TestEvents.Incremented.class.getName())
                             .append("payloadRevision", null)
                             .append("payload", "{\"counterId\":\"" + aggregateId + "\",\"by\":1}")
                             .append("metaData", "{}"));
        }
        return new Document("_id", position).append("last", position + timestamps.length - 1)
                .append("aggregateId", aggregateId).append("aggregateType", "Counter")
                .append("seq", firstSeq).append("lastSeq", firstSeq + timestamps.length - 1)
                .append("key", aggregateId + "/" + firstSeq).append("recordedAt", timestamps[0])
                .append("events", docs);
    }

    private List<Long> positionsFrom(Instant at) {
        return StoreFixture.readAll(engine, engine.createTokenAt(at)).positions();
    }

    private static DomainEventMessage<?> event(String aggregateId, long seq, String timestamp) {
        return new GenericDomainEventMessage<>("Counter", aggregateId, seq, new TestEvents.Incremented(aggregateId, 1),
                                               MetaData.emptyInstance(), UUID.randomUUID().toString(),
                                               Instant.parse(timestamp));
    }

    // 11 integration reads (issue 11) --------------------------------------------------------------------------

    @Test
    void readLogPagesTheLogInPositionOrderUpToTheSafeHeadAndFromInsideACommit() {
        engine.appendEvents(commit("r1", 0, 3));                  // 1..3
        engine.appendEvents(incremented("r2", 0));                // 4
        long hole = allocateRaw(1);                               // 5: allocated, not yet written
        engine.appendEvents(commit("r3", 0, 2));                  // 6..7

        assertThat(engine.safeHead()).isEqualTo(hole - 1);
        assertThat(pagedPositions(0, 2)).containsExactly(1L, 2L, 3L, 4L);
        LogSlice mid = engine.readLog(1, 1);                      // from inside the first commit
        assertThat(mid.events()).extracting(LoggedEvent::position).containsExactly(2L);
        assertThat(mid.readUpTo()).isEqualTo(2);
        assertThat(mid.events().get(0).aggregateId()).isEqualTo("r1");
        assertThat(mid.events().get(0).sequenceNumber()).isEqualTo(1);
        assertThat(mid.events().get(0).payload()).contains("\"counterId\":\"r1\"");
        assertThat(engine.readLog(4, 100).events()).isEmpty();    // nothing past the safe head
        assertThat(engine.readLog(4, 100).readUpTo()).isEqualTo(4);

        fixture.advance(Duration.ofSeconds(5));                   // a tracking reader would pass it; the log read waits
        assertThat(engine.safeHead()).isEqualTo(hole - 1);

        insertRaw(hole, "late", 0);                               // the late commit becomes visible
        assertThat(engine.safeHead()).isEqualTo(7);
        assertThat(pagedPositions(0, 3)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L)
                                        .isEqualTo(StoreFixture.readAll(engine, null).positions().stream().sorted().toList());
        assertThat(pagedIds(0, 1)).containsExactlyInAnyOrderElementsOf(StoreFixture.readAll(engine, null).ids());
    }

    @Test
    void aPositionMissingLongerThanTheGapTimeoutIsClosedAndItsLateCommitRefused() {
        engine.appendEvents(incremented("c1", 0));                // 1
        long hole = allocateRaw(2);                               // 2..3, a writer that stalls
        engine.appendEvents(incremented("c2", 0));                // 4
        assertThat(engine.safeHead()).isEqualTo(1);

        fixture.advance(Duration.ofSeconds(61));
        assertThat(engine.safeHead()).isEqualTo(4);
        assertThat(pagedPositions(0, 10)).containsExactly(1L, 4L);
        assertThatThrownBy(() -> insertRaw(hole - 1, "late", 0))   // the stalled writer's commit is refused
                .isInstanceOf(com.mongodb.MongoWriteException.class);
        assertThat(pagedPositions(0, 10)).containsExactly(1L, 4L);
        assertThat(StoreFixture.readAll(engine, null).positions()).containsExactly(1L, 4L);
    }

    @Test
    void aConsumerOfTheLogReadNeverSeesAPositionAtOrBelowOneItStoredUnderConcurrentWritersAndALateCommit()
            throws Exception {
        int writers = 4;
        int perWriter = (int) Math.max(20, 150 * scale());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            engine.appendEvents(incremented("early", i));         // 1..10
        }
        long late = allocateRaw(1);                               // 11: a commit that becomes visible only later
        for (int w = 0; w < writers; w++) {
            String aggregate = "w" + w;
            writes.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    engine.appendEvents(i % 5 == 0 ? commit(aggregate, i * 2L, 2) : List.of(incremented(aggregate, i * 2L)));
                    if (i % 5 != 0) {
                        engine.appendEvents(incremented(aggregate, i * 2L + 1));
                    }
                }
                return null;
            }));
        }
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        Future<?> consumer = pool.submit(() -> {
            long stored = 0;
            while (true) {
                boolean wasWriting = writing.get();
                LogSlice slice = engine.readLog(stored, 7);
                for (LoggedEvent e : slice.events()) {
                    if (e.position() <= stored) {
                        throw new AssertionError("position " + e.position() + " after storing " + stored);
                    }
                    stored = e.position();
                    seen.add(e.position());
                }
                assertThat(slice.readUpTo()).isGreaterThanOrEqualTo(stored).isLessThanOrEqualTo(slice.safeHead());
                stored = slice.readUpTo();
                if (slice.events().isEmpty()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a polling consumer
                }
                if (!wasWriting && slice.events().isEmpty() && stored == engine.safeHead()) {
                    return null;
                }
            }
        });
        for (Future<?> f : writes) {
            if (f == writes.get(writers / 2)) {
                insertRaw(late, "late", 0);                       // mid-way through the writes
            }
            f.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        consumer.get(2, TimeUnit.MINUTES);
        pool.shutdown();

        List<Long> all = StoreFixture.readAll(engine, null).positions().stream().sorted().toList();
        assertThat(all).hasSize(writers * perWriter * 2 + 11);
        assertThat(seen).isEqualTo(all);
    }

    private List<Long> pagedPositions(long after, int page) {
        List<Long> positions = new ArrayList<>();
        for (LoggedEvent e : paged(after, page)) {
            positions.add(e.position());
        }
        return positions;
    }

    private List<String> pagedIds(long after, int page) {
        return paged(after, page).stream().map(LoggedEvent::eventId).toList();
    }

    private List<LoggedEvent> paged(long after, int page) {
        List<LoggedEvent> out = new ArrayList<>();
        long next = after;
        while (true) {
            LogSlice slice = engine.readLog(next, page);
            out.addAll(slice.events());
            if (slice.readUpTo() == next) {
                return out;
            }
            next = slice.readUpTo();
        }
    }

    // helpers -------------------------------------------------------------------------------------------------

    /** A tracking reader that runs while {@code writing} is set, then reads once more to the end. */
    private Future<?> trackLive(TrackingToken start, AtomicBoolean writing, List<TrackedEventMessage<?>> sink) {
        return Executors.newSingleThreadExecutor().submit(() -> {
            TrackingToken token = start;
            while (true) {
                boolean wasWriting = writing.get();
                StoreFixture.Read read = StoreFixture.readAll(engine, token);
                sink.addAll(read.events());
                token = read.token();
                if (!wasWriting) {
                    return null;
                }
            }
        });
    }

    /** Allocates positions the way a writer does, without writing them; returns the last one. */
    protected long allocateRaw(int count) {
        return allocateRaw(engine, count);
    }

    protected static long allocateRaw(MongoEventStorageEngine writer, int count) {
        return writer.allocateUnwritten(count);
    }

    protected void insertRaw(long position, String aggregateId, long seq) {
        insertRaw(position, aggregateId, seq, TestEvents.Incremented.class.getName(),
                  "{\"counterId\":\"" + aggregateId + "\",\"by\":1}");
    }

    protected void insertRaw(long position, String aggregateId, long seq, String payloadType, String payload) {
        MongoCollection<Document> events = database.getCollection(MongoEventStorageEngine.EVENTS);
        String now = Instant.now().toString();
        events.insertOne(new Document("_id", position)
                                 .append("last", position)
                                 .append("aggregateId", aggregateId)
                                 .append("aggregateType", "Counter")
                                 .append("seq", seq).append("lastSeq", seq)
                                 .append("key", aggregateId + "/" + seq)
                                 .append("recordedAt", now)
                                 .append("events", List.of(new Document("eventId", UUID.randomUUID().toString())
                                                                   .append("seq", seq)
                                                                   .append("timestamp", now)
                                                                   .append("payloadType", payloadType)
                                                                   .append("payloadRevision", null)
                                                                   .append("payload", payload)
                                                                   .append("metaData", "{}"))));
    }
}
