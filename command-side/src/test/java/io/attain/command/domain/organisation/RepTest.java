package io.attain.command.domain.organisation;

import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InMemoryAggregates;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Role;
import io.attain.kernel.organisation.OffboardRepCommand;
import io.attain.kernel.organisation.OnboardRepCommand;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TransferRepCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

/** Employment of a rep: onboarding, transfers, offboarding. */
class RepTest {

    private static final String REP = "Anna Snelling";
    private static final LocalDate HIRED = LocalDate.of(2016, 10, 20);
    private static final Instant NOW = Instant.parse("2017-05-10T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2017-04-28T08:00:00Z");

    private FixtureConfiguration<Rep> fixture;

    @BeforeEach
    void setUp() {
        InMemoryAggregates<Team> teams = InMemoryAggregates.of(Team.class);
        for (String team : new String[]{"team-1", "team-2", "team-3"}) {
            teams.given(team, new TeamCreatedEvent(team, team, "east", "Cara Losch", EARLIER));
        }
        // A stream under an id that is not a team's: the team check must not accept it.
        teams.given("not-a-team", onboarded());
        fixture = new AggregateTestFixture<>(Rep.class);
        fixture.registerAnnotatedCommandHandler(new RepCommandHandler(fixture.getRepository(), teams.repository()));
    }

    private static RepOnboardedEvent onboarded() {
        return new RepOnboardedEvent(REP, REP, Role.SALES_REP, "team-1", "Cara Losch", HIRED,
                Instant.parse("2016-10-20T08:00:00Z"));
    }

    @Nested
    class OnboardRep {

        @Test
        void onboardsAtTheMessageClockTimeByDefault() {
            fixture.givenCurrentTime(NOW)
                    .when(new OnboardRepCommand(REP, "Anna S.", Role.KEY_ACCOUNT_MANAGER, "team-1", "Cara Losch",
                            HIRED, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new RepOnboardedEvent(REP, "Anna S.", Role.KEY_ACCOUNT_MANAGER, "team-1",
                            "Cara Losch", HIRED, NOW));
        }

        @Test
        void onboardsAtTheGivenBusinessTime() {
            fixture.givenCurrentTime(NOW)
                    .when(new OnboardRepCommand(REP, REP, Role.SALES_REP, "team-1", "Cara Losch", HIRED, EARLIER))
                    .expectEvents(new RepOnboardedEvent(REP, REP, Role.SALES_REP, "team-1", "Cara Losch", HIRED,
                            EARLIER));
        }

        @ParameterizedTest
        @ValueSource(strings = {"team-9", "not-a-team"})
        void refusesATeamThatDoesNotExist(String teamId) {
            fixture.givenNoPriorActivity()
                    .when(new OnboardRepCommand(REP, REP, Role.SALES_REP, teamId, "Cara Losch", HIRED, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("teamId: no such team")
                    .expectNoEvents();
        }
    }

    @Nested
    class TransferRep {

        private final LocalDate june = LocalDate.of(2017, 6, 1);

        @Test
        void transfersToAnotherTeamFromTheEffectiveDate() {
            fixture.given(onboarded())
                    .andGivenCurrentTime(NOW)
                    .when(new TransferRepCommand(REP, "team-2", "Rocco Neubert", june, null))
                    .expectEvents(new RepTransferredEvent(REP, "team-1", "Cara Losch", "team-2", "Rocco Neubert",
                            june, NOW));
        }

        @Test
        void changesOnlyTheManager() {
            fixture.given(onboarded())
                    .when(new TransferRepCommand(REP, "team-1", "Rocco Neubert", june, EARLIER))
                    .expectEvents(new RepTransferredEvent(REP, "team-1", "Cara Losch", "team-1", "Rocco Neubert",
                            june, EARLIER));
        }

        @Test
        void aSecondTransferStartsFromTheFirst() {
            LocalDate july = LocalDate.of(2017, 7, 1);
            fixture.given(onboarded(),
                            new RepTransferredEvent(REP, "team-1", "Cara Losch", "team-2", "Rocco Neubert", june, EARLIER))
                    .when(new TransferRepCommand(REP, "team-3", "Melvin Marxen", july, EARLIER))
                    .expectEvents(new RepTransferredEvent(REP, "team-2", "Rocco Neubert", "team-3", "Melvin Marxen",
                            july, EARLIER));
        }

        @Test
        void refusesAnOffboardedRep() {
            fixture.given(onboarded(), new RepOffboardedEvent(REP, LocalDate.of(2017, 8, 1), EARLIER))
                    .when(new TransferRepCommand(REP, "team-2", "Rocco Neubert", june, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("repId: rep is offboarded")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2016-10-20", "2016-01-01"})
        void refusesAnEffectiveDateNotAfterTheHireDate(String effectiveDate) {
            fixture.given(onboarded())
                    .when(new TransferRepCommand(REP, "team-2", "Rocco Neubert", LocalDate.parse(effectiveDate), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("effectiveDate: must be after the start of the current assignment");
        }

        @Test
        void refusesAnEffectiveDateNotAfterTheLastTransfer() {
            fixture.given(onboarded(),
                            new RepTransferredEvent(REP, "team-1", "Cara Losch", "team-2", "Rocco Neubert", june, EARLIER))
                    .when(new TransferRepCommand(REP, "team-3", "Melvin Marxen", june.minusDays(1), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("effectiveDate: must be after the start of the current assignment");
        }

        @Test
        void refusesTheCurrentTeamAndManager() {
            fixture.given(onboarded())
                    .when(new TransferRepCommand(REP, "team-1", "Cara Losch", june, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("toTeamId: must differ from the current team or manager");
        }

        @Test
        void refusesAnUnknownRep() {
            fixture.givenNoPriorActivity()
                    .when(new TransferRepCommand(REP, "team-2", "Rocco Neubert", june, null))
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void refusesATeamThatDoesNotExist() {
            fixture.given(onboarded())
                    .when(new TransferRepCommand(REP, "team-9", "Rocco Neubert", june, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("toTeamId: no such team")
                    .expectNoEvents();
        }
    }

    @Nested
    class OffboardRep {

        private final LocalDate june = LocalDate.of(2017, 6, 1);

        @Test
        void offboardsFromTheEffectiveDate() {
            fixture.given(onboarded())
                    .andGivenCurrentTime(NOW)
                    .when(new OffboardRepCommand(REP, june, null))
                    .expectEvents(new RepOffboardedEvent(REP, june, NOW));
        }

        @Test
        void offboardsAfterATransfer() {
            fixture.given(onboarded(),
                            new RepTransferredEvent(REP, "team-1", "Cara Losch", "team-2", "Rocco Neubert", june, EARLIER))
                    .when(new OffboardRepCommand(REP, june.plusDays(1), EARLIER))
                    .expectEvents(new RepOffboardedEvent(REP, june.plusDays(1), EARLIER));
        }

        @Test
        void refusesARepAlreadyOffboarded() {
            fixture.given(onboarded(), new RepOffboardedEvent(REP, june, EARLIER))
                    .when(new OffboardRepCommand(REP, june.plusMonths(1), null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("repId: rep is offboarded")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2016-10-20", "2016-10-19"})
        void refusesAnEffectiveDateNotAfterTheHireDate(String effectiveDate) {
            fixture.given(onboarded())
                    .when(new OffboardRepCommand(REP, LocalDate.parse(effectiveDate), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("effectiveDate: must be after the start of the current assignment");
        }

        @Test
        void refusesAnEffectiveDateNotAfterTheLastTransfer() {
            fixture.given(onboarded(),
                            new RepTransferredEvent(REP, "team-1", "Cara Losch", "team-2", "Rocco Neubert", june, EARLIER))
                    .when(new OffboardRepCommand(REP, june, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("effectiveDate: must be after the start of the current assignment");
        }

        @Test
        void refusesAnUnknownRep() {
            fixture.givenNoPriorActivity()
                    .when(new OffboardRepCommand(REP, june, null))
                    .expectException(AggregateNotFoundException.class);
        }
    }
}
