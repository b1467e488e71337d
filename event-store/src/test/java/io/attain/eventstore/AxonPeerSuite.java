package io.attain.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.eventsourcing.utils.EventStoreTestUtils.AGGREGATE;
import static org.axonframework.eventsourcing.utils.EventStoreTestUtils.createEvent;
import static org.axonframework.eventsourcing.utils.EventStoreTestUtils.createEvents;

/**
 * The peer suite: Axon Framework 4.13's own storage-engine tests run against this engine.
 * <p>
 * <b>Unchanged.</b> The tests of {@code EventStorageEngineTest}, {@code AbstractEventStorageEngineTest} and
 * {@code BatchingEventStorageEngineTest} are inherited as they are from {@code axon-eventsourcing}'s test-jar
 * (Apache-2.0): this class only builds the engine ({@link #createEngine(UnaryOperator)}). Seven of Axon's token tests
 * are overridden, same names and outcomes, because Axon builds their events as streams that start above 0 (see
 * below).
 * <p>
 * <b>Written again, same names.</b> The tests that Axon keeps in its engine-specific classes (JDBC's
 * {@code JdbcEventStorageEngineTest}, the legacy JPA {@code JpaEventStorageEngineTest}, the Mongo extension's
 * {@code MongoEventStorageEngineTest} and {@code MongoEventStorageEngineTest_DocPerCommit}) reach into their
 * schema (SQL statements, entity managers) and cannot run here unchanged; each is written again below with Axon's
 * name and a reference to the test it mirrors, on this engine's documents where it needs raw access.
 * <p>
 * <b>Not applicable, and why.</b>
 * <ul>
 *     <li>JDBC {@code customSchemaConfig}, {@code customSchemaConfigTimestampColumn}: SQL table and column names;
 *     this engine's layout is fixed (ADR 0002), its only naming option is the collection prefix.</li>
 *     <li>JDBC {@code loadLargeAmountOfEventsFromAggregateStream_WithCustomFinalBatchPredicate}: counts the SQL
 *     statements a JDBC batch issues; the aggregate-load look-ups here are covered by
 *     {@code readEventsForAggregateWithEventsExceedingOneBatchReturnsTheCompleteStream}.</li>
 *     <li>JDBC {@code streamDoesNotCrossExtendedGapWhenDisabled}: a JDBC option ({@code extendedGapCheckEnabled});
 *     this reader always passes a missing position after the hold-back
 *     ({@code streamCrossesConsecutiveGapsOfMoreThanBatchSuccessfully}).</li>
 *     <li>{@code createTailToken}, {@code createHeadToken}, {@code createTokenAt}, {@code createTokenAtExactTime},
 *     {@code createTokenWithUnorderedEvents}, {@code createTokenAtTimeAfterLastEvent},
 *     {@code createTokenAtTimeBeforeFirstEvent}: Axon's versions append events with sequence numbers 1, 2, ... of
 *     new aggregates, which this engine refuses as holes; overridden with each event its aggregate's first.</li>
 *     <li>JDBC {@code readEventsForAggregateWithGapsReturnsTheCompleteStream} and
 *     {@code readEventsForAggregateWithEventsExceedingOneBatchAndGapsReturnsTheCompleteStream} expect a stream with
 *     holes to be stored and loaded with its holes. This engine refuses to write a hole (a
 *     {@link ConcurrencyException}, like KurrentDB's wrong expected version) and refuses to load a stream with one
 *     instead of loading it short: the tests of the same names below say so.</li>
 *     <li>JPA {@code appendEventsIsPerformedInATransaction}: checks the calls to a JPA transaction manager; here one
 *     append is one document, which is what makes it all-or-nothing
 *     ({@code EventStoreConformance#aUnitOfWorkThatSpansTwoAggregatesIsRefusedAndWritesNothing}).</li>
 *     <li>JPA {@code unknownSerializedTypeCausesException}: JPA fails on an unknown serialized <em>snapshot</em>
 *     type at load; this engine's snapshots go through Axon's snapshot filter and upcasters like any engine's, and
 *     unknown event payloads never stop a reader ({@code eventsWithUnknownPayloadTypeDoNotResultInError}).</li>
 *     <li>Mongo extension: its overrides of {@code createTailToken}, {@code createTokenAt},
 *     {@code createTokenAtExactTime} and {@code createTokenWithUnorderedEvents} expect its timestamp-ordered
 *     token, and {@code storeAndLoadSnapshot} that the last snapshot stored wins; this engine orders by global
 *     position and keeps the newest snapshot, as Axon's own (inherited) versions of these tests expect. Its
 *     {@code uniqueKeyConstraintOnEventIdentifier} is switched off there ("not guaranteed"); here Axon's inherited
 *     test runs and passes. Its {@code storeDuplicateEventWithoutExceptionResolver}/{@code ...WithExceptionTranslator}
 *     overrides contradict Axon's inherited versions, which run here. {@code MongoTrackingTokenTest} tests the
 *     extension's token, which this engine does not use.</li>
 * </ul>
 */
public abstract class AxonPeerSuite
        extends BatchingEventStorageEngineTest<MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

    protected final StoreFixture fixture = new StoreFixture();
    protected MongoDatabase database;
    private MongoEventStorageEngine testSubject;

    /** A fresh, empty database for one test. */
    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void setUpEngine() {
        database = freshDatabase();
        setTestSubject(testSubject = createEngine());
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.drop();
        }
    }

    @Override
    protected MongoEventStorageEngine createEngine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        return customization.apply(fixture.builder(database)).build();
    }

    private MongoCollection<Document> commits() {
        return database.getCollection(MongoEventStorageEngine.EVENTS);
    }

    // ------------------------------------------------- EventStorageEngineTest's token tests, streams from 0

    /*
     * Axon 4.13's token tests build each event with EventStoreTestUtils.createEvent(seq, timestamp): sequence numbers
     * 0, 1, 2, ... of as many new aggregates, i.e. streams that start above 0. This engine refuses to write those
     * (a hole; see the class comment), so these seven run here with each event the first of its aggregate, the same
     * timestamps, appended in one unit of work as Axon's do, and Axon's expected outcome.
     */

    private static DomainEventMessage<String> first(String timestamp) {
        return new GenericDomainEventMessage<>("aggregate", UUID.randomUUID().toString(), 0, "payload",
                                               MetaData.with("key", "value"), UUID.randomUUID().toString(),
                                               Instant.parse(timestamp));
    }

    private List<String> idsFrom(TrackingToken token) {
        return testSubject.readEvents(token, false).map(EventMessage::getIdentifier).toList();
    }

    private static List<String> ids(EventMessage<?>... events) {
        return java.util.Arrays.stream(events).map(EventMessage::getIdentifier).toList();
    }

    @Test
    @Override
    public void createTailToken() {
        var e1 = first("2007-12-03T10:15:00.00Z");
        var e2 = first("2007-12-03T10:15:40.00Z");
        var e3 = first("2007-12-03T10:15:35.00Z");
        testSubject.appendEvents(e1, e2, e3);
        assertThat(idsFrom(testSubject.createTailToken())).isEqualTo(ids(e1, e2, e3));
    }

    @Test
    @Override
    public void createHeadToken() {
        testSubject.appendEvents(first("2007-12-03T10:15:00.00Z"), first("2007-12-03T10:15:40.00Z"),
                                 first("2007-12-03T10:15:35.00Z"));
        assertThat(idsFrom(testSubject.createHeadToken())).isEmpty();
    }

    @Test
    @Override
    public void createTokenAt() {
        var e1 = first("2007-12-03T10:15:00.00Z");
        var e2 = first("2007-12-03T10:15:40.00Z");
        var e3 = first("2007-12-03T10:15:35.00Z");
        testSubject.appendEvents(e1, e2, e3);
        assertThat(idsFrom(testSubject.createTokenAt(Instant.parse("2007-12-03T10:15:30.00Z"))))
                .isEqualTo(ids(e2, e3));
    }

    @Test
    @Override
    public void createTokenAtExactTime() {
        var e1 = first("2007-12-03T10:15:30.00Z");
        var e2 = first("2007-12-03T10:15:40.00Z");
        var e3 = first("2007-12-03T10:15:35.00Z");
        testSubject.appendEvents(e1, e2, e3);
        assertThat(idsFrom(testSubject.createTokenAt(Instant.parse("2007-12-03T10:15:30.00Z"))))
                .isEqualTo(ids(e1, e2, e3));
    }

    @Test
    @Override
    public void createTokenWithUnorderedEvents() {
        var e1 = first("2007-12-03T10:15:30.00Z");
        var e2 = first("2007-12-03T10:15:40.00Z");
        var e3 = first("2007-12-03T10:15:50.00Z");
        var e4 = first("2007-12-03T10:15:45.00Z");
        var e5 = first("2007-12-03T10:15:42.00Z");
        testSubject.appendEvents(e1, e2, e3, e4, e5);
        assertThat(idsFrom(testSubject.createTokenAt(Instant.parse("2007-12-03T10:15:45.00Z"))))
                .isEqualTo(ids(e3, e4, e5));
    }

    @Test
    @Override
    public void createTokenAtTimeAfterLastEvent() {
        testSubject.appendEvents(first("2007-12-03T10:15:30.00Z"), first("2007-12-03T10:15:40.00Z"),
                                 first("2007-12-03T10:15:35.00Z"));
        assertThat(idsFrom(testSubject.createTokenAt(Instant.parse("2008-12-03T10:15:30.00Z")))).isEmpty();
    }

    @Test
    @Override
    public void createTokenAtTimeBeforeFirstEvent() {
        var e1 = first("2007-12-03T10:15:30.00Z");
        var e2 = first("2007-12-03T10:15:40.00Z");
        var e3 = first("2007-12-03T10:15:35.00Z");
        testSubject.appendEvents(e1, e2, e3);
        assertThat(idsFrom(testSubject.createTokenAt(Instant.parse("2006-12-03T10:15:30.00Z"))))
                .isEqualTo(ids(e1, e2, e3));
    }

    // ------------------------------------------------------------------ JdbcEventStorageEngineTest (Axon 4.13)

    /** Mirrors JDBC's {@code testLoadLargeAmountOfEventsFromAggregateStream} (calls Axon's inherited body). */
    @Test
    void testLoadLargeAmountOfEventsFromAggregateStream() {
        loadLargeAmountOfEventsFromAggregateStream();
    }

    /** Mirrors JDBC's {@code storeTwoExactSameSnapshots}. */
    @Test
    void storeTwoExactSameSnapshots() {
        testSubject.storeSnapshot(createEvent(1));
        testSubject.storeSnapshot(createEvent(1));
        assertThat(testSubject.readSnapshot(AGGREGATE)).get().extracting(DomainEventMessage::getSequenceNumber)
                                                        .isEqualTo(1L);
    }

    /** Mirrors JDBC's and JPA's {@code loadLastSequenceNumber}. */
    @Test
    void loadLastSequenceNumber() {
        String aggregateId = UUID.randomUUID().toString();
        testSubject.appendEvents(createEvent(aggregateId, 0), createEvent(aggregateId, 1));
        assertThat(testSubject.lastSequenceNumberFor(aggregateId)).contains(1L);
        assertThat(testSubject.lastSequenceNumberFor("inexistent")).isEmpty();
        // a fresh engine (nothing known in memory) finds it in the log
        assertThat(createEngine().lastSequenceNumberFor(aggregateId)).contains(1L);
    }

    /**
     * Mirrors JDBC's and JPA's {@code gapsForVeryOldEventsAreNotIncluded}. Axon drops gaps by the events'
     * timestamps; this engine times a missing position on the reader's monotonic clock (ADR 0002), so here the
     * positions go missing, the clock passes the gap timeout, and the token no longer carries them.
     */
    @Test
    void gapsForVeryOldEventsAreNotIncluded() {
        for (int i = 0; i < 4; i++) {
            testSubject.appendEvents(createEvent("hole-" + i, 0));   // 1, 3, 5, 7: removed below
            testSubject.appendEvents(createEvent(i));                // 2, 4, 6, 8
        }
        commits().deleteMany(regex("aggregateId", "^hole-"));

        assertThat(StoreFixture.readAll(testSubject, null).events()).isEmpty(); // held back: the clocks start
        fixture.advance(Duration.ofSeconds(3));                      // past the hold-back: the holes are passed
        StoreFixture.Read passed = StoreFixture.readAll(testSubject, null);
        assertThat(passed.positions()).containsExactly(2L, 4L, 6L, 8L);
        assertThat(passed.gapAwareToken().getGaps()).containsExactly(1L, 3L, 5L, 7L);

        fixture.advance(Duration.ofMinutes(2));                      // past the gap timeout
        testSubject.appendEvents(createEvent(4));                    // 9
        List<? extends TrackedEventData<?>> fetched = testSubject.fetchTrackedEvents(passed.token(), 100);
        assertThat(fetched).hasSize(1);
        fetched.stream().map(e -> (GapAwareTrackingToken) e.trackingToken())
               .forEach(token -> assertThat(token.getGaps()).isEmpty());
    }

    /**
     * Mirrors JDBC's and JPA's {@code oldGapsAreRemovedFromProvidedTrackingToken}: a token handed in with gaps, some
     * of them far behind; the gaps that waited longer than the gap timeout are removed, the recent one is kept.
     */
    @Test
    void oldGapsAreRemovedFromProvidedTrackingToken() {
        for (long s = 0; s < 7; s++) {
            testSubject.appendEvents(createEvent(s));                // positions 1..7
        }
        GapAwareTrackingToken handedIn = GapAwareTrackingToken.newInstance(
                7, LongStream.range(-50, 1).boxed().toList());
        // the first look starts the gap clocks; none of these positions will ever be written
        assertThat(testSubject.fetchTrackedEvents(handedIn, 100)).isEmpty();
        fixture.advance(Duration.ofMinutes(2));
        testSubject.appendEvents(createEvent(7));                    // 8
        List<? extends TrackedEventData<?>> events = testSubject.fetchTrackedEvents(handedIn, 100);
        assertThat(events).hasSize(1);
        assertThat(((GapAwareTrackingToken) events.get(0).trackingToken()).getGaps()).isEmpty();
    }

    /** Mirrors JDBC's {@code eventsWithUnknownPayloadTypeDoNotResultInError} and JPA's {@code ...PayloadDo...}. */
    @Test
    void eventsWithUnknownPayloadTypeDoNotResultInError() {
        MongoEventStorageEngine engine = createEngine(b -> b.batchSize(2));
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            engine.appendEvents(createEvent(AGGREGATE, 0, "Payload1"), createEvent(AGGREGATE, 1, "Payload2"));
            for (Document commit : commits().find()) {          // the first batch's payload type is unknown
                List<Document> stored = commit.getList("events", Document.class);
                stored.forEach(e -> e.put("payloadType", "unknown"));
                commits().updateOne(eq("_id", commit.get("_id")), set("events", stored));
            }
            engine.appendEvents(createEvent(AGGREGATE, 2, "Payload3"), createEvent(AGGREGATE, 3, "Payload4"));

            List<Object> known = engine.readEvents(null, false).<Object>map(EventMessage::getPayload)
                                       .filter(p -> p instanceof String).toList();
            assertThat(known).containsExactly("Payload3", "Payload4");

            TrackingEventStream stream = store.openStream(null);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayloadType()).isEqualTo(UnknownSerializedType.class);
            assertThat(stream.nextAvailable().getPayloadType()).isEqualTo(UnknownSerializedType.class);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("Payload3");
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("Payload4");
            stream.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            store.shutDown();
        }
    }

    /**
     * Mirrors JDBC's {@code streamCrossesConsecutiveGapsOfMoreThanBatchSuccessfully}: 20 consecutive positions
     * missing in the middle of 100, batch size 10. The reader holds back at the hole for the hold-back (so that
     * concurrent writers are normally delivered in order), then crosses it.
     */
    @Test
    void streamCrossesConsecutiveGapsOfMoreThanBatchSuccessfully() {
        MongoEventStorageEngine engine = createEngine(b -> b.batchSize(10));
        for (int i = 0; i < 100; i++) {
            engine.appendEvents(createEvent("agg-" + i, 0));          // positions 1..100, one commit each
        }
        commits().deleteMany(and(gte("_id", 21L), lt("_id", 41L)));
        assertThat(StoreFixture.readAll(engine, null).events()).hasSize(20);
        fixture.advance(Duration.ofSeconds(3));
        List<? extends TrackedEventMessage<?>> actual = engine.readEvents(null, false).toList();
        assertThat(actual).hasSize(80);
    }

    /** Mirrors JDBC's {@code streamCrossesInitialConsecutiveGapsOfMoreThanBatchSuccessfully}. */
    @Test
    void streamCrossesInitialConsecutiveGapsOfMoreThanBatchSuccessfully() {
        MongoEventStorageEngine engine = createEngine(b -> b.batchSize(10));
        for (int i = 0; i < 100; i++) {
            engine.appendEvents(createEvent("agg-" + i, 0));
        }
        commits().deleteMany(lt("_id", 21L));
        assertThat(StoreFixture.readAll(engine, null).events()).isEmpty();
        fixture.advance(Duration.ofSeconds(3));
        assertThat(engine.readEvents(null, false).toList()).hasSize(80);
    }

    /** Mirrors JDBC's {@code readEventsForAggregateReturnsTheCompleteStream}. */
    @Test
    void readEventsForAggregateReturnsTheCompleteStream() {
        MongoEventStorageEngine engine = createEngine(b -> b.batchSize(10));
        engine.appendEvents(createEvent(0), createEvent(1), createEvent(2), createEvent(3), createEvent(4));
        assertThat(engine.readEvents(AGGREGATE, 0L).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    /**
     * Same name as JDBC's test, opposite outcome on purpose (see the class comment): a stream with a hole is not
     * written, and a hole made around the engine is refused at load, never loaded short.
     */
    @Test
    void readEventsForAggregateWithGapsReturnsTheCompleteStream() {
        MongoEventStorageEngine engine = createEngine(b -> b.batchSize(10));
        assertThatThrownBy(() -> engine.appendEvents(createEvent(0), createEvent(1), createEvent(3), createEvent(4)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents(AGGREGATE, 0L).asStream().count()).isZero();
        assertThat(StoreFixture.readAll(engine, null).events()).isEmpty();

        for (long s = 0; s < 5; s++) {
            engine.appendEvents(createEvent(s));
        }
        commits().deleteOne(and(eq("aggregateId", AGGREGATE), eq("seq", 2L)));   // a "repair" around the engine
        assertThatThrownBy(() -> createEngine().readEvents(AGGREGATE, 0L).asStream().count())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("no event with sequence number 2");
    }

    /** Mirrors JDBC's {@code readEventsForAggregateWithEventsExceedingOneBatchReturnsTheCompleteStream}. */
    @Test
    void readEventsForAggregateWithEventsExceedingOneBatchReturnsTheCompleteStream() {
        MongoEventStorageEngine engine = createEngine(b -> b.batchSize(5));
        engine.appendEvents(createEvents(8));
        for (long s = 8; s < 20; s++) {
            engine.appendEvents(createEvent(s));
        }
        assertThat(createEngine(b -> b.batchSize(5)).readEvents(AGGREGATE, 0L).asStream()
                                                     .map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(LongStream.range(0, 20).boxed().toList());
    }

    /** Same name as JDBC's test, opposite outcome on purpose (see the class comment). */
    @Test
    void readEventsForAggregateWithEventsExceedingOneBatchAndGapsReturnsTheCompleteStream() {
        MongoEventStorageEngine engine = createEngine(b -> b.batchSize(5));
        engine.appendEvents(createEvent(0), createEvent(1));
        assertThatThrownBy(() -> engine.appendEvents(createEvent(3), createEvent(4), createEvent(5)))
                .isInstanceOf(ConcurrencyException.class);                     // 2 is missing
        for (long s = 2; s < 12; s++) {
            engine.appendEvents(createEvent(s));
        }
        commits().deleteOne(and(eq("aggregateId", AGGREGATE), eq("seq", 7L)));
        assertThatThrownBy(() -> createEngine(b -> b.batchSize(5)).readEvents(AGGREGATE, 0L).asStream().count())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("no event with sequence number 7");
    }

    // ----------------------------------------------------------------------- JpaEventStorageEngineTest (Axon 4.13)

    /** Mirrors JPA's {@code storeAndLoadEventsFromDatastore}: a second engine on the same store reads the same. */
    @Test
    void storeAndLoadEventsFromDatastore() {
        testSubject.appendEvents(createEvents(2));
        MongoEventStorageEngine other = createEngine();
        assertThat(other.readEvents(AGGREGATE).asStream().count()).isEqualTo(2);
        assertThat(other.readEvents(null, false).count()).isEqualTo(2);
    }

    // --------------------------------------------------- Mongo extension's MongoEventStorageEngineTest (4.12)

    /** Mirrors the Mongo extension's {@code testOnlySingleSnapshotRemains}. */
    @Test
    void onlySingleSnapshotRemains() {
        testSubject.storeSnapshot(createEvent(0));
        testSubject.storeSnapshot(createEvent(1));
        testSubject.storeSnapshot(createEvent(2));
        assertThat(database.getCollection(MongoEventStorageEngine.SNAPSHOTS).countDocuments()).isEqualTo(1);
    }

    /** Mirrors the Mongo extension's {@code testFetchHighestSequenceNumber} (both variants). */
    @Test
    void fetchHighestSequenceNumber() {
        testSubject.appendEvents(createEvent(0), createEvent(1));
        testSubject.appendEvents(createEvent(2), createEvent(3));
        assertThat(testSubject.lastSequenceNumberFor(AGGREGATE)).contains(3L);
        assertThat(testSubject.lastSequenceNumberFor("notexist")).isEmpty();
    }

    /** Mirrors the extension's {@code testFetchingEventsReturnsResultsWhenMoreThanBatchSizeCommitsAreAvailable}. */
    @Test
    void fetchingEventsReturnsResultsWhenMoreThanBatchSizeCommitsAreAvailable() {
        appendFiveCommitsOfThree();
        List<? extends TrackedEventData<?>> result = testSubject.fetchTrackedEvents(null, 2);
        TrackedEventData<?> last = result.get(result.size() - 1);
        List<? extends TrackedEventData<?>> actual = testSubject.fetchTrackedEvents(last.trackingToken(), 2);
        assertThat(actual).isNotEmpty();
        assertThat(((DomainEventData<?>) actual.get(0)).getSequenceNumber()).isEqualTo(result.size());
    }

    /** Mirrors the extension's {@code ..._PartiallyReadingCommit}: a token inside a commit gets the commit's rest. */
    @Test
    void fetchingEventsReturnsResultsWhenMoreThanBatchSizeCommitsAreAvailable_PartiallyReadingCommit() {
        appendFiveCommitsOfThree();
        List<? extends TrackedEventData<?>> result = testSubject.fetchTrackedEvents(null, 2);
        TrackedEventData<?> last = result.get(result.size() - 2);
        List<? extends TrackedEventData<?>> actual = testSubject.fetchTrackedEvents(last.trackingToken(), 2);
        assertThat(actual).isNotEmpty();
        assertThat(((DomainEventData<?>) actual.get(0)).getSequenceNumber()).isEqualTo(result.size() - 1);
    }

    private void appendFiveCommitsOfThree() {
        for (long s = 0; s < 15; s += 3) {
            testSubject.appendEvents(createEvent(s), createEvent(s + 1), createEvent(s + 2));
        }
    }
}
