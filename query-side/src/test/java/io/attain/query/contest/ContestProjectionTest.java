package io.attain.query.contest;

import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Stage;
import io.attain.kernel.contest.ContestClosedEvent;
import io.attain.kernel.contest.ContestLaunchedEvent;
import io.attain.kernel.contest.ContestParticipantAddedEvent;
import io.attain.kernel.contest.ContestParticipantRemovedEvent;
import io.attain.kernel.contest.ContestPrize;
import io.attain.kernel.contest.ContestPrizeAwardedEvent;
import io.attain.kernel.contest.RecognitionGrantedEvent;
import io.attain.kernel.contest.RecognitionRevokedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.query.api.LeaderboardEntry;
import io.attain.query.recognition.RecognitionProjection;
import io.attain.query.recognition.RecognitionQueries;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.attain.query.support.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contest standings from deal and activity events, and recognition histories. Teams t1 (Anna, Boris) and t2 (Carl,
 * Dora). Contest c-rev: REVENUE in EUR, May 2017, Anna by name and team t2, launched after Anna's first win in May.
 */
class ContestProjectionTest {

    private static final LocalDate MAY_1 = LocalDate.of(2017, 5, 1);
    private static final LocalDate MAY_31 = LocalDate.of(2017, 5, 31);

    private ProjectionHarness harness;
    private Fixtures f;
    private ContestQueries contests;
    private RecognitionQueries recognitions;

    @BeforeEach
    void given() {
        harness = ProjectionHarness.start();
        f = new Fixtures(harness);
        f.team("t1", "east", "m1");
        f.team("t2", "east", "m2");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t1", "2016-01-04");
        f.rep("carl", "Carl", "t2", "2016-01-04");
        f.rep("dora", "Dora", "t2", "2016-01-04");
        f.open("d1", "anna", "Acme", "1000", Stage.LEAD, "2017-04-01T10:00:00Z");
        f.win("d1", Stage.LEAD, "1000", "2017-05-03T10:00:00Z");           // in the window, before the launch
        harness.publish("Contest", "c-rev", launched("c-rev", Metric.REVENUE, "EUR", List.of("anna"), List.of("t2")));
        f.open("d2", "anna", "Beta", "400", Stage.LEAD, "2017-04-01T10:00:00Z");
        f.split("d2", "2017-04-02T10:00:00Z", "anna", "50", "carl", "50");
        f.win("d2", Stage.LEAD, "400", "2017-05-10T10:00:00Z");            // 200 each
        f.open("d3", "boris", "Acme", "999", Stage.LEAD, "2017-04-01T10:00:00Z");
        f.win("d3", Stage.LEAD, "999", "2017-05-11T10:00:00Z");            // Boris does not take part
        f.open("d4", "carl", "Acme", "777", Stage.LEAD, "2017-04-01T10:00:00Z");
        f.win("d4", Stage.LEAD, "777", "2017-04-30T23:59:59Z");            // before the window
        harness.publish("Deal", "d5", new io.attain.kernel.deal.DealOpenedEvent("d5", "carl", "Acme", "Widget",
                io.attain.kernel.common.Channel.DIRECT, null, Money.of("500", "USD"), null, Stage.LEAD,
                at("2017-04-01T10:00:00Z")),
                new DealWonEvent("d5", Stage.LEAD, Money.of("500", "USD"), null, at("2017-05-12T10:00:00Z"))); // USD
        f.open("d6", "dora", "Acme", "300", Stage.LEAD, "2017-04-01T10:00:00Z");
        f.win("d6", Stage.LEAD, "300", "2017-05-20T10:00:00Z");
        f.reopen("d6", Stage.WON, Stage.PROPOSAL, "2017-05-21T10:00:00Z"); // taken back
        f.open("d7", "anna", "Acme", "5000", Stage.LEAD, "2017-04-01T10:00:00Z");
        f.win("d7", Stage.LEAD, "5000", "2017-06-01T00:00:00Z");           // after the window
        harness.publish("Contest", "c-won", launched("c-won", Metric.DEALS_WON, null, List.of(), List.of("t1")));
        harness.publish("Contest", "c-visits", launched("c-visits", Metric.VISITS, null, List.of("anna", "boris"),
                List.of()));
        harness.publish("Activity", "v-1", visit("v-1", "anna", "2017-05-02T10:00:00Z"));
        harness.publish("Activity", "v-2", visit("v-2", "anna", "2017-05-03T10:00:00Z"));
        harness.publish("Activity", "v-3", visit("v-3", "boris", "2017-05-03T10:00:00Z"));
        harness.publish("Activity", "v-4", visit("v-4", "boris", "2017-06-03T10:00:00Z"));
        harness.awaitCaughtUp();
        contests = new ContestQueries(harness.generations());
        recognitions = new RecognitionQueries(harness.generations());
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private static ContestLaunchedEvent launched(String id, Metric metric, String currency, List<String> reps,
                                                 List<String> teams) {
        return new ContestLaunchedEvent(id, "May " + id, "t1", "m1", MAY_1, MAY_31, metric, currency, reps, teams,
                List.of(new ContestPrize(1, Money.of("500.00", "EUR"), "May champion"),
                        new ContestPrize(2, null, "Runner-up")), at("2017-05-05T09:00:00Z"));
    }

    private static VisitLoggedEvent visit(String id, String rep, String at) {
        return new VisitLoggedEvent(rep, id, "Acme", "demo", "ok", at(at));
    }

    @SuppressWarnings("unchecked")
    private List<LeaderboardEntry> standings(String contestId) {
        return (List<LeaderboardEntry>) contests.contest(contestId).orElseThrow().get("standings");
    }

    private static LeaderboardEntry entry(int rank, String rep, String name, String value) {
        return new LeaderboardEntry(rank, rep, name, new BigDecimal(value));
    }

    @Test
    void revenueStandingsCountWinsInTheWindowOfParticipantsInTheContestsCurrency() {
        assertThat(standings("c-rev")).containsExactly(
                entry(1, "anna", "Anna", "1200"),   // d1 (won before the launch) + half of d2; d7 is in June
                entry(2, "carl", "Carl", "200"));   // team t2: half of d2; d4 in April, d5 in USD; Dora's d6 reopened
        Map<String, Object> view = contests.contest("c-rev").orElseThrow();
        assertThat(view).containsEntry("status", "LAUNCHED").containsEntry("metric", "REVENUE")
                .containsEntry("currency", "EUR").containsEntry("startsOn", "2017-05-01");
        assertThat((List<?>) view.get("prizes")).hasSize(2);
    }

    @Test
    void dealsWonAndVisitsCountPerRep() {
        assertThat(standings("c-won")).containsExactly(
                entry(1, "anna", "Anna", "2"), entry(2, "boris", "Boris", "1"));
        assertThat(standings("c-visits")).containsExactly(
                entry(1, "anna", "Anna", "2"), entry(2, "boris", "Boris", "1"));
    }

    @Test
    void participantChangesRecomputeTheStandings() {
        harness.publish("Contest", "c-rev", new ContestParticipantAddedEvent("c-rev", "boris", null,
                at("2017-05-15T09:00:00Z")));
        harness.publish("Contest", "c-rev", new ContestParticipantRemovedEvent("c-rev", null, "t2", "moved",
                at("2017-05-16T09:00:00Z")));
        harness.awaitCaughtUp();
        assertThat(standings("c-rev")).containsExactly(
                entry(1, "anna", "Anna", "1200"), entry(2, "boris", "Boris", "999"));
    }

    @Test
    void aClosedContestsStandingsAreFinalAndItsAwardsAreListed() {
        harness.publish("Contest", "c-rev", new ContestClosedEvent("c-rev", "m1", at("2017-06-02T09:00:00Z")));
        f.open("d8", "anna", "Acme", "50", Stage.LEAD, "2017-04-01T10:00:00Z");
        f.win("d8", Stage.LEAD, "50", "2017-05-30T10:00:00Z");   // recorded after the close
        harness.publish("Contest", "c-rev", new ContestPrizeAwardedEvent("c-rev", "May c-rev", 1, "anna",
                Money.of("500.00", "EUR"), "May champion", "m1", at("2017-06-02T10:00:00Z")));
        harness.awaitCaughtUp();
        Map<String, Object> view = contests.contest("c-rev").orElseThrow();
        assertThat(view).containsEntry("status", "CLOSED").containsEntry("closedBy", "m1");
        assertThat(standings("c-rev")).containsExactly(
                entry(1, "anna", "Anna", "1200"), entry(2, "carl", "Carl", "200"));
        assertThat((List<Map<String, Object>>) (List<?>) view.get("awards")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("rank", 1L).containsEntry("repId", "anna")
                        .containsEntry("title", "May champion"));
        assertThat(contests.all()).extracting(c -> c.get("contestId"))
                .containsExactly("c-rev", "c-visits", "c-won");
    }

    @Test
    void recognitionHistoryKeepsPrizesAndRevokedTitles() {
        harness.publish("Contest", "c-rev", new ContestClosedEvent("c-rev", "m1", at("2017-06-02T09:00:00Z")),
                new ContestPrizeAwardedEvent("c-rev", "May c-rev", 1, "anna", Money.of("500.00", "EUR"),
                        "May champion", "m1", at("2017-06-02T10:00:00Z")));
        harness.publish("Recognition", "r-1", new RecognitionGrantedEvent("r-1", "anna", "President's Club 2017",
                        "top 5%", "admin", at("2017-12-15T10:00:00Z")),
                new RecognitionRevokedEvent("r-1", "anna", "granted in error", "admin", at("2018-01-10T10:00:00Z")));
        harness.awaitCaughtUp();
        List<Map<String, Object>> items = items("anna");
        assertThat(items).extracting(i -> i.get("kind"), i -> i.get("title"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AWARD", "May champion"),
                        org.assertj.core.groups.Tuple.tuple("TITLE", "President's Club 2017"));
        assertThat(items.get(0)).containsEntry("contestId", "c-rev").containsEntry("rank", 1L)
                .containsEntry("money", Map.of("amount", new BigDecimal("500"), "currency", "EUR"));
        assertThat(items.get(1)).containsEntry("reason", "top 5%")
                .containsEntry("revoked", Map.of("reason", "granted in error", "by", "admin",
                        "at", "2018-01-10T10:00:00Z"));
        assertThat(items("boris")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String rep) {
        return (List<Map<String, Object>>) recognitions.history(rep).get("recognitions");
    }

    @Test
    void replayGivesTheSameContentAsLiveProcessingAndRedeliveryChangesNothing() {
        harness.publish("Contest", "c-rev", new ContestParticipantAddedEvent("c-rev", "boris", null,
                at("2017-05-15T09:00:00Z")), new ContestClosedEvent("c-rev", "m1", at("2017-06-02T09:00:00Z")),
                new ContestPrizeAwardedEvent("c-rev", "May c-rev", 2, "boris", null, "Runner-up", "m1",
                        at("2017-06-02T10:00:00Z")));
        harness.publish("Recognition", "r-1", new RecognitionGrantedEvent("r-1", "anna", "Star", "why", "admin",
                at("2017-12-15T10:00:00Z")));
        harness.awaitCaughtUp();
        Map<String, String> live = hashes();

        harness.replay(ContestProjection.NAME);
        harness.replay(RecognitionProjection.NAME);
        harness.awaitCaughtUp();
        assertThat(hashes()).isEqualTo(live);

        // the same events delivered again (as new messages): a win, a visit, a launch, an award, a grant
        f.win("d2", Stage.LEAD, "400", "2017-05-10T10:00:00Z");
        harness.publish("Activity", "v-1", visit("v-1", "anna", "2017-05-02T10:00:00Z"));
        harness.publish("Contest", "c-won", launched("c-won", Metric.DEALS_WON, null, List.of(), List.of("t1")));
        harness.publish("Contest", "c-rev", new ContestPrizeAwardedEvent("c-rev", "May c-rev", 2, "boris", null,
                "Runner-up", "m1", at("2017-06-02T10:00:00Z")));
        harness.publish("Recognition", "r-1", new RecognitionGrantedEvent("r-1", "anna", "Star", "why", "admin",
                at("2017-12-15T10:00:00Z")));
        harness.awaitCaughtUp();
        assertThat(hashes()).isEqualTo(live);
    }

    private Map<String, String> hashes() {
        Map<String, String> all = harness.hashes();
        Map<String, String> ours = new LinkedHashMap<>();
        Stream.concat(ContestProjection.COLLECTIONS.stream(), RecognitionProjection.COLLECTIONS.stream())
              .forEach(c -> ours.put(c, all.get(c)));
        assertThat(ours.values()).doesNotContainNull();
        return ours;
    }
}
