package io.attain.command.domain.organisation;

import io.attain.command.domain.DomainRuleViolation;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.organisation.ChangeTeamManagerCommand;
import io.attain.kernel.organisation.CreateTeamCommand;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.target.AssignTeamTargetCommand;
import io.attain.kernel.target.ReviseTeamTargetCommand;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;

/** Teams: creation, manager changes and team targets. */
class TeamTest {

    private static final String TEAM = "team-1";
    private static final Instant NOW = Instant.parse("2017-05-10T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2017-04-28T08:00:00Z");
    private static final Period Q2 = Period.parse("2017-Q2");
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    private FixtureConfiguration<Team> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Team.class);
    }

    private static TeamCreatedEvent created() {
        return new TeamCreatedEvent(TEAM, "Team Losch", "east", "Cara Losch", Instant.parse("2016-01-01T00:00:00Z"));
    }

    private static TargetAssignedEvent revenueTarget(String targetId, Period period, BigDecimal amount) {
        return new TargetAssignedEvent(targetId, TargetOwnerType.TEAM, TEAM, period, Metric.REVENUE, null, amount,
                "USD", EARLIER);
    }

    @Nested
    class CreateTeam {

        @Test
        void createsATeamAtTheMessageClockTimeByDefault() {
            fixture.givenCurrentTime(NOW)
                    .when(new CreateTeamCommand(TEAM, "Team Losch", "east", "Cara Losch", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TeamCreatedEvent(TEAM, "Team Losch", "east", "Cara Losch", NOW));
        }

        @Test
        void createsATeamAtTheGivenBusinessTime() {
            fixture.givenCurrentTime(NOW)
                    .when(new CreateTeamCommand(TEAM, "Team Losch", "east", "Cara Losch", EARLIER))
                    .expectEvents(new TeamCreatedEvent(TEAM, "Team Losch", "east", "Cara Losch", EARLIER));
        }
    }

    @Nested
    class ChangeTeamManager {

        @Test
        void handsTheTeamToAnotherManager() {
            fixture.given(created())
                    .andGivenCurrentTime(NOW)
                    .when(new ChangeTeamManagerCommand(TEAM, "Rocco Neubert", null))
                    .expectEvents(new TeamManagerChangedEvent(TEAM, "Cara Losch", "Rocco Neubert", NOW));
        }

        @Test
        void aSecondChangeStartsFromTheFirst() {
            fixture.given(created(), new TeamManagerChangedEvent(TEAM, "Cara Losch", "Rocco Neubert", EARLIER))
                    .when(new ChangeTeamManagerCommand(TEAM, "Cara Losch", EARLIER))
                    .expectEvents(new TeamManagerChangedEvent(TEAM, "Rocco Neubert", "Cara Losch", EARLIER));
        }

        @Test
        void refusesTheCurrentManager() {
            fixture.given(created())
                    .when(new ChangeTeamManagerCommand(TEAM, "Cara Losch", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("managerId: must differ from the current manager")
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownTeam() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeTeamManagerCommand(TEAM, "Rocco Neubert", null))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class AssignTeamTarget {

        @Test
        void assignsARevenueTargetAtTheMessageClockTime() {
            fixture.given(created())
                    .andGivenCurrentTime(NOW)
                    .when(new AssignTeamTargetCommand(TEAM, "tt-1", Q2, Metric.REVENUE, null, MILLION, "USD", null))
                    .expectEvents(new TargetAssignedEvent("tt-1", TargetOwnerType.TEAM, TEAM, Q2, Metric.REVENUE, null,
                            MILLION, "USD", NOW));
        }

        @Test
        void assignsAProductTargetAtTheGivenBusinessTime() {
            fixture.given(created(), revenueTarget("tt-1", Q2, MILLION))
                    .when(new AssignTeamTargetCommand(TEAM, "tt-2", Q2, Metric.PRODUCT_REVENUE, "GTX Pro", MILLION,
                            "USD", EARLIER))
                    .expectEvents(new TargetAssignedEvent("tt-2", TargetOwnerType.TEAM, TEAM, Q2,
                            Metric.PRODUCT_REVENUE, "GTX Pro", MILLION, "USD", EARLIER));
        }

        @Test
        void refusesATakenTargetId() {
            fixture.given(created(), revenueTarget("tt-1", Q2, MILLION))
                    .when(new AssignTeamTargetCommand(TEAM, "tt-1", Period.parse("2017"), Metric.VISITS, null,
                            BigDecimal.TEN, null, null))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("targetId: target already exists");
        }

        @Test
        void refusesASecondTargetForTheSamePeriodAndMetric() {
            fixture.given(created(), revenueTarget("tt-1", Q2, MILLION))
                    .when(new AssignTeamTargetCommand(TEAM, "tt-2", Q2, Metric.REVENUE, null, MILLION, "USD", null))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("period: a target for this period and metric exists; revise it instead")
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownTeam() {
            fixture.givenNoPriorActivity()
                    .when(new AssignTeamTargetCommand(TEAM, "tt-1", Q2, Metric.REVENUE, null, MILLION, "USD", null))
                    .expectException(AggregateNotFoundException.class);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.attain.command.domain.target.TargetRuleCases#invalidTargets")
        void refusesATargetBreakingARule(Metric metric, String productLine, BigDecimal amount, String currency,
                                         Class<? extends DomainRuleViolation> type, String message) {
            fixture.given(created())
                    .when(new AssignTeamTargetCommand(TEAM, "tt-1", Q2, metric, productLine, amount, currency, null))
                    .expectException(type)
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReviseTeamTarget {

        @Test
        void revisesTheAmountAtTheMessageClockTime() {
            fixture.given(created(), revenueTarget("tt-1", Q2, MILLION))
                    .andGivenCurrentTime(NOW)
                    .when(new ReviseTeamTargetCommand(TEAM, "tt-1", new BigDecimal("900000"), "rep left", null))
                    .expectEvents(new TargetRevisedEvent("tt-1", TargetOwnerType.TEAM, TEAM, MILLION,
                            new BigDecimal("900000"), "rep left", NOW));
        }

        @Test
        void aRevisionStartsFromTheLastRevisedAmountOfThatTargetOnly() {
            fixture.given(created(), revenueTarget("tt-1", Q2, MILLION), revenueTarget("tt-2", Period.parse("2017-Q3"), MILLION),
                            new TargetRevisedEvent("tt-1", TargetOwnerType.TEAM, TEAM, MILLION, new BigDecimal("900000"),
                                    "rep left", EARLIER))
                    .when(new ReviseTeamTargetCommand(TEAM, "tt-1", new BigDecimal("950000"), "rep hired", EARLIER))
                    .expectEvents(new TargetRevisedEvent("tt-1", TargetOwnerType.TEAM, TEAM, new BigDecimal("900000"),
                            new BigDecimal("950000"), "rep hired", EARLIER));
        }

        @Test
        void refusesAnUnknownTarget() {
            fixture.given(created())
                    .when(new ReviseTeamTargetCommand(TEAM, "tt-9", MILLION, "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("targetId: no such target");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1"})
        void refusesANonPositiveAmount(String amount) {
            fixture.given(created(), revenueTarget("tt-1", Q2, MILLION))
                    .when(new ReviseTeamTargetCommand(TEAM, "tt-1", new BigDecimal(amount), "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be positive")
                    .expectNoEvents();
        }

        @Test
        void refusesAFractionForACountTarget() {
            fixture.given(created(), new TargetAssignedEvent("tt-1", TargetOwnerType.TEAM, TEAM, Q2,
                            Metric.NEW_CUSTOMERS, null, BigDecimal.TEN, null, EARLIER))
                    .when(new ReviseTeamTargetCommand(TEAM, "tt-1", new BigDecimal("10.5"), "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be a whole number for count metrics");
        }

        @Test
        void refusesTheSameAmount() {
            fixture.given(created(), revenueTarget("tt-1", Q2, MILLION))
                    .when(new ReviseTeamTargetCommand(TEAM, "tt-1", new BigDecimal("1000000.00"), "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must differ from the current amount");
        }
    }
}
