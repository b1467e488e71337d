package io.attain.query.projection;

import io.attain.query.support.ProjectionHarness;
import io.attain.query.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches that crash part-way — before their journal, after some of their document writes, after all of them but
 * before the token — are retried by the processor (the segment is released and claimed again, the journal rolled
 * forward) and the read models end up exactly as a clean replay builds them.
 */
class CrashMidBatchTest {

    ProjectionHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    /** Crashes chosen commits of one projection at a chosen point. */
    static final class Crashes implements ProjectionStore.FaultInjector {
        final Set<Integer> beforeJournal;
        final Set<Integer> midWrites;
        final Set<Integer> afterWrites;
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger crashes = new AtomicInteger();
        volatile int current;
        volatile int total;

        Crashes(Set<Integer> beforeJournal, Set<Integer> midWrites, Set<Integer> afterWrites) {
            this.beforeJournal = beforeJournal;
            this.midWrites = midWrites;
            this.afterWrites = afterWrites;
        }

        @Override
        public void beforeJournal(String projection, int writes) {
            current = commits.incrementAndGet();
            total = writes;
            if (beforeJournal.contains(current)) {
                crashes.incrementAndGet();
                throw new ProjectionStore.SimulatedCrash(projection + ": crash before the journal of commit " + current);
            }
        }

        @Override
        public int allowWrites(String projection, int written, int count) {
            if (!midWrites.contains(current) || total < 2) {
                return count;
            }
            int allowed = Math.max(0, Math.min(count, total / 2 - written));
            if (allowed < count) {
                crashes.incrementAndGet();
            }
            return allowed;
        }

        @Override
        public void afterWrites(String projection, int writes) {
            if (afterWrites.contains(current)) {
                crashes.incrementAndGet();
                throw new ProjectionStore.SimulatedCrash(projection + ": crash before the token of commit " + current);
            }
        }
    }

    @Test
    void crashedBatchesLeaveTheSameDocumentsAsAReplay() {
        harness = ProjectionHarness.start(50);
        List<String> names = List.of("funnel", "leaderboards", "attainment", "scorecards", "deal-timeline");
        Map<String, Crashes> crashes = new java.util.LinkedHashMap<>();
        for (String name : names) {
            Crashes c = new Crashes(Set.of(4), Set.of(2, 9, 15), Set.of(6, 12));
            crashes.put(name, c);
            harness.projection(name).store().faults(c);
        }
        List<Scenario.Event> events = Scenario.generate(7, 20, 200, 200);
        harness.publish(events, 10);
        harness.awaitCaughtUp();
        Map<String, String> crashed = harness.hashes();

        int rolledForward = 0;
        for (String name : names) {
            ProjectionStore store = harness.projection(name).store();
            System.out.printf("crash-mid-batch: %s crashed %d times in %d commits, rolled forward %d batches%n",
                              name, crashes.get(name).crashes.get(), crashes.get(name).commits.get(),
                              store.rollForwards());
            assertThat(crashes.get(name).crashes.get()).as(name).isGreaterThanOrEqualTo(4);
            rolledForward += store.rollForwards();
            store.faults(null);
        }
        // every mid-write and after-write crash left a journal that the next claim rolled forward
        assertThat(rolledForward).isGreaterThanOrEqualTo(names.size() * 3);

        for (String name : names) {
            harness.replay(name);
        }
        harness.awaitCaughtUp();
        assertThat(harness.hashes()).isEqualTo(crashed);
    }
}
