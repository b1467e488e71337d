package io.attain.query.projection;

import io.attain.query.QuerySideConfiguration;
import io.attain.query.support.ProjectionHarness;
import io.attain.query.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-side instances on one database share the projections' segments through the token store; when one is
 * killed (its claims left behind), the other claims its segments once they time out and carries on — and the read
 * models are exactly what a replay of the whole log builds: nothing counted twice, nothing missed.
 */
class TwoInstancesTest {

    // above the processors' claim extension threshold (5 s): idle processors extend their claims in time
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(7);
    private static final List<String> HANDED_OVER = List.of("leaderboards", "attainment");

    ProjectionHarness a;
    ProjectionHarness b;

    @AfterEach
    void close() {
        if (b != null) {
            b.stop();
        }
        a.close();
    }

    private static boolean claims(ProjectionHarness instance, String projection) {
        return instance.processor(projection).processingStatus().containsKey(0);
    }

    @Test
    void theSurvivorTakesOverTheKilledInstancesSegmentsAndTheReadModelsEqualAReplay() {
        a = ProjectionHarness.instance("query-a", CLAIM_TIMEOUT);
        List<Scenario.Event> events = Scenario.generate(11, 12, 150, 200);
        int third = events.size() / 3;
        a.publish(events.subList(0, third), 10);
        a.awaitCaughtUp();

        // a second instance joins; the first hands it two projections (the work is shared through the token store)
        b = ProjectionHarness.joining(a, "query-b", CLAIM_TIMEOUT, true);
        for (String projection : HANDED_OVER) {
            a.processor(projection).releaseSegment(0, 3, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> HANDED_OVER.stream().allMatch(p -> claims(b, p)));
        for (ProjectionRuntime.Definition d : QuerySideConfiguration.projections()) {
            boolean handedOver = HANDED_OVER.contains(d.name());
            assertThat(claims(b, d.name())).as("b runs " + d.name()).isEqualTo(handedOver);
            assertThat(claims(a, d.name())).as("a runs " + d.name()).isEqualTo(!handedOver);
        }
        a.publish(events.subList(third, 2 * third), 10);
        a.awaitCaughtUp();

        // the second instance dies without releasing its claims; the first takes them over after the claim timeout
        b.stop();
        a.publish(events.subList(2 * third, events.size()), 10);
        await().atMost(Duration.ofSeconds(60)).until(() -> HANDED_OVER.stream().allMatch(p -> claims(a, p)));
        a.awaitCaughtUp();
        Map<String, String> live = a.hashes();

        for (ProjectionRuntime.Definition d : QuerySideConfiguration.projections()) {
            a.replay(d.name());
        }
        a.awaitCaughtUp();
        assertThat(a.hashes()).isEqualTo(live);
    }
}
