package io.attain.query.projection;

import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.query.api.TimelineEvent;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import io.attain.query.timeline.DealTimelineQueries;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event that becomes visible after the processors passed its position (a slow writer): it is delivered late,
 * out of global order, in a batch that crashes part-way. It is applied exactly once, the timeline shows its own
 * global position (not the reader's index), and a replay — which sees it in order — builds the same documents.
 */
class LateEventTest {

    ProjectionHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aLateEventInACrashingBatchCountsOnceAndKeepsItsPosition() {
        harness = ProjectionHarness.start(50, Duration.ofMillis(300));
        Fixtures f = new Fixtures(harness);
        f.team("t1", "east", "m1");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.open("d1", "anna", "Acme", "1000", Stage.LEAD, "2017-05-01T10:00:00Z");

        // a slow writer allocates a position and has not written its commit yet
        long late = harness.database().getCollection("event_positions")
                           .findOneAndUpdate(new Document("_id", "global"), new Document("$inc", new Document("value", 1L)))
                           .get("value", Number.class).longValue() + 1;
        f.move("d1", Stage.LEAD, Stage.QUALIFIED, "2017-05-02T10:00:00Z");
        f.win("d1", Stage.QUALIFIED, "1000", "2017-05-03T10:00:00Z");
        // the processors pass the missing position after the hold-back (it stays a gap in their tokens)
        harness.awaitIndexAtHead();

        // the next batch of every projection crashes after half of its writes
        AtomicBoolean armed = new AtomicBoolean(true);
        for (String name : List.of("funnel", "leaderboards", "attainment", "scorecards", "deal-timeline")) {
            harness.projection(name).store().faults(new ProjectionStore.FaultInjector() {
                final AtomicBoolean crashed = new AtomicBoolean();

                @Override
                public int allowWrites(String projection, int written, int count) {
                    if (armed.get() && crashed.compareAndSet(false, true)) {
                        return count / 2;
                    }
                    return count;
                }
            });
        }
        int rolledForwardBefore = rollForwards();

        // the slow writer's commit becomes visible: a deal d9 opened and (same commit) nothing else
        insertLateCommit(late, new DealOpenedEvent("d9", "anna", "Omega", "Widget", Channel.DIRECT, null,
                                                   Money.of("500", "EUR"), null, Stage.QUALIFIED,
                                                   Instant.parse("2017-05-01T12:00:00Z")));
        DealTimelineQueries timelines = new DealTimelineQueries(harness.generations());
        await().atMost(Duration.ofSeconds(120)).until(() -> timelines.timeline("d9").isPresent()
                && harness.positions().reached("funnel", late)
                && harness.positions().reached("leaderboards", late)
                && harness.positions().reached("attainment", late)
                && harness.positions().reached("scorecards", late));
        armed.set(false);
        assertThat(rollForwards()).isGreaterThan(rolledForwardBefore);

        TimelineEvent opened = timelines.timeline("d9").orElseThrow().events().get(0);
        assertThat(opened.position()).isEqualTo(late);
        assertThat(timelines.timeline("d1").orElseThrow().events()).extracting(TimelineEvent::position)
                                                                   .doesNotContain(late);
        // d1 and d9 both entered QUALIFIED in May, once each
        Document may = harness.doc("funnel", "2017-05|all");
        assertThat(may.get("entered", Document.class).get("QUALIFIED", Number.class).longValue()).isEqualTo(2);

        Map<String, String> live = harness.hashes();
        for (String name : List.of("funnel", "leaderboards", "attainment", "scorecards", "deal-timeline")) {
            harness.replay(name);
        }
        harness.awaitCaughtUp();
        assertThat(harness.hashes()).isEqualTo(live);
    }

    private int rollForwards() {
        int total = 0;
        for (String name : List.of("funnel", "leaderboards", "attainment", "scorecards", "deal-timeline")) {
            total += harness.projection(name).store().rollForwards();
        }
        return total;
    }

    /**
     * Writes a commit at an allocated position the way the slow writer would have: the engine's own document for
     * the event (made by a scratch engine in a scratch database), moved to the position.
     */
    private void insertLateCommit(long position, Object payload) {
        var scratch = harness.database().getCollection("events").getNamespace().getDatabaseName() + "-scratch";
        var scratchDb = harness.database().withCodecRegistry(harness.database().getCodecRegistry());
        var client = com.mongodb.client.MongoClients.create(connectionString());
        try {
            var db = client.getDatabase(scratch);
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                                                                    .database(db)
                                                                    .eventSerializer(ProjectionHarness.SERIALIZER)
                                                                    .snapshotSerializer(ProjectionHarness.SERIALIZER)
                                                                    .build();
            engine.appendEvents(new GenericDomainEventMessage<>("Deal", "d9", 0, payload));
            Document commit = db.getCollection("events").find().first();
            commit.put("_id", position);
            commit.put("last", position);
            scratchDb.getCollection("events").insertOne(commit);
            db.drop();
        } finally {
            client.close();
        }
    }

    private String connectionString() {
        return ProjectionHarness.connectionString();
    }
}
