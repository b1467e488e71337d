package io.attain.command.domain.organisation;

import io.attain.command.domain.DomainRuleViolation;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.target.AssignRepTargetCommand;
import io.attain.kernel.target.ReviseRepTargetCommand;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

/** Rep targets, owned by the {@link Rep} aggregate. */
class RepTargetTest {

    private static final String REP = "Anna Snelling";
    private static final Instant NOW = Instant.parse("2017-05-10T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2017-04-28T08:00:00Z");
    private static final Period MAY = Period.parse("2017-05");
    private static final Period Q2 = Period.parse("2017-Q2");
    private static final BigDecimal FIFTY_K = new BigDecimal("50000");

    private FixtureConfiguration<Rep> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rep.class);
    }

    private static RepOnboardedEvent onboarded() {
        return new RepOnboardedEvent(REP, REP, Role.SALES_REP, "team-1", "Cara Losch", LocalDate.of(2016, 10, 20),
                Instant.parse("2016-10-20T08:00:00Z"));
    }

    private static TargetAssignedEvent revenueTarget(String targetId, Period period, BigDecimal amount) {
        return new TargetAssignedEvent(targetId, TargetOwnerType.REP, REP, period, Metric.REVENUE, null, amount,
                "EUR", EARLIER);
    }

    private static AssignRepTargetCommand assign(String targetId, Period period, Metric metric, String productLine,
                                                 BigDecimal amount, String currency) {
        return new AssignRepTargetCommand(REP, targetId, period, metric, productLine, amount, currency, null);
    }

    @Nested
    class AssignTarget {

        @Test
        void assignsARevenueTargetForAMonthAtTheMessageClockTime() {
            fixture.given(onboarded())
                    .andGivenCurrentTime(NOW)
                    .when(assign("t-1", MAY, Metric.REVENUE, null, FIFTY_K, "EUR"))
                    .expectEvents(new TargetAssignedEvent("t-1", TargetOwnerType.REP, REP, MAY, Metric.REVENUE, null,
                            FIFTY_K, "EUR", NOW));
        }

        @Test
        void assignsAProductRevenueTargetForAQuarterAtTheGivenBusinessTime() {
            fixture.given(onboarded())
                    .when(new AssignRepTargetCommand(REP, "t-1", Q2, Metric.PRODUCT_REVENUE, "GTX Pro",
                            new BigDecimal("12000.50"), "USD", EARLIER))
                    .expectEvents(new TargetAssignedEvent("t-1", TargetOwnerType.REP, REP, Q2,
                            Metric.PRODUCT_REVENUE, "GTX Pro", new BigDecimal("12000.50"), "USD", EARLIER));
        }

        @Test
        void assignsACountTargetForAYear() {
            Period year = Period.parse("2017");
            fixture.given(onboarded())
                    .andGivenCurrentTime(NOW)
                    .when(assign("t-1", year, Metric.DEALS_WON, null, new BigDecimal("40.00"), null))
                    .expectEvents(new TargetAssignedEvent("t-1", TargetOwnerType.REP, REP, year, Metric.DEALS_WON,
                            null, new BigDecimal("40.00"), null, NOW));
        }

        static Stream<Arguments> otherTargets() {
            return Stream.of(
                    Arguments.of(MAY, Metric.PRODUCT_REVENUE, "MG Special", FIFTY_K, "EUR"),
                    Arguments.of(Period.parse("2017-06"), Metric.REVENUE, null, FIFTY_K, "EUR"),
                    Arguments.of(Q2, Metric.REVENUE, null, FIFTY_K, "EUR"),
                    Arguments.of(MAY, Metric.VISITS, null, BigDecimal.TEN, null));
        }

        @ParameterizedTest
        @MethodSource("otherTargets")
        void anotherPeriodMetricOrProductLineIsADifferentTarget(Period period, Metric metric, String productLine,
                                                                 BigDecimal amount, String currency) {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K),
                            new TargetAssignedEvent("t-2", TargetOwnerType.REP, REP, MAY, Metric.PRODUCT_REVENUE,
                                    "GTX Pro", FIFTY_K, "EUR", EARLIER))
                    .andGivenCurrentTime(NOW)
                    .when(assign("t-3", period, metric, productLine, amount, currency))
                    .expectEvents(new TargetAssignedEvent("t-3", TargetOwnerType.REP, REP, period, metric,
                            productLine, amount, currency, NOW));
        }

        @Test
        void aRepOffboardedDuringThePeriodMayStillGetATarget() {
            fixture.given(onboarded(), new RepOffboardedEvent(REP, LocalDate.of(2017, 5, 15), EARLIER))
                    .andGivenCurrentTime(NOW)
                    .when(assign("t-1", Q2, Metric.VISITS, null, BigDecimal.TEN, null))
                    .expectEvents(new TargetAssignedEvent("t-1", TargetOwnerType.REP, REP, Q2, Metric.VISITS, null,
                            BigDecimal.TEN, null, NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2017-05", "2017-06", "2017-Q3", "2018"})
        void refusesAPeriodStartingOnOrAfterTheOffboardingDate(String period) {
            fixture.given(onboarded(), new RepOffboardedEvent(REP, LocalDate.of(2017, 5, 1), EARLIER))
                    .when(assign("t-1", Period.parse(period), Metric.VISITS, null, BigDecimal.TEN, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("repId: rep is offboarded before the period starts")
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownRep() {
            fixture.givenNoPriorActivity()
                    .when(assign("t-1", MAY, Metric.REVENUE, null, FIFTY_K, "EUR"))
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void refusesATakenTargetId() {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K))
                    .when(assign("t-1", Q2, Metric.VISITS, null, BigDecimal.TEN, null))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("targetId: target already exists");
        }

        @Test
        void refusesASecondTargetForTheSamePeriodAndMetric() {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K))
                    .when(assign("t-2", MAY, Metric.REVENUE, null, new BigDecimal("60000"), "EUR"))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("period: a target for this period and metric exists; revise it instead")
                    .expectNoEvents();
        }

        @Test
        void refusesASecondTargetForTheSameProductLine() {
            fixture.given(onboarded(), new TargetAssignedEvent("t-1", TargetOwnerType.REP, REP, Q2,
                            Metric.PRODUCT_REVENUE, "GTX Pro", FIFTY_K, "EUR", EARLIER))
                    .when(assign("t-2", Q2, Metric.PRODUCT_REVENUE, "GTX Pro", FIFTY_K, "EUR"))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("period: a target for this period and metric exists; revise it instead");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.attain.command.domain.target.TargetRuleCases#invalidTargets")
        void refusesATargetBreakingARule(Metric metric, String productLine, BigDecimal amount, String currency,
                                         Class<? extends DomainRuleViolation> type, String message) {
            fixture.given(onboarded())
                    .when(assign("t-1", MAY, metric, productLine, amount, currency))
                    .expectException(type)
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReviseTarget {

        @Test
        void revisesTheAmountAtTheMessageClockTime() {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K))
                    .andGivenCurrentTime(NOW)
                    .when(new ReviseRepTargetCommand(REP, "t-1", new BigDecimal("55000"), "territory grew", null))
                    .expectEvents(new TargetRevisedEvent("t-1", TargetOwnerType.REP, REP, FIFTY_K,
                            new BigDecimal("55000"), "territory grew", NOW));
        }

        @Test
        void aRevisionStartsFromTheLastRevisedAmount() {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K),
                            new TargetRevisedEvent("t-1", TargetOwnerType.REP, REP, FIFTY_K, new BigDecimal("60000"),
                                    "first", EARLIER))
                    .when(new ReviseRepTargetCommand(REP, "t-1", new BigDecimal("70000"), "second", EARLIER))
                    .expectEvents(new TargetRevisedEvent("t-1", TargetOwnerType.REP, REP, new BigDecimal("60000"),
                            new BigDecimal("70000"), "second", EARLIER));
        }

        @Test
        void aRevisionChangesOnlyTheRevisedTarget() {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K), revenueTarget("t-2", Q2, FIFTY_K),
                            new TargetRevisedEvent("t-1", TargetOwnerType.REP, REP, FIFTY_K, new BigDecimal("60000"),
                                    "first", EARLIER))
                    .when(new ReviseRepTargetCommand(REP, "t-2", new BigDecimal("60000"), "align", EARLIER))
                    .expectEvents(new TargetRevisedEvent("t-2", TargetOwnerType.REP, REP, FIFTY_K,
                            new BigDecimal("60000"), "align", EARLIER));
        }

        @Test
        void anOffboardedRepsTargetMayStillBeRevised() {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K),
                            new RepOffboardedEvent(REP, LocalDate.of(2017, 5, 15), EARLIER))
                    .when(new ReviseRepTargetCommand(REP, "t-1", new BigDecimal("25000"), "pro rata", EARLIER))
                    .expectEvents(new TargetRevisedEvent("t-1", TargetOwnerType.REP, REP, FIFTY_K,
                            new BigDecimal("25000"), "pro rata", EARLIER));
        }

        @Test
        void refusesAnUnknownTarget() {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K))
                    .when(new ReviseRepTargetCommand(REP, "t-9", new BigDecimal("55000"), "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("targetId: no such target")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-100"})
        void refusesANonPositiveAmount(String amount) {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K))
                    .when(new ReviseRepTargetCommand(REP, "t-1", new BigDecimal(amount), "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be positive");
        }

        @Test
        void refusesAFractionForACountTarget() {
            fixture.given(onboarded(), new TargetAssignedEvent("t-1", TargetOwnerType.REP, REP, MAY, Metric.VISITS,
                            null, BigDecimal.TEN, null, EARLIER))
                    .when(new ReviseRepTargetCommand(REP, "t-1", new BigDecimal("12.5"), "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be a whole number for count metrics");
        }

        @Test
        void refusesTheSameAmount() {
            fixture.given(onboarded(), revenueTarget("t-1", MAY, FIFTY_K))
                    .when(new ReviseRepTargetCommand(REP, "t-1", new BigDecimal("50000.00"), "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must differ from the current amount");
        }
    }
}
