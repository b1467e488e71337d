package io.attain.query.projection;

import io.attain.query.support.ProjectionHarness;
import io.attain.query.support.Scenario;
import io.attain.query.support.StatementScenario;
import io.attain.query.statement.StatementAudit;
import io.attain.query.statement.StatementLog;
import io.attain.query.statement.StatementQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full replay produces exactly the documents live processing produced: content hashes of every collection of
 * every projection (all documents, all fields, in {@code _id} order) after live processing — events appended one
 * by one while the processors run, so in many small batches — equal those after a reset and a replay in large
 * batches.
 */
class ReplayEqualsLiveTest {

    ProjectionHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void replayProducesTheSameDocumentsAsLiveProcessing() {
        harness = ProjectionHarness.start(100);
        List<Scenario.Event> events = new java.util.ArrayList<>(Scenario.generate(42, 24, 300, 400));
        events.addAll(StatementScenario.generate(42, 20)); // 40 statements, 20 of them locked and paid, 10 more
        long t0 = System.nanoTime();
        harness.publish(events, 10);
        long t1 = System.nanoTime();
        harness.awaitCaughtUp();
        long t2 = System.nanoTime();
        Map<String, String> live = harness.hashes();
        Map<String, Map<String, String>> liveDocs = harness.snapshot();
        // the statements read model equals the statements folded from the log, and every seal holds
        long v0 = System.nanoTime();
        StatementAudit.Verification verification = new StatementAudit(
                new StatementLog(harness.eventStore(), harness.database()),
                new StatementQueries(harness.generations()), ProjectionHarness.SERIALIZER).verify(harness.head());
        System.out.printf("replay-equals-live: verify of %d statements and %d seals took %d ms%n",
                          verification.checked(), verification.sealsChecked(), (System.nanoTime() - v0) / 1_000_000);
        assertThat(verification.differences()).isEmpty();
        assertThat(verification.checked()).isEqualTo(40);
        assertThat(verification.sealsChecked()).isEqualTo(30);

        long t2b = System.nanoTime();
        for (String name : List.of("funnel", "leaderboards", "attainment", "scorecards", "deal-timeline",
                                   "statements", "partner-rebates", "channel-conflicts", "deal-list", "directory",
                                   "activities", "kpis")) {
            harness.replay(name);
        }
        long t3 = System.nanoTime();
        System.out.printf("replay-equals-live: shutDown/resetTokens/start of twelve processors took %d ms%n",
                          (t3 - t2b) / 1_000_000);
        harness.awaitCaughtUp();
        long t4 = System.nanoTime();
        Map<String, String> replayed = harness.hashes();

        System.out.printf("replay-equals-live: %d events; appended in %d ms, live caught up %d ms later; "
                                  + "replay of all twelve projections %d ms%n", events.size(), (t1 - t0) / 1_000_000,
                          (t2 - t1) / 1_000_000, (t4 - t3) / 1_000_000);
        assertThat(replayed).as(() -> ProjectionHarness.diff(liveDocs, harness.snapshot())).isEqualTo(live);
        // the read models are not trivially empty
        assertThat(harness.database().getCollection("leaderboards").countDocuments()).isGreaterThan(100);
        assertThat(harness.database().getCollection("funnel").countDocuments()).isGreaterThan(100);
        assertThat(harness.database().getCollection("deal_timelines").countDocuments()).isEqualTo(300);
        assertThat(harness.database().getCollection("statements").countDocuments()).isEqualTo(40);
        assertThat(harness.database().getCollection("statement_seals").countDocuments()).isEqualTo(30);
        assertThat(harness.database().getCollection("deal_list").countDocuments()).isEqualTo(300);
        assertThat(harness.database().getCollection("directory_reps").countDocuments()).isEqualTo(24);
        assertThat(harness.database().getCollection("rep_activities").countDocuments()).isGreaterThan(10);
    }
}
