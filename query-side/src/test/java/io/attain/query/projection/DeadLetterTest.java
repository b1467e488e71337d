package io.attain.query.projection;

import io.attain.kernel.common.Stage;
import io.attain.query.funnel.FunnelProjection;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import io.attain.kernel.deal.DealWonEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison events (ADR 0007): a handler that changed documents and then throws leaves no trace in its batch, the event
 * goes to the processor's dead-letter queue, the same deal's later events are parked behind it, other deals' events
 * are applied; after the cause is fixed a retry applies the parked sequence in order, exactly once, through the
 * journal and bulk write, and the read models equal a clean replay.
 */
class DeadLetterTest {

    final List<ProjectionHarness> harnesses = new ArrayList<>();

    @AfterEach
    void close() {
        harnesses.forEach(ProjectionHarness::close);
    }

    /** Fails every event of {@code deal} from its win on, after the handlers changed the batch; switchable. */
    static final class Poison implements ProjectionStore.FaultInjector {
        final String deal;
        volatile boolean on = true;
        final AtomicInteger thrown = new AtomicInteger();
        /** Crashes the next commit after its journal, before any document write. */
        volatile boolean crashNextCommit;

        Poison(String deal) {
            this.deal = deal;
        }

        @Override
        public void afterHandlers(String projection, EventMessage<?> event) {
            if (on && event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier().equals(deal)
                    && event.getPayload() instanceof DealWonEvent) {
                thrown.incrementAndGet();
                throw new IllegalStateException("poisoned win of " + deal);
            }
        }

        @Override
        public int allowWrites(String projection, int written, int count) {
            if (crashNextCommit) {
                crashNextCommit = false;
                return 0;
            }
            return count;
        }
    }

    private ProjectionHarness harness(int batchSize) {
        ProjectionHarness h = ProjectionHarness.start(batchSize);
        harnesses.add(h);
        return h;
    }

    /** The events; without {@code d1}'s win and everything of d1 after it when {@code withPoisoned} is false. */
    private static void publish(ProjectionHarness h, boolean withPoisoned) {
        Fixtures f = new Fixtures(h);
        f.region("east", "East");
        f.team("t1", "east", "m1");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t1", "2016-01-04");
        f.open("d1", "anna", "Acme", "1000", Stage.LEAD, "2017-05-02T10:00:00Z");
        f.open("d2", "boris", "Beta", "500", Stage.LEAD, "2017-05-03T10:00:00Z");
        f.move("d1", Stage.LEAD, Stage.QUALIFIED, "2017-05-05T10:00:00Z");
        if (withPoisoned) {
            f.win("d1", Stage.QUALIFIED, "1200", "2017-05-20T10:00:00Z");       // dead-lettered
        }
        f.win("d2", Stage.LEAD, "700", "2017-05-21T10:00:00Z");
        if (withPoisoned) {
            f.amount("d1", "1200", "1300", "2017-05-22T10:00:00Z");             // parked behind it
            f.amount("d1", "1300", "1400", "2017-05-23T10:00:00Z");             // parked behind it
        }
        f.open("d3", "boris", "Gamma", "800", Stage.QUALIFIED, "2017-05-24T10:00:00Z");
        f.visit("anna", "2017-05-25T10:00:00Z");
    }

    private static Map<String, String> hashes(ProjectionHarness h, String... collections) {
        Map<String, String> all = h.hashes();
        Map<String, String> some = new LinkedHashMap<>();
        for (String c : collections) {
            some.put(c, all.get(c));
        }
        return some;
    }

    private static List<DeadLetters.Letter> letters(ProjectionHarness h, String projection) {
        return h.runtime().deadLetters(projection);
    }

    @Test
    void aPoisonEventIsDeadLetteredWithoutTraceAndARetryCatchesUpExactlyOnce() {
        ProjectionHarness h = harness(100);
        Poison funnelPoison = new Poison("d1");
        Poison timelinePoison = new Poison("d1");
        h.projection("funnel").store().faults(funnelPoison);
        h.projection("deal-timeline").store().faults(timelinePoison);
        publish(h, true);
        h.awaitCaughtUp();

        // the win is in the queue, the deal's two later events parked behind it, in order
        List<DeadLetters.Letter> funnel = letters(h, "funnel");
        assertThat(funnel).extracting(DeadLetters.Letter::sequenceId).containsOnly("d1");
        assertThat(funnel).extracting(DeadLetters.Letter::type)
                          .containsExactly("DealWonEvent", "DealAmountChangedEvent", "DealAmountChangedEvent");
        assertThat(funnel.get(0).causeType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(funnel.get(0).causeMessage()).contains("poisoned win of d1");
        assertThat(funnel.get(0).processor()).isEqualTo("funnel");
        assertThat(funnel.get(0).position()).isPositive();
        assertThat(funnel.get(1).causeType()).isNull(); // parked, never handled
        assertThat(funnelPoison.thrown).hasValue(1);
        assertThat(letters(h, "deal-timeline")).hasSize(3);
        assertThat(letters(h, null)).hasSize(6);
        assertThat(letters(h, "scorecards")).isEmpty();
        assertThat(h.runtime().deadLetterSequences("funnel")).isEqualTo(1);

        // no trace of the win in the funnel (its handler changed documents before the fault), d2 and d3 applied:
        // the funnel equals one built from the log without d1's win and later events
        ProjectionHarness clean = harness(100);
        publish(clean, false);
        clean.awaitCaughtUp();
        String[] funnelCollections = FunnelProjection.COLLECTIONS.toArray(String[]::new);
        assertThat(hashes(h, funnelCollections))
                .as(() -> ProjectionHarness.diff(clean.snapshot(), h.snapshot()))
                .isEqualTo(hashes(clean, funnelCollections));
        Document d1 = h.doc("funnel_deals", "d1");
        assertThat(d1.getString("stage")).isEqualTo("QUALIFIED");
        assertThat(h.doc("funnel_deals", "d2").getString("stage")).isEqualTo("WON");
        Document timeline = h.doc("deal_timelines", "d1");
        assertThat(timeline.get("events", Document.class).keySet()).containsExactly("e0", "e1");

        // a retry while the cause is still there: fails again, nothing written, the retry is counted
        DeadLetters.RetryResult failed = h.runtime().retryDeadLetters("funnel", "d1");
        assertThat(failed.processed()).isEmpty();
        assertThat(failed.failed()).extracting(DeadLetters.Attempt::type).containsExactly("DealWonEvent");
        assertThat(failed.remaining()).isEqualTo(3);
        assertThat(letters(h, "funnel").get(0).retries()).isEqualTo(1);
        assertThat(hashes(h, funnelCollections)).isEqualTo(hashes(clean, funnelCollections));

        // fixed: the retry processes the sequence in order, once
        funnelPoison.on = false;
        timelinePoison.on = false;
        DeadLetters.RetryResult retried = h.runtime().retryDeadLetters("funnel", "d1");
        assertThat(retried.failed()).isEmpty();
        assertThat(retried.processed()).extracting(DeadLetters.Attempt::type)
                                       .containsExactly("DealWonEvent", "DealAmountChangedEvent",
                                                        "DealAmountChangedEvent");
        assertThat(retried.remaining()).isZero();
        assertThat(letters(h, "funnel")).isEmpty();
        DeadLetters.RetryResult all = h.runtime().retryDeadLetters("deal-timeline", null);
        assertThat(all.processed()).hasSize(3);
        assertThat(letters(h, null)).isEmpty();
        assertThat(h.runtime().retryDeadLetters("funnel", null).processed()).isEmpty();

        // the processors carry on after the retry
        new Fixtures(h).amount("d1", "1400", "1500", "2017-05-26T10:00:00Z");
        h.awaitCaughtUp();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                h.doc("deal_timelines", "d1").get("events", Document.class).keySet()).hasSize(6));
        assertThat(h.doc("funnel_deals", "d1").getString("stage")).isEqualTo("WON");

        // the read models equal a clean replay of the whole log (every projection)
        Map<String, String> live = h.hashes();
        Map<String, Map<String, String>> liveDocs = h.snapshot();
        for (String name : List.of("funnel", "leaderboards", "attainment", "scorecards", "deal-timeline",
                                   "statements")) {
            h.replay(name);
        }
        h.awaitCaughtUp();
        assertThat(h.hashes()).as(() -> ProjectionHarness.diff(liveDocs, h.snapshot())).isEqualTo(live);
    }

    @Test
    void aRetryThatCrashesHalfWayIsCompletedExactlyOnce() {
        ProjectionHarness h = harness(100);
        Poison poison = new Poison("d1");
        h.projection("funnel").store().faults(poison);
        publish(h, true);
        h.awaitCaughtUp();
        ProjectionHarness clean = harness(100);
        publish(clean, true);
        clean.awaitCaughtUp();
        String[] funnelCollections = FunnelProjection.COLLECTIONS.toArray(String[]::new);

        // fixed, but the retry's first batch crashes after its journal: the letter stays, the journal is rolled
        // forward when the processor claims its segment again (documents and applied-marker)
        poison.on = false;
        poison.crashNextCommit = true;
        DeadLetters.RetryResult crashed = h.runtime().retryDeadLetters("funnel", "d1");
        assertThat(crashed.processed()).isEmpty();
        assertThat(crashed.failed()).extracting(DeadLetters.Attempt::causeType)
                                    .containsExactly(ProjectionStore.SimulatedCrash.class.getName());
        assertThat(crashed.remaining()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> "WON".equals(h.doc("funnel_deals", "d1")
                                                                             .getString("stage")));

        // the next retry only evicts the applied letter and applies the parked ones: once each
        DeadLetters.RetryResult retried = h.runtime().retryDeadLetters("funnel", "d1");
        assertThat(retried.processed()).extracting(DeadLetters.Attempt::outcome)
                                       .containsExactly("ALREADY_APPLIED", "PROCESSED", "PROCESSED");
        assertThat(letters(h, "funnel")).isEmpty();
        assertThat(hashes(h, funnelCollections))
                .as(() -> ProjectionHarness.diff(clean.snapshot(), h.snapshot()))
                .isEqualTo(hashes(clean, funnelCollections));
    }

    @Test
    void aResetClearsTheProcessorsQueue() {
        ProjectionHarness h = harness(50);
        Poison poison = new Poison("d1");
        h.projection("scorecards").store().faults(poison);
        publish(h, true);
        h.awaitCaughtUp();
        assertThat(letters(h, "scorecards")).hasSize(1); // scorecards do not handle amount changes: nothing parked
        poison.on = false;
        h.replay("scorecards");
        h.awaitCaughtUp();
        assertThat(letters(h, "scorecards")).isEmpty();
        assertThat(h.doc("scorecards", "anna|2017-05")).isNotNull();
    }

    @Test
    void aRebuildHasItsOwnQueueAndDroppingTheRetiredGenerationClearsIt() {
        ProjectionHarness h = harness(50);
        Poison poison = new Poison("d1");
        h.projection("scorecards").store().faults(poison);
        publish(h, true);
        h.awaitCaughtUp();
        assertThat(letters(h, "scorecards")).extracting(DeadLetters.Letter::processor).containsExactly("scorecards");
        assertThat(h.doc("scorecards", "anna|2017-05").get("dealsWon")).isNull(); // the win is dead-lettered

        // the new generation replays into its own collections with its own processor and queue (no fault there)
        h.runtime().rebuild("scorecards");
        await().atMost(Duration.ofSeconds(60)).until(() -> h.generations().read("scorecards").active() == 1
                && letters(h, "scorecards").isEmpty()); // the retired generation is dropped with its queue
        Document card = h.generations().collection("scorecards", "scorecards")
                         .find(new Document("_id", "anna|2017-05")).first();
        assertThat(card).isNotNull();
        assertThat(card.get("dealsWon")).isEqualTo(1L);
        assertThat(h.database().getCollection(DeadLetters.COLLECTION)
                               .countDocuments(new Document("processingGroup", "scorecards"))).isZero();
    }

    @Test
    void aSavepointUndoesEverythingAnEventDidToTheBatch() {
        ProjectionStore store = new ProjectionStore("p", ProjectionHarness.freshDatabase(), List.of("c"),
                                                    new BatchJournal(ProjectionHarness.freshDatabase(), "j",
                                                                     ProjectionHarness.SERIALIZER), 100);
        Batch batch = store.newBatch();
        batch.doc("c", "a").set("x.y", 1);
        batch.savepoint();
        batch.doc("c", "a").set("x.y", 2);
        batch.doc("c", "a").set("x.z", 3);
        batch.doc("c", "a").unset("x.y");
        batch.doc("c", "b").set("v", 1);
        batch.rollbackToSavepoint();
        assertThat(batch.doc("c", "a").data()).isEqualTo(new Document("_id", "a").append("x", new Document("y", 1L)));
        assertThat(batch.doc("c", "a").dirtyPaths()).containsExactly("x.y");
        assertThat(batch.doc("c", "b").exists()).isFalse();
        assertThat(batch.doc("c", "b").changed()).isFalse();
        batch.savepoint();
        batch.doc("c", "a").delete();
        batch.rollbackToSavepoint();
        assertThat(batch.doc("c", "a").exists()).isTrue();
        batch.savepoint();
        batch.doc("c", "a").set("x.w", 4);
        batch.releaseSavepoint();
        batch.rollbackToSavepoint(); // nothing to undo after a release
        assertThat(batch.doc("c", "a").get("x.w")).isEqualTo(4L);
    }
}
