package io.attain.command.domain.contest;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InMemoryAggregates;
import io.attain.command.domain.InvalidCommandException;
import io.attain.command.domain.organisation.Rep;
import io.attain.command.domain.organisation.Team;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Role;
import io.attain.kernel.contest.AddContestParticipantCommand;
import io.attain.kernel.contest.AwardContestPrizeCommand;
import io.attain.kernel.contest.CancelContestCommand;
import io.attain.kernel.contest.CloseContestCommand;
import io.attain.kernel.contest.ContestCancelledEvent;
import io.attain.kernel.contest.ContestClosedEvent;
import io.attain.kernel.contest.ContestLaunchedEvent;
import io.attain.kernel.contest.ContestParticipantAddedEvent;
import io.attain.kernel.contest.ContestParticipantRemovedEvent;
import io.attain.kernel.contest.ContestPrize;
import io.attain.kernel.contest.ContestPrizeAwardedEvent;
import io.attain.kernel.contest.LaunchContestCommand;
import io.attain.kernel.contest.RemoveContestParticipantCommand;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The rules of a sales contest. Team east: Anna and Boris; team west: Carl. Contest c-1 runs in May 2017 on
 * REVENUE in EUR, with Anna by name and team west; prizes: rank 1 money and title, rank 2 a title.
 */
class ContestTest {

    private static final String C = "c-1";
    private static final LocalDate MAY_1 = LocalDate.of(2017, 5, 1);
    private static final LocalDate MAY_31 = LocalDate.of(2017, 5, 31);
    private static final Instant LAUNCH = Instant.parse("2017-04-28T09:00:00Z");
    private static final Instant IN_MAY = Instant.parse("2017-05-15T09:00:00Z");
    private static final Instant LAST_DAY = Instant.parse("2017-05-31T23:59:59Z");
    private static final Instant JUNE = Instant.parse("2017-06-01T00:00:00Z");
    private static final Instant HIRE = Instant.parse("2016-01-04T08:00:00Z");
    private static final List<ContestPrize> PRIZES = List.of(
            new ContestPrize(1, Money.of("500.00", "EUR"), "May champion"),
            new ContestPrize(2, null, "Runner-up"));

    private FixtureConfiguration<Contest> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static FixtureConfiguration<Contest> newFixture() {
        InMemoryAggregates<Rep> reps = InMemoryAggregates.of(Rep.class)
                .given("anna", onboarded("anna", "east"))
                .given("boris", onboarded("boris", "east"))
                .given("carl", onboarded("carl", "west"));
        InMemoryAggregates<Team> teams = InMemoryAggregates.of(Team.class)
                .given("east", new TeamCreatedEvent("east", "East", "r", "cara", HIRE))
                .given("west", new TeamCreatedEvent("west", "West", "r", "wes", HIRE));
        FixtureConfiguration<Contest> fixture = new AggregateTestFixture<>(Contest.class);
        fixture.registerAnnotatedCommandHandler(new ContestCommandHandler(fixture.getRepository(),
                InMemoryAggregates.of(Recognition.class).repository(), reps.repository(), teams.repository()));
        return fixture;
    }

    private static RepOnboardedEvent onboarded(String rep, String team) {
        return new RepOnboardedEvent(rep, rep, Role.SALES_REP, team, "m", LocalDate.of(2016, 1, 4), HIRE);
    }

    static LaunchContestCommand launch(Metric metric, String currency, List<String> reps, List<String> teams,
                                       List<ContestPrize> prizes, LocalDate from, LocalDate to, Instant at) {
        return new LaunchContestCommand(C, "May sprint", "east", "cara", from, to, metric, currency, reps, teams,
                prizes, at);
    }

    private static LaunchContestCommand launch() {
        return launch(Metric.REVENUE, "EUR", List.of("anna"), List.of("west"), PRIZES, MAY_1, MAY_31, LAUNCH);
    }

    private static ContestLaunchedEvent launched() {
        return new ContestLaunchedEvent(C, "May sprint", "east", "cara", MAY_1, MAY_31, Metric.REVENUE, "EUR",
                List.of("anna"), List.of("west"), PRIZES, LAUNCH);
    }

    private static ContestClosedEvent closed() {
        return new ContestClosedEvent(C, "cara", JUNE);
    }

    @Nested
    class Launch {

        @Test
        void launchesAContestAtTheCommandsBusinessTimeOrNow() {
            fixture.givenNoPriorActivity().when(launch()).expectSuccessfulHandlerExecution().expectEvents(launched());
            FixtureConfiguration<Contest> other = newFixture();
            other.givenCurrentTime(IN_MAY)
                    .when(launch(Metric.DEALS_WON, null, List.of(), List.of("east"), List.of(), MAY_1, MAY_31, null))
                    .expectEvents(new ContestLaunchedEvent(C, "May sprint", "east", "cara", MAY_1, MAY_31,
                            Metric.DEALS_WON, null, List.of(), List.of("east"), List.of(), IN_MAY));
        }

        @Test
        void theWindowMustNotEndBeforeItStarts() {
            fixture.givenNoPriorActivity().when(launch(Metric.REVENUE, "EUR", List.of("anna"), List.of(), PRIZES, MAY_31, MAY_1, LAUNCH))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("endsOn: must not be before startsOn").expectNoEvents();
        }

        @Test
        void aContestIsNotLaunchedAfterItsWindow() {
            fixture.givenNoPriorActivity().when(launch(Metric.REVENUE, "EUR", List.of("anna"), List.of(), PRIZES, MAY_1, MAY_31, JUNE))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("endsOn: must not be before the launch date").expectNoEvents();
        }

        @Test
        void onlyRevenueDealsWonVisitsAndProposals() {
            fixture.givenNoPriorActivity().when(launch(Metric.NEW_CUSTOMERS, null, List.of("anna"), List.of(), PRIZES, MAY_1, MAY_31, LAUNCH))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("metric: must be one of [REVENUE, DEALS_WON, VISITS, PROPOSALS]");
        }

        @Test
        void revenueNeedsAnIsoCurrencyAndOtherMetricsNone() {
            fixture.givenNoPriorActivity().when(launch(Metric.REVENUE, null, List.of("anna"), List.of(), PRIZES, MAY_1, MAY_31, LAUNCH))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("currency: is required for metric REVENUE");
            newFixture().givenNoPriorActivity().when(launch(Metric.REVENUE, "eur", List.of("anna"), List.of(), PRIZES, MAY_1, MAY_31, LAUNCH))
                    .expectExceptionMessage("currency: must be an ISO 4217 currency code");
            newFixture().givenNoPriorActivity().when(launch(Metric.VISITS, "EUR", List.of("anna"), List.of(), PRIZES, MAY_1, MAY_31, LAUNCH))
                    .expectExceptionMessage("currency: is only allowed for metric REVENUE");
        }

        @Test
        void someoneMustTakePartAndNobodyTwice() {
            fixture.givenNoPriorActivity().when(launch(Metric.VISITS, null, List.of(), List.of(), PRIZES, MAY_1, MAY_31, LAUNCH))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("participantRepIds: at least one rep or team must take part");
            newFixture().givenNoPriorActivity().when(launch(Metric.VISITS, null, List.of("anna", "anna"), List.of(), PRIZES, MAY_1, MAY_31,
                            LAUNCH))
                    .expectExceptionMessage("participantRepIds: must not name a participant twice");
        }

        @Test
        void participantsMustExist() {
            fixture.givenNoPriorActivity().when(launch(Metric.VISITS, null, List.of("anna", "ghost"), List.of(), PRIZES, MAY_1, MAY_31, LAUNCH))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("participantRepIds[1]: no such rep").expectNoEvents();
            newFixture().givenNoPriorActivity().when(launch(Metric.VISITS, null, List.of(), List.of("north"), PRIZES, MAY_1, MAY_31, LAUNCH))
                    .expectExceptionMessage("participantTeamIds[0]: no such team");
        }

        @Test
        void prizesHaveRanksFromOneOnceEachWithMoneyOrATitle() {
            fixture.givenNoPriorActivity().when(launch(Metric.VISITS, null, List.of("anna"), List.of(),
                            List.of(new ContestPrize(0, null, "Zero")), MAY_1, MAY_31, LAUNCH))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("prizes[0].rank: must be at least 1");
            newFixture().givenNoPriorActivity().when(launch(Metric.VISITS, null, List.of("anna"), List.of(),
                            List.of(new ContestPrize(1, null, "A"), new ContestPrize(1, null, "B")), MAY_1, MAY_31, LAUNCH))
                    .expectExceptionMessage("prizes[1].rank: each rank has at most one prize");
            newFixture().givenNoPriorActivity().when(launch(Metric.VISITS, null, List.of("anna"), List.of(),
                            List.of(new ContestPrize(1, null, " ")), MAY_1, MAY_31, LAUNCH))
                    .expectExceptionMessage("prizes[0]: a prize needs money or a title");
            newFixture().givenNoPriorActivity().when(launch(Metric.VISITS, null, List.of("anna"), List.of(),
                            List.of(new ContestPrize(1, Money.of("0", "EUR"), null)), MAY_1, MAY_31, LAUNCH))
                    .expectExceptionMessage("prizes[0].money: must be positive");
        }

        @Test
        void aSecondLaunchOfTheSameIdCollides() {
            fixture.given(launched()).when(launch())
                    .expectException(org.axonframework.eventsourcing.eventstore.EventStoreException.class);
        }
    }

    @Nested
    class Participants {

        @Test
        void addsAndRemovesRepsAndTeamsUntilTheWindowEnds() {
            fixture.given(launched())
                    .when(new AddContestParticipantCommand(C, "boris", null, LAST_DAY))
                    .expectEvents(new ContestParticipantAddedEvent(C, "boris", null, LAST_DAY));
            newFixture().given(launched())
                    .when(new RemoveContestParticipantCommand(C, null, "west", "reorganised", IN_MAY))
                    .expectEvents(new ContestParticipantRemovedEvent(C, null, "west", "reorganised", IN_MAY));
        }

        @Test
        void notAfterTheWindow() {
            fixture.given(launched())
                    .when(new AddContestParticipantCommand(C, "boris", null, JUNE))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("occurredAt: participants change only until the window ends on 2017-05-31")
                    .expectNoEvents();
            newFixture().given(launched())
                    .when(new RemoveContestParticipantCommand(C, "anna", null, "left", JUNE))
                    .expectException(IllegalTransitionException.class);
        }

        @Test
        void notOnceCancelled() {
            fixture.given(launched(), new ContestCancelledEvent(C, "cara", "budget", IN_MAY))
                    .when(new AddContestParticipantCommand(C, "boris", null, IN_MAY))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("contestId: contest is cancelled");
        }

        @Test
        void exactlyOneOfRepAndTeam() {
            fixture.given(launched())
                    .when(new AddContestParticipantCommand(C, "boris", "east", IN_MAY))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("repId: exactly one of repId and teamId is required");
        }

        @Test
        void aParticipantIsAddedOnceAndMustExist() {
            fixture.given(launched())
                    .when(new AddContestParticipantCommand(C, "anna", null, IN_MAY))
                    .expectException(DuplicateException.class).expectExceptionMessage("repId: already takes part");
            newFixture().given(launched())
                    .when(new AddContestParticipantCommand(C, null, "north", IN_MAY))
                    .expectException(InvalidCommandException.class).expectExceptionMessage("teamId: no such team");
            newFixture().given(launched())
                    .when(new AddContestParticipantCommand(C, "ghost", null, IN_MAY))
                    .expectExceptionMessage("repId: no such rep");
        }

        @Test
        void onlyParticipantsAreRemoved() {
            fixture.given(launched())
                    .when(new RemoveContestParticipantCommand(C, "boris", null, "why", IN_MAY))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("repId: does not take part");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void closesOnlyAfterTheWindowsEnd() {
            fixture.given(launched()).when(new CloseContestCommand(C, "cara", JUNE)).expectEvents(closed());
            newFixture().given(launched()).when(new CloseContestCommand(C, "cara", LAST_DAY))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("occurredAt: a contest closes only after its window ends on 2017-05-31")
                    .expectNoEvents();
        }

        @Test
        void closesAndCancelsOnce() {
            fixture.given(launched(), closed()).when(new CloseContestCommand(C, "cara", JUNE))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("contestId: contest is closed");
            newFixture().given(launched(), closed()).when(new CancelContestCommand(C, "cara", "oops", JUNE))
                    .expectException(IllegalTransitionException.class);
            newFixture().given(launched(), new ContestCancelledEvent(C, "cara", "budget", IN_MAY))
                    .when(new CloseContestCommand(C, "cara", JUNE))
                    .expectExceptionMessage("contestId: contest is cancelled");
        }

        @Test
        void cancelsARunningContest() {
            fixture.given(launched()).when(new CancelContestCommand(C, "cara", "budget frozen", IN_MAY))
                    .expectEvents(new ContestCancelledEvent(C, "cara", "budget frozen", IN_MAY));
        }
    }

    @Nested
    class Awards {

        private final Instant at = Instant.parse("2017-06-02T10:00:00Z");

        private ContestPrizeAwardedEvent awarded(int rank, String rep, Money money, String title) {
            return new ContestPrizeAwardedEvent(C, "May sprint", rank, rep, money, title, "cara", at);
        }

        @Test
        void awardsThePrizeOfARankToANamedParticipant() {
            fixture.given(launched(), closed())
                    .when(new AwardContestPrizeCommand(C, 1, "anna", "cara", at))
                    .expectEvents(awarded(1, "anna", Money.of("500.00", "EUR"), "May champion"));
        }

        @Test
        void aMemberOfAParticipatingTeamTakesPart() {
            fixture.given(launched(), closed())
                    .when(new AwardContestPrizeCommand(C, 2, "carl", "cara", at))
                    .expectEvents(awarded(2, "carl", null, "Runner-up"));
        }

        @Test
        void onlyOnceClosed() {
            fixture.given(launched())
                    .when(new AwardContestPrizeCommand(C, 1, "anna", "cara", at))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("contestId: prizes are awarded only once the contest is closed")
                    .expectNoEvents();
            newFixture().given(launched(), new ContestCancelledEvent(C, "cara", "budget", IN_MAY))
                    .when(new AwardContestPrizeCommand(C, 1, "anna", "cara", at))
                    .expectException(IllegalTransitionException.class);
        }

        @Test
        void theRankMustHaveAPrize() {
            fixture.given(launched(), closed())
                    .when(new AwardContestPrizeCommand(C, 3, "anna", "cara", at))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("rank: the contest has no prize for rank 3");
        }

        @Test
        void theRepMustHaveTakenPart() {
            fixture.given(launched(), closed())
                    .when(new AwardContestPrizeCommand(C, 1, "boris", "cara", at))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("repId: rep did not take part in the contest");
            newFixture().given(launched(), closed())
                    .when(new AwardContestPrizeCommand(C, 1, "ghost", "cara", at))
                    .expectExceptionMessage("repId: rep did not take part in the contest");
            newFixture().given(launched(), new ContestParticipantRemovedEvent(C, "anna", null, "left", IN_MAY), closed())
                    .when(new AwardContestPrizeCommand(C, 1, "anna", "cara", at))
                    .expectExceptionMessage("repId: rep did not take part in the contest");
        }

        @Test
        void eachRankOnceAndEachRepOnce() {
            fixture.given(launched(), closed(), awarded(1, "anna", Money.of("500.00", "EUR"), "May champion"))
                    .when(new AwardContestPrizeCommand(C, 1, "carl", "cara", at))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("rank: the prize for this rank was already awarded");
            newFixture().given(launched(), closed(), awarded(1, "anna", Money.of("500.00", "EUR"), "May champion"))
                    .when(new AwardContestPrizeCommand(C, 2, "anna", "cara", at))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("repId: rep already won a prize in this contest");
        }
    }
}
