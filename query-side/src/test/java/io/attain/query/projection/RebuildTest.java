package io.attain.query.projection;

import io.attain.query.QuerySideConfiguration;
import io.attain.query.support.ContentHash;
import io.attain.query.support.ProjectionHarness;
import io.attain.query.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilds without downtime (ADR 0004): a rebuild builds a new generation from the tail of the log while queries
 * read the active one, switches when caught up, and its documents equal what live processing built — also when
 * events keep arriving during the rebuild.
 */
class RebuildTest {

    ProjectionHarness harness;

    @AfterEach
    void close() {
        harness.runtime().holdSwitches(false);
        harness.close();
    }

    private Map<String, String> hashesOf(int generation) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ProjectionRuntime.Definition d : QuerySideConfiguration.projections()) {
            for (String c : d.collections()) {
                hashes.put(c, ContentHash.of(harness.database().getCollection(Generations.collectionName(c, generation))));
            }
        }
        return hashes;
    }

    private void awaitRebuildsCaughtUp() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(
                // the stored token decides; the reported progress is written per handled batch and may trail it
                () -> harness.runtime().status().stream().allMatch(
                        s -> s.rebuild() != null
                                && harness.positions().reached(
                                Generations.processorName(s.name(), s.rebuild().generation()), harness.head())));
    }

    private void awaitSwitchedTo(int generation) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(
                () -> harness.runtime().status().stream().allMatch(
                        s -> s.generation() == generation && !s.rebuildInProgress()));
    }

    @Test
    void aRebuildBuildsTheSameDocumentsAsLiveProcessingWhileQueriesReadTheActiveGeneration() {
        harness = ProjectionHarness.start(100);
        List<Scenario.Event> events = new java.util.ArrayList<>(Scenario.generate(42, 24, 300, 400));
        events.addAll(io.attain.query.support.StatementScenario.generate(42, 20));
        harness.publish(events, 10);
        harness.awaitCaughtUp();
        Map<String, String> live = harness.hashes();
        Map<String, Map<String, String>> liveDocs = harness.snapshot();
        ProjectionRuntime runtime = harness.runtime();

        runtime.holdSwitches(true);
        long t0 = System.nanoTime();
        ProjectionRuntime.Started started = runtime.rebuild("all");
        assertThat(started.generations()).containsOnlyKeys(runtime.names()).allSatisfy((n, g) -> assertThat(g).isEqualTo(1));
        assertThat(started.headAtStart()).isEqualTo(harness.head());

        // during the rebuild: queries still read generation 0 and are told a rebuild runs; a second rebuild is refused
        for (String name : runtime.names()) {
            assertThat(harness.generations().rebuilding(name)).isTrue();
            assertThat(harness.generations().activeProcessor(name)).isEqualTo(name);
            assertThat(runtime.status(name).rebuildInProgress()).isTrue();
        }
        assertThatThrownBy(() -> runtime.rebuild("funnel"))
                .isInstanceOf(ProjectionRuntime.RebuildInProgressException.class);
        assertThatThrownBy(() -> runtime.rebuild("all"))
                .isInstanceOf(ProjectionRuntime.RebuildInProgressException.class);
        assertThatThrownBy(() -> runtime.rebuild("nope"))
                .isInstanceOf(ProjectionRuntime.UnknownProjectionException.class);

        awaitRebuildsCaughtUp();
        long t1 = System.nanoTime();
        assertThat(harness.hashes()).isEqualTo(live); // the active generation, untouched
        assertThat(hashesOf(1)).as("generation 1 before the switch").isEqualTo(live);
        for (ProjectionRuntime.Status s : runtime.status()) {
            assertThat(s.rebuild().percent()).isLessThanOrEqualTo(99.9);
            assertThat(s.rebuild().eventsProcessed()).isPositive();
        }

        runtime.holdSwitches(false);
        awaitSwitchedTo(1);
        for (ProjectionRuntime.Status s : runtime.status()) {
            assertThat(s.processor()).isEqualTo(s.name() + "@g1");
            assertThat(s.lastRebuild().state()).isEqualTo("DONE");
            assertThat(s.lastRebuild().percent()).isEqualTo(100.0);
            assertThat(s.lastRebuild().id()).isEqualTo(started.id());
            System.out.printf("rebuild: %s %d events handled, %.0f events/s%n", s.name(),
                              s.lastRebuild().eventsProcessed(), s.lastRebuild().eventsPerSecond());
        }
        assertThat(harness.database().getCollection(Generations.collectionName("statement_seals", 1)).countDocuments())
                .isEqualTo(30);
        System.out.printf("rebuild: %d events, all six projections caught up in %d ms%n", events.size(),
                          (t1 - t0) / 1_000_000);
        assertThat(harness.hashes()).as(() -> ProjectionHarness.diff(liveDocs, harness.snapshot())).isEqualTo(live);
        assertThat(harness.generations().rebuilding("funnel")).isFalse();

        // the former generation is dropped after the grace period: collections, tokens, journal
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Set<String> names = harness.database().listCollectionNames().into(new HashSet<>());
            for (ProjectionRuntime.Definition d : QuerySideConfiguration.projections()) {
                assertThat(names).doesNotContainAnyElementsOf(d.collections());
                assertThat(harness.positions().tokens(d.name())).isEmpty();
            }
        });

        // and live processing continues in the new generation
        long position = harness.publish("Rep", "late-rep", new io.attain.kernel.organisation.RepOnboardedEvent(
                "late-rep", "Late Rep", io.attain.kernel.common.Role.SALES_REP, "late-team", null,
                java.time.LocalDate.parse("2017-01-02"), java.time.Instant.parse("2017-01-02T00:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> harness.positions().reached(harness.generations().activeProcessor("scorecards"), position));
    }

    @Test
    void eventsAppendedDuringARebuildAreInTheNewGenerationExactlyOnce() {
        harness = ProjectionHarness.start(50);
        List<Scenario.Event> events = new java.util.ArrayList<>(Scenario.generate(7, 12, 150, 200));
        events.addAll(io.attain.query.support.StatementScenario.generate(7, 10)); // in the part appended during the rebuild
        int split = events.size() * 6 / 10;
        harness.publish(events.subList(0, split), 10);
        harness.awaitCaughtUp();
        ProjectionRuntime runtime = harness.runtime();

        ProjectionRuntime.Started started = runtime.rebuild("all");
        assertThat(started.generations().values()).containsOnly(1);
        harness.publish(events.subList(split, events.size()), 5); // while the rebuild runs (and may switch)
        awaitSwitchedTo(1);
        harness.awaitCaughtUp();
        Map<String, String> rebuilt = harness.hashes();
        Map<String, Map<String, String>> rebuiltDocs = harness.snapshot();

        // a clean replay of the new generation from the start of the log builds the same documents
        for (String name : runtime.names()) {
            harness.replay(name);
        }
        harness.awaitCaughtUp();
        assertThat(harness.hashes()).as(() -> ProjectionHarness.diff(rebuiltDocs, harness.snapshot()))
                                    .isEqualTo(rebuilt);
        assertThat(harness.database().getCollection(Generations.collectionName("deal_timelines", 1)).countDocuments())
                .isEqualTo(150);
        assertThat(harness.database().getCollection(Generations.collectionName("statements", 1)).countDocuments())
                .isEqualTo(20);
    }

    @Test
    void anAbandonedRebuildLeavesTheActiveGenerationAndIsDropped() {
        harness = ProjectionHarness.start(100);
        harness.publish(Scenario.generate(3, 6, 40, 60), 10);
        harness.awaitCaughtUp();
        Map<String, String> live = harness.hashes();
        ProjectionRuntime runtime = harness.runtime();
        runtime.holdSwitches(true);
        runtime.rebuild("funnel");
        assertThat(runtime.status("funnel").rebuildInProgress()).isTrue();
        assertThat(runtime.status("leaderboards").rebuildInProgress()).isFalse();
        assertThat(runtime.abandon("funnel")).isTrue();
        assertThat(runtime.abandon("funnel")).isFalse();
        runtime.holdSwitches(false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(harness.database().listCollectionNames().into(new HashSet<>()))
                    .doesNotContain(Generations.collectionName("funnel", 1));
            assertThat(harness.positions().tokens("funnel@g1")).isEmpty();
        });
        assertThat(runtime.status("funnel").generation()).isZero();
        assertThat(harness.hashes()).isEqualTo(live);
        // the next rebuild takes a new generation
        assertThat(runtime.rebuild("funnel").generations()).containsEntry("funnel", 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.status("funnel").generation() == 2);
        assertThat(harness.hashes()).isEqualTo(live);
    }
}
