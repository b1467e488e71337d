package io.attain.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static io.attain.eventstore.TestEvents.incremented;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole conformance suite, restart included, with positions handed out from memory
 * ({@link PositionAllocator.InProcess}, the embedded default's setting) on the durable (journaled) backend, plus what is
 * particular to it: the counter reserves blocks,
 * a restart continues after the last position written (so that positions handed out but never written are handed
 * out again), and readers never pass missing positions at the tail.
 */
class InProcessPositionsConformanceTest extends EmbeddedFileConformanceTest {

    InProcessPositionsConformanceTest() {
        fixture.inProcessPositions = true;
    }

    @Test
    void oneCounterWriteReservesABlockAndTheCounterNeverTrailsAHandedOutPosition() {
        for (int i = 0; i < PositionAllocator.InProcess.BLOCK + 10; i++) {
            engine.appendEvents(incremented("c-" + i, 0));
        }
        Document counter = counter();
        assertThat(engine.allocatedPositions()).isEqualTo(PositionAllocator.InProcess.BLOCK + 10);
        assertThat(counter.get("value", Number.class).longValue()).isEqualTo(2L * PositionAllocator.InProcess.BLOCK);
        assertThat(counter.get("from", Number.class).longValue()).isEqualTo(PositionAllocator.InProcess.BLOCK + 1);
        // a commit larger than a block reserves what it needs, starting at its own first position
        engine.appendEvents(TestEvents.commit("big", 0, 2 * PositionAllocator.InProcess.BLOCK));
        assertThat(counter().get("from", Number.class).longValue())
                .isLessThanOrEqualTo(PositionAllocator.InProcess.BLOCK + 11);
        assertThat(StoreFixture.readAll(engine, null).positions())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 3L * PositionAllocator.InProcess.BLOCK + 10)
                                                     .boxed().toList());
    }

    @Test
    void aRestartContinuesAfterTheLastPositionWrittenAndHandsOutUnwrittenOnesAgain() {
        engine.appendEvents(incremented("a", 0));                 // 1
        engine.appendEvents(TestEvents.commit("b", 0, 2));        // 2..3
        allocateRaw(2);                                           // 4..5 handed out, then the process died

        MongoEventStorageEngine restarted = fixture.engine(database);
        assertThat(restarted.allocatedPositions()).isEqualTo(3);
        restarted.appendEvents(incremented("a", 1));              // 4 again
        StoreFixture.Read read = StoreFixture.readAll(restarted, null);
        assertThat(read.positions()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(read.gapAwareToken().getGaps()).isEmpty();
    }

    @Test
    void aRestartAfterACounterAllocatorTakesEveryCountedPositionAsHandedOut() {
        MongoEventStorageEngine counting = new StoreFixture().engine(database);   // the default: one $inc per append
        counting.appendEvents(incremented("a", 0));              // 1
        allocateRaw(counting, 2);                                // 2..3 counted, never written
        MongoEventStorageEngine inProcess = fixture.engine(database);
        assertThat(inProcess.allocatedPositions()).isEqualTo(3);
        inProcess.appendEvents(incremented("a", 1));             // 4
        assertThat(StoreFixture.readAll(inProcess, null).positions()).containsExactly(1L); // 2..3 held back
        fixture.advance(Duration.ofSeconds(3));
        assertThat(StoreFixture.readAll(inProcess, null).positions()).containsExactly(1L, 4L);
    }

    @Test
    void missingPositionsAtTheTailAreNeverPassedOnlyOnceACommitFollowsThem() {
        engine.appendEvents(incremented("a", 0));                 // 1
        long hole = allocateRaw(1);                               // 2: handed out, not written

        assertThat(StoreFixture.readAll(engine, null).positions()).containsExactly(1L); // 2's clock starts
        fixture.advance(Duration.ofSeconds(3));                   // past the hold-back: a Counter reader passes 2 now
        StoreFixture.Read first = StoreFixture.readAll(engine, null);
        assertThat(first.positions()).containsExactly(1L);
        assertThat(first.gapAwareToken().getIndex()).isEqualTo(1L); // 2 not passed: a restart could hand it out again

        engine.appendEvents(incremented("b", 0));                 // 3
        StoreFixture.Read rest = StoreFixture.readAll(engine, first.token());
        assertThat(rest.positions()).containsExactly(3L);         // no longer the tail: passed (its hold-back is over)
        assertThat(rest.gapAwareToken().getGaps()).containsExactly(hole);
    }

    private Document counter() {
        return database.getCollection(MongoEventStorageEngine.POSITIONS)
                       .find(eq("_id", MongoEventStorageEngine.COUNTER_ID)).first();
    }
}
