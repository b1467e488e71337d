package io.attain.query.timeline;

import io.attain.kernel.common.Stage;
import io.attain.query.api.DealTimelineView;
import io.attain.query.api.TimelineEvent;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DealTimelineProjectionTest {

    static ProjectionHarness harness;
    static DealTimelineQueries queries;

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        Fixtures f = new Fixtures(harness);
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.open("d1", "anna", "Acme", "1000", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.open("d2", "anna", "Beta", "10", Stage.LEAD, "2017-05-01T11:00:00Z");
        f.move("d1", Stage.LEAD, Stage.PROPOSAL, "2017-05-02T10:00:00Z");
        f.visit("anna", "2017-05-02T12:00:00Z");
        f.amount("d1", "1000", "1500", "2017-05-03T10:00:00Z");
        f.split("d1", "2017-05-03T11:00:00Z", "anna", "50", "boris", "50");
        f.win("d1", Stage.PROPOSAL, "1500", "2017-05-04T10:00:00Z");
        f.reopen("d1", Stage.WON, Stage.NEGOTIATION, "2017-05-05T10:00:00Z");
        f.lose("d1", Stage.NEGOTIATION, "budget", "2017-05-06T10:00:00Z");
        harness.awaitCaughtUp();
        queries = new DealTimelineQueries(harness.generations());
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    @Test
    void everyEventOfTheDealInOrderWithItsPositionAndRecordingTime() {
        // what the log itself says about d1, read independently of the projection
        List<Object[]> expected = new ArrayList<>();
        harness.engine().readEvents(GapAwareTrackingToken.newInstance(0, List.of()), false).forEach(e -> {
            TrackedEventMessage<?> tracked = (TrackedEventMessage<?>) e;
            if (tracked instanceof DomainEventMessage<?> d && "d1".equals(d.getAggregateIdentifier())) {
                expected.add(new Object[]{d.getSequenceNumber(), tracked.trackingToken().position().orElseThrow(),
                        tracked.getTimestamp()});
            }
        });
        DealTimelineView view = queries.timeline("d1").orElseThrow();
        assertThat(view.events()).extracting(TimelineEvent::type)
                                 .containsExactly("DealOpened", "DealStageChanged", "DealAmountChanged",
                                                  "DealCreditSplit", "DealWon", "DealReopened", "DealLost");
        assertThat(view.events()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            TimelineEvent event = view.events().get(i);
            assertThat(event.seq()).isEqualTo(expected.get(i)[0]);
            assertThat(event.position()).isEqualTo(expected.get(i)[1]);
            assertThat(event.recordedAt()).isEqualTo(expected.get(i)[2]);
        }
        assertThat(view.events()).extracting(TimelineEvent::occurredAt)
                                 .containsExactly(Instant.parse("2017-05-01T10:00:00Z"),
                                                  Instant.parse("2017-05-02T10:00:00Z"),
                                                  Instant.parse("2017-05-03T10:00:00Z"),
                                                  Instant.parse("2017-05-03T11:00:00Z"),
                                                  Instant.parse("2017-05-04T10:00:00Z"),
                                                  Instant.parse("2017-05-05T10:00:00Z"),
                                                  Instant.parse("2017-05-06T10:00:00Z"));
    }

    @Test
    void summaries() {
        List<TimelineEvent> events = queries.timeline("d1").orElseThrow().events();
        assertThat(events.get(0).summary()).containsEntry("ownerRepId", "anna").containsEntry("stage", "LEAD");
        assertThat((Map<String, Object>) events.get(0).summary().get("amount"))
                .containsEntry("currency", "EUR").extractingByKey("amount").hasToString("1000");
        assertThat(events.get(1).summary()).containsEntry("fromStage", "LEAD").containsEntry("toStage", "PROPOSAL")
                                           .containsEntry("backward", false);
        assertThat(events.get(6).summary()).containsEntry("reason", "budget");
        assertThat((List<?>) events.get(3).summary().get("shares")).hasSize(2);
    }

    @Test
    void onlyDeals() {
        assertThat(queries.timeline("d2").orElseThrow().events()).extracting(TimelineEvent::type, TimelineEvent::seq)
                                                                  .containsExactly(tuple("DealOpened", 0L));
        assertThat(queries.timeline("anna")).isEmpty();
    }
}
