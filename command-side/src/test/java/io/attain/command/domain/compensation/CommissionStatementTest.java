package io.attain.command.domain.compensation;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.AccrueCommissionCommand;
import io.attain.kernel.compensation.AdjustCommissionCommand;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.ApproveStatementCommand;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.ClawBackCommissionCommand;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.DealFacts;
import io.attain.kernel.compensation.DisputeStatementLineCommand;
import io.attain.kernel.compensation.LockStatementCommand;
import io.attain.kernel.compensation.PayCommissionCommand;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.ResolveDisputeCommand;
import io.attain.kernel.compensation.StatementApprovedEvent;
import io.attain.kernel.compensation.StatementDisputeResolvedEvent;
import io.attain.kernel.compensation.StatementLineDisputedEvent;
import io.attain.kernel.compensation.StatementLockedEvent;
import io.attain.kernel.compensation.StatementSubmittedEvent;
import io.attain.kernel.compensation.SubmitStatementCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.attain.command.domain.compensation.CompensationFixtures.JAN_1;
import static io.attain.command.domain.compensation.CompensationFixtures.deal;
import static io.attain.command.domain.compensation.CompensationFixtures.eur;
import static io.attain.command.domain.compensation.CompensationFixtures.terms;
import static io.attain.command.domain.compensation.CompensationFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

class CommissionStatementTest {

    private static final String REP = "Anna Snelling";
    private static final String MANAGER = "Cara Losch";
    private static final Period MAY = Period.parse("2017-05");
    private static final String ID = CompensationIds.statementId(REP, MAY);
    private static final Instant NOW = Instant.parse("2017-05-20T12:00:00Z");
    private static final Instant AT = Instant.parse("2017-05-10T15:00:00Z");
    private static final PlanVersion PLAN = version(1, terms(JAN_1));
    private static final Money TARGET = eur("100000");
    private static final CommissionCalculator CALCULATOR = new CommissionCalculator();

    private FixtureConfiguration<CommissionStatement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CommissionStatement.class);
    }

    // --- commands and events --------------------------------------------------------------------

    private static AccrueCommissionCommand accrue(String lineId, String dealId, String credited) {
        return new AccrueCommissionCommand(ID, REP, MAY, lineId, PLAN, deal(dealId, credited), eur(credited), TARGET,
                null, List.of("ev-" + dealId), List.of(7L), AT);
    }

    private static CommissionStatementOpenedEvent opened() {
        return new CommissionStatementOpenedEvent(ID, REP, MAY, AT);
    }

    /** The accrual of a new deal at revenue {@code before}, with {@code periodBefore} seen by the period cap. */
    private static CommissionAccruedEvent accrued(String lineId, String dealId, String credited, String before,
                                                  String periodBefore) {
        CommissionCalculation c = CALCULATOR.calculate(PLAN, CommissionInput.newDeal(deal(dealId, credited),
                eur(credited), eur(before), TARGET, eur(periodBefore)));
        return new CommissionAccruedEvent(ID, lineId, REP, MAY, dealId, PLAN, c, List.of("ev-" + dealId), List.of(7L),
                AT);
    }

    /** l-1: deal d-1, 20,000 at 0 → 400.00. */
    private static CommissionAccruedEvent firstLine() {
        return accrued("l-1", "d-1", "20000", "0", "0");
    }

    private static StatementSubmittedEvent submitted(Money... totals) {
        return new StatementSubmittedEvent(ID, REP, REP, List.of(totals), AT);
    }

    private static StatementApprovedEvent approved(Money... totals) {
        return new StatementApprovedEvent(ID, REP, "fin-1", ApproverRole.FINANCE, List.of(totals), AT);
    }

    private static StatementLockedEvent locked() {
        return new StatementLockedEvent(ID, REP, "fin-1", AT);
    }

    private static ClawBackCommissionCommand clawBack(String lineId, String original, Money reduction, Instant at) {
        return new ClawBackCommissionCommand(ID, lineId, original, reduction, "deal reopened", List.of("ev-x"),
                List.of(9L), at);
    }

    private static AdjustCommissionCommand adjust(String lineId, Money amount) {
        return new AdjustCommissionCommand(ID, REP, MAY, lineId, amount, AdjustmentKind.RETROACTIVE_PLAN_CHANGE,
                "plan v2 from 2017-01-01", "statement:Anna Snelling:2017-04", "l-0", null, AT);
    }

    private static StatementLineDisputedEvent disputed(String disputeId, String lineId) {
        return new StatementLineDisputedEvent(ID, disputeId, REP, lineId, "split was 70/30", AT);
    }

    @Nested
    class Accrue {

        @Test
        void theFirstAccrualOpensTheStatementAndCarriesTheWholeCalculation() {
            fixture.givenNoPriorActivity()
                    .when(accrue("l-1", "d-1", "20000"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened(), firstLine())
                    .expectState(s -> {
                        assertThat(s.status()).isEqualTo(StatementStatus.OPEN);
                        assertThat(s.total("EUR")).isEqualTo(eur("400.00"));
                    });
        }

        @Test
        void laterAccrualsStartAtTheStatementsRunningRevenue() {
            // l-1 took the revenue to 20,000 (400.00); l-2 (30,000) runs 20,000…50,000 at 2 % = 600.00
            fixture.given(opened(), firstLine())
                    .when(accrue("l-2", "d-2", "30000"))
                    .expectEvents(accrued("l-2", "d-2", "30000", "20000", "400.00"))
                    .expectState(s -> assertThat(s.total("EUR")).isEqualTo(eur("1000.00")));
        }

        @Test
        void anExplicitRevenueBeforeWins() {
            CommissionCalculation c = CALCULATOR.calculate(PLAN, CommissionInput.newDeal(deal("d-2", "30000"),
                    eur("30000"), eur("90000"), TARGET, eur("400.00")));
            fixture.given(opened(), firstLine())
                    .andGivenCurrentTime(NOW)
                    .when(new AccrueCommissionCommand(ID, REP, MAY, "l-2", PLAN, deal("d-2", "30000"), eur("30000"),
                            TARGET, eur("90000"), null, null, null))
                    .expectEvents(new CommissionAccruedEvent(ID, "l-2", REP, MAY, "d-2", PLAN, c, List.of(), List.of(),
                            NOW));
        }

        @Test
        void aDealMayBeAccruedAgainOnceItWasClawedBackCompletely() {
            CommissionAccruedEvent first = firstLine();
            CommissionCalculation back = CALCULATOR.calculate(PLAN, new CommissionInput(deal("d-1", "20000"),
                    eur("-20000"), eur("20000"), TARGET, eur("20000"), eur("400"), eur("400")));
            fixture.given(opened(), first, new CommissionClawedBackEvent(ID, "l-2", REP, "l-1", "d-1", eur("20000"),
                            back, "reopened", List.of(), List.of(), AT))
                    .when(accrue("l-3", "d-1", "20000"))
                    .expectEvents(accrued("l-3", "d-1", "20000", "0", "0.00"));
        }

        @Test
        void refusesAStatementIdThatIsNotTheRepsAndPeriods() {
            fixture.givenNoPriorActivity()
                    .when(new AccrueCommissionCommand("statement:Boris:2017-05", REP, MAY, "l-1", PLAN,
                            deal("d-1", "10"), eur("10"), TARGET, null, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("statementId: must be statement:Anna Snelling:2017-05")
                    .expectNoEvents();
        }

        @Test
        void refusesADuplicateLine() {
            fixture.given(opened(), firstLine())
                    .when(accrue("l-1", "d-2", "10"))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("lineId: line already exists")
                    .expectNoEvents();
        }

        @Test
        void refusesADealAlreadyAccrued() {
            fixture.given(opened(), firstLine())
                    .when(accrue("l-2", "d-1", "20000"))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("deal.dealId: the deal's commission is already accrued in this statement;"
                            + " claw it back or adjust it")
                    .expectNoEvents();
        }

        @Test
        void refusesANonPositiveCreditedAmount() {
            fixture.givenNoPriorActivity()
                    .when(new AccrueCommissionCommand(ID, REP, MAY, "l-1", PLAN, deal("d-1", "10"), eur("0"), TARGET,
                            null, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("creditedAmount: must be positive")
                    .expectNoEvents();
        }

        @Test
        void refusesAmountsInAnotherCurrency() {
            fixture.givenNoPriorActivity()
                    .when(new AccrueCommissionCommand(ID, REP, MAY, "l-1", PLAN, deal("d-1", "10"),
                            Money.of("10", "USD"), TARGET, null, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("creditedAmount: must be in the plan's currency EUR");
            new AggregateTestFixture<>(CommissionStatement.class).givenNoPriorActivity()
                    .when(new AccrueCommissionCommand(ID, REP, MAY, "l-1", PLAN, deal("d-1", "10"), eur("10"),
                            Money.of("1000", "USD"), null, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("target: must be in the plan's currency EUR");
            new AggregateTestFixture<>(CommissionStatement.class).givenNoPriorActivity()
                    .when(new AccrueCommissionCommand(ID, REP, MAY, "l-1", PLAN, deal("d-1", "10"), eur("10"), TARGET,
                            Money.of("0", "USD"), null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("creditedRevenueBefore: must be in the plan's currency EUR");
        }

        @Test
        void refusesANonPositiveTargetAndANegativeRevenueBefore() {
            fixture.givenNoPriorActivity()
                    .when(new AccrueCommissionCommand(ID, REP, MAY, "l-1", PLAN, deal("d-1", "10"), eur("10"),
                            eur("0"), null, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("target: must be positive");
            new AggregateTestFixture<>(CommissionStatement.class).givenNoPriorActivity()
                    .when(new AccrueCommissionCommand(ID, REP, MAY, "l-1", PLAN, deal("d-1", "10"), eur("10"), TARGET,
                            eur("-1"), null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("creditedRevenueBefore: must not be negative");
        }

        @Test
        void refusesAPlanVersionNotYetEffectiveOnTheDealsDate() {
            PlanVersion june = version(2, terms(LocalDate.of(2017, 6, 1)));
            fixture.givenNoPriorActivity()
                    .when(new AccrueCommissionCommand(ID, REP, MAY, "l-1", june, deal("d-1", "10"), eur("10"), TARGET,
                            null, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("plan: version 2 is not effective on the deal's business date 2017-05-10")
                    .expectNoEvents();
        }

        @Test
        void refusesLinesOnceSubmitted() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")))
                    .when(accrue("l-2", "d-2", "10"))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("statementId: statement is SUBMITTED; only a statement that is OPEN can "
                            + "accept lines")
                    .expectNoEvents();
        }

        @Test
        void refusesAnyChangeToALockedPeriod() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")), locked())
                    .when(accrue("l-2", "d-2", "10"))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("statementId: statement is LOCKED; a locked or paid period accepts no "
                            + "change (book corrections in the first open period)")
                    .expectNoEvents();
        }
    }

    @Nested
    class ClawBack {

        private final Instant withinWindow = Instant.parse("2017-08-08T10:00:00Z"); // deal 2017-05-10 + 90 days

        @Test
        void takesBackTheWholeLineByDefault() {
            CommissionCalculation c = CALCULATOR.calculate(PLAN, new CommissionInput(deal("d-1", "20000"),
                    eur("-20000"), eur("20000"), TARGET, eur("20000"), eur("400.00"), eur("400.00")));
            assertThat(c.total()).isEqualTo(eur("-400.00"));
            fixture.given(opened(), firstLine())
                    .when(clawBack("l-2", "l-1", null, withinWindow))
                    .expectEvents(new CommissionClawedBackEvent(ID, "l-2", REP, "l-1", "d-1", eur("20000"), c,
                            "deal reopened", List.of("ev-x"), List.of(9L), withinWindow))
                    .expectState(s -> assertThat(s.total("EUR").signum()).isZero());
        }

        @Test
        void takesBackPartOfALineFromTheTopOfThePeriodsRevenue() {
            // l-1 0…20,000, l-2 20,000…70,000; taking 10,000 of l-1 back removes 60,000…70,000 at 5 % = −500.00
            CommissionAccruedEvent second = accrued("l-2", "d-2", "50000", "20000", "400.00");
            CommissionCalculation c = CALCULATOR.calculate(PLAN, new CommissionInput(deal("d-1", "20000"),
                    eur("-10000"), eur("70000"), TARGET, eur("20000"), eur("400.00"),
                    eur("400.00").plus(second.calculation().commissionBeforePeriodCap())));
            assertThat(c.total()).isEqualTo(eur("-500.00"));
            fixture.given(opened(), firstLine(), second)
                    .when(clawBack("l-3", "l-1", eur("10000"), withinWindow))
                    .expectEvents(new CommissionClawedBackEvent(ID, "l-3", REP, "l-1", "d-1", eur("10000"), c,
                            "deal reopened", List.of("ev-x"), List.of(9L), withinWindow));
        }

        @Test
        void refusesAClawbackOutsideThePlansWindow() {
            fixture.given(opened(), firstLine())
                    .when(clawBack("l-2", "l-1", null, Instant.parse("2017-08-09T00:00:00Z")))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("occurredAt: is outside the plan's clawback window of 90 days "
                            + "(until 2017-08-08)")
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownOrNonAccrualLine() {
            fixture.given(opened(), firstLine())
                    .when(clawBack("l-2", "l-9", null, AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("originalLineId: no such accrual line in this statement");
            new AggregateTestFixture<>(CommissionStatement.class)
                    .given(opened(), new CommissionAdjustedEvent(ID, "a-1", REP, eur("5"), AdjustmentKind.MANUAL, "x",
                            null, null, null, AT))
                    .when(clawBack("l-2", "a-1", null, AT))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesMoreThanTheLineStillCredits() {
            fixture.given(opened(), firstLine())
                    .when(clawBack("l-2", "l-1", eur("20000.01"), AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("creditedReduction: must not exceed what the line still credits (20000 EUR)")
                    .expectNoEvents();
        }

        @Test
        void refusesANonPositiveOrForeignReduction() {
            fixture.given(opened(), firstLine())
                    .when(clawBack("l-2", "l-1", eur("0"), AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("creditedReduction: must be positive");
            new AggregateTestFixture<>(CommissionStatement.class).given(opened(), firstLine())
                    .when(clawBack("l-2", "l-1", Money.of("10", "USD"), AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("creditedReduction: must be in the plan's currency EUR");
        }

        @Test
        void refusesALineAlreadyClawedBackCompletely() {
            CommissionCalculation back = CALCULATOR.calculate(PLAN, new CommissionInput(deal("d-1", "20000"),
                    eur("-20000"), eur("20000"), TARGET, eur("20000"), eur("400"), eur("400")));
            fixture.given(opened(), firstLine(), new CommissionClawedBackEvent(ID, "l-2", REP, "l-1", "d-1",
                            eur("20000"), back, "reopened", List.of(), List.of(), AT))
                    .when(clawBack("l-3", "l-1", null, AT))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("originalLineId: the line is already clawed back completely")
                    .expectNoEvents();
        }

        @Test
        void refusesAClawbackOnALockedPeriod() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")), locked())
                    .when(clawBack("l-2", "l-1", null, AT))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAClawbackOnAStatementThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(clawBack("l-2", "l-1", null, AT))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Adjust {

        @Test
        void anAdjustmentOpensTheStatementWhenItIsTheFirstLine() {
            fixture.givenNoPriorActivity()
                    .when(adjust("a-1", eur("200.00")))
                    .expectEvents(opened(), new CommissionAdjustedEvent(ID, "a-1", REP, eur("200.00"),
                            AdjustmentKind.RETROACTIVE_PLAN_CHANGE, "plan v2 from 2017-01-01",
                            "statement:Anna Snelling:2017-04", "l-0", null, AT));
        }

        @Test
        void aNegativeAdjustmentLowersTheTotal() {
            fixture.given(opened(), firstLine())
                    .when(adjust("a-1", eur("-150.00")))
                    .expectEvents(new CommissionAdjustedEvent(ID, "a-1", REP, eur("-150.00"),
                            AdjustmentKind.RETROACTIVE_PLAN_CHANGE, "plan v2 from 2017-01-01",
                            "statement:Anna Snelling:2017-04", "l-0", null, AT))
                    .expectState(s -> assertThat(s.total("EUR")).isEqualTo(eur("250.00")));
        }

        @Test
        void refusesAZeroAmount() {
            fixture.given(opened())
                    .when(adjust("a-1", eur("0.00")))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must not be zero")
                    .expectNoEvents();
        }

        @Test
        void refusesADuplicateLineAndAWrongStatementId() {
            fixture.given(opened(), firstLine())
                    .when(adjust("l-1", eur("1")))
                    .expectException(DuplicateException.class);
            new AggregateTestFixture<>(CommissionStatement.class).givenNoPriorActivity()
                    .when(new AdjustCommissionCommand(ID, REP, Period.parse("2017-06"), "a-1", eur("1"),
                            AdjustmentKind.MANUAL, "x", null, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("statementId: must be statement:Anna Snelling:2017-06");
        }

        @Test
        void booksAManagersRollUpOfAnotherRepsLine() {
            fixture.given(opened())
                    .when(new AdjustCommissionCommand(ID, REP, MAY, "rollup:l-9:ev-9", eur("300.00"),
                            AdjustmentKind.MANAGER_ROLL_UP, "roll-up of Boris's line l-9",
                            "statement:Boris Otto:2017-05", "l-9", null, AT))
                    .expectEvents(new CommissionAdjustedEvent(ID, "rollup:l-9:ev-9", REP, eur("300.00"),
                            AdjustmentKind.MANAGER_ROLL_UP, "roll-up of Boris's line l-9",
                            "statement:Boris Otto:2017-05", "l-9", null, AT));
        }

        @Test
        void refusesARollUpWithoutTheRolledUpLineOrOfTheManagersOwnLine() {
            fixture.given(opened())
                    .when(new AdjustCommissionCommand(ID, REP, MAY, "r-1", eur("300.00"),
                            AdjustmentKind.MANAGER_ROLL_UP, "roll-up", null, "l-9", null, AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("relatedStatementId: is required for a MANAGER_ROLL_UP adjustment")
                    .expectNoEvents();
            new AggregateTestFixture<>(CommissionStatement.class).given(opened())
                    .when(new AdjustCommissionCommand(ID, REP, MAY, "r-1", eur("300.00"),
                            AdjustmentKind.MANAGER_ROLL_UP, "roll-up", "statement:Boris Otto:2017-05", null, null, AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("relatedLineId: is required for a MANAGER_ROLL_UP adjustment")
                    .expectNoEvents();
            new AggregateTestFixture<>(CommissionStatement.class).given(opened())
                    .when(new AdjustCommissionCommand(ID, REP, MAY, "r-1", eur("300.00"),
                            AdjustmentKind.MANAGER_ROLL_UP, "roll-up", "statement:Anna Snelling:2017-04", "l-0", null,
                            AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("relatedStatementId: a manager's roll-up must roll up another rep's line, "
                            + "not their own")
                    .expectNoEvents();
        }

        @Test
        void refusesAnAdjustmentOfAPaidPeriod() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")),
                            new CommissionPaidEvent(ID, REP, "b-1", eur("400.00"), LocalDate.of(2017, 6, 30), true, AT))
                    .when(adjust("a-1", eur("10")))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("statementId: statement is PAID; a locked or paid period accepts no "
                            + "change (book corrections in the first open period)")
                    .expectNoEvents();
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void submitsWithTheTotalsPerCurrency() {
            fixture.given(opened(), firstLine(), new CommissionAdjustedEvent(ID, "a-1", REP, Money.of("10.00", "USD"),
                            AdjustmentKind.MANUAL, "x", null, null, null, AT))
                    .when(new SubmitStatementCommand(ID, REP, AT))
                    .expectEvents(submitted(eur("400.00"), Money.of("10.00", "USD")));
        }

        @Test
        void refusesToSubmitTwice() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")))
                    .when(new SubmitStatementCommand(ID, REP, AT))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(ApproverRole.class)
        void financeOrAManagerApproves(ApproverRole role) {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")))
                    .when(new ApproveStatementCommand(ID, MANAGER, role, AT))
                    .expectEvents(new StatementApprovedEvent(ID, REP, MANAGER, role, List.of(eur("400.00")), AT));
        }

        @Test
        void theRepNeverApprovesTheirOwnStatement() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")))
                    .when(new ApproveStatementCommand(ID, REP, ApproverRole.MANAGER, AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("approverId: the statement's rep may not approve their own statement")
                    .expectNoEvents();
        }

        @Test
        void onlyASubmittedStatementIsApproved() {
            fixture.given(opened(), firstLine())
                    .when(new ApproveStatementCommand(ID, MANAGER, ApproverRole.MANAGER, AT))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("statementId: statement is OPEN; only a statement that is SUBMITTED can "
                            + "be approved")
                    .expectNoEvents();
        }

        @Test
        void notWhileADisputeIsOpen() {
            fixture.given(opened(), firstLine(), disputed("x-1", "l-1"), submitted(eur("400.00")))
                    .when(new ApproveStatementCommand(ID, MANAGER, ApproverRole.MANAGER, AT))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("statementId: statement has open disputes; resolve them first")
                    .expectNoEvents();
        }

        @Test
        void locksAnApprovedStatement() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")))
                    .when(new LockStatementCommand(ID, "fin-1", AT))
                    .expectEvents(locked())
                    .expectState(s -> assertThat(s.isOpen()).isFalse());
        }

        @Test
        void refusesToLockWhatIsNotApproved() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")))
                    .when(new LockStatementCommand(ID, "fin-1", AT))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Pay {

        private final LocalDate payday = LocalDate.of(2017, 6, 30);

        @Test
        void paysInPartsUntilFullyPaid() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")))
                    .when(new PayCommissionCommand(ID, "b-1", eur("300.00"), payday, AT))
                    .expectEvents(new CommissionPaidEvent(ID, REP, "b-1", eur("300.00"), payday, false, AT))
                    .expectState(s -> assertThat(s.status()).isEqualTo(StatementStatus.APPROVED));
            new AggregateTestFixture<>(CommissionStatement.class)
                    .given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")), locked(),
                            new CommissionPaidEvent(ID, REP, "b-1", eur("300.00"), payday, false, AT))
                    .when(new PayCommissionCommand(ID, "b-2", eur("100"), payday, AT))
                    .expectEvents(new CommissionPaidEvent(ID, REP, "b-2", eur("100"), payday, true, AT))
                    .expectState(s -> assertThat(s.status()).isEqualTo(StatementStatus.PAID));
        }

        @Test
        void refusesToPayWhatIsNotApproved() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")))
                    .when(new PayCommissionCommand(ID, "b-1", eur("400.00"), payday, AT))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("statementId: statement is SUBMITTED; only a statement that is APPROVED "
                            + "or LOCKED can be paid")
                    .expectNoEvents();
        }

        @Test
        void refusesToPayMoreThanApprovedAndUnpaid() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")),
                            new CommissionPaidEvent(ID, REP, "b-1", eur("300.00"), payday, false, AT))
                    .when(new PayCommissionCommand(ID, "b-2", eur("100.01"), payday, AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must not exceed the approved and unpaid 100.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameBatchTwice() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")),
                            new CommissionPaidEvent(ID, REP, "b-1", eur("300.00"), payday, false, AT))
                    .when(new PayCommissionCommand(ID, "b-1", eur("100.00"), payday, AT))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("batchId: this batch has already paid this statement")
                    .expectNoEvents();
        }

        @Test
        void refusesAnotherCurrencyAndNonPositiveAmounts() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")))
                    .when(new PayCommissionCommand(ID, "b-1", Money.of("10", "USD"), payday, AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: nothing approved is unpaid in USD");
            new AggregateTestFixture<>(CommissionStatement.class)
                    .given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")))
                    .when(new PayCommissionCommand(ID, "b-1", eur("0"), payday, AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be positive");
        }

        @Test
        void refusesToPayAPaidStatement() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")),
                            new CommissionPaidEvent(ID, REP, "b-1", eur("400.00"), payday, true, AT))
                    .when(new PayCommissionCommand(ID, "b-2", eur("1"), payday, AT))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("statementId: statement is already paid in full")
                    .expectNoEvents();
        }
    }

    @Nested
    class Disputes {

        @Test
        void theRepDisputesALine() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")))
                    .when(new DisputeStatementLineCommand(ID, "x-1", REP, "l-1", "split was 70/30", AT))
                    .expectEvents(disputed("x-1", "l-1"));
        }

        @Test
        void onlyTheStatementsRepDisputes() {
            fixture.given(opened(), firstLine())
                    .when(new DisputeStatementLineCommand(ID, "x-1", "Boris Faz", "l-1", "mine", AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("repId: only the statement's rep may dispute its lines")
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownLineADuplicateDisputeAndASecondOpenDisputeOfALine() {
            fixture.given(opened(), firstLine())
                    .when(new DisputeStatementLineCommand(ID, "x-1", REP, "l-9", "why", AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("lineId: no such line in this statement");
            new AggregateTestFixture<>(CommissionStatement.class).given(opened(), firstLine(), disputed("x-1", "l-1"))
                    .when(new DisputeStatementLineCommand(ID, "x-1", REP, "l-1", "why", AT))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("disputeId: dispute already exists");
            new AggregateTestFixture<>(CommissionStatement.class).given(opened(), firstLine(), disputed("x-1", "l-1"))
                    .when(new DisputeStatementLineCommand(ID, "x-2", REP, "l-1", "why", AT))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("lineId: the line already has an open dispute");
        }

        @Test
        void refusesDisputesOnceApproved() {
            fixture.given(opened(), firstLine(), submitted(eur("400.00")), approved(eur("400.00")))
                    .when(new DisputeStatementLineCommand(ID, "x-1", REP, "l-1", "why", AT))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void anAcceptedDisputeAddsAnAdjustmentAndAllowsApproval() {
            fixture.given(opened(), firstLine(), disputed("x-1", "l-1"), submitted(eur("400.00")))
                    .when(new ResolveDisputeCommand(ID, "x-1", MANAGER, true, eur("150.00"), null, AT))
                    .expectEvents(new StatementDisputeResolvedEvent(ID, "x-1", MANAGER, true, eur("150.00"),
                                    "dispute:x-1", null, AT),
                            new CommissionAdjustedEvent(ID, "dispute:x-1", REP, eur("150.00"), AdjustmentKind.DISPUTE,
                                    "dispute x-1 accepted", ID, "l-1", null, AT))
                    .expectState(s -> assertThat(s.total("EUR")).isEqualTo(eur("550.00")));
        }

        @Test
        void aRejectedDisputeKeepsItsReasonAndTheHistory() {
            fixture.given(opened(), firstLine(), disputed("x-1", "l-1"))
                    .when(new ResolveDisputeCommand(ID, "x-1", MANAGER, false, null, "split was agreed", AT))
                    .expectEvents(new StatementDisputeResolvedEvent(ID, "x-1", MANAGER, false, null, null,
                            "split was agreed", AT));
            // a resolved dispute is history: the line can be disputed again under a new id
            new AggregateTestFixture<>(CommissionStatement.class)
                    .given(opened(), firstLine(), disputed("x-1", "l-1"), new StatementDisputeResolvedEvent(ID, "x-1",
                            MANAGER, false, null, null, "split was agreed", AT))
                    .when(new DisputeStatementLineCommand(ID, "x-2", REP, "l-1", "new evidence", AT))
                    .expectEvents(new StatementLineDisputedEvent(ID, "x-2", REP, "l-1", "new evidence", AT));
        }

        @Test
        void refusesInvalidResolutions() {
            Object[] given = {opened(), firstLine(), disputed("x-1", "l-1")};
            expectRefused(given, new ResolveDisputeCommand(ID, "x-1", REP, false, null, "no", AT),
                    InvalidCommandException.class, "managerId: the statement's rep may not resolve their own dispute");
            expectRefused(given, new ResolveDisputeCommand(ID, "x-9", MANAGER, false, null, "no", AT),
                    InvalidCommandException.class, "disputeId: no such dispute");
            expectRefused(given, new ResolveDisputeCommand(ID, "x-1", MANAGER, true, null, null, AT),
                    InvalidCommandException.class, "adjustment: is required when the dispute is accepted");
            expectRefused(given, new ResolveDisputeCommand(ID, "x-1", MANAGER, true, eur("0"), null, AT),
                    InvalidCommandException.class, "adjustment: must not be zero");
            expectRefused(given, new ResolveDisputeCommand(ID, "x-1", MANAGER, true, Money.of("5", "USD"), null, AT),
                    InvalidCommandException.class, "adjustment: must be in the plan's currency EUR");
            expectRefused(given, new ResolveDisputeCommand(ID, "x-1", MANAGER, false, null, null, AT),
                    InvalidCommandException.class, "reason: is required when the dispute is rejected");
            expectRefused(given, new ResolveDisputeCommand(ID, "x-1", MANAGER, false, eur("5"), "no", AT),
                    InvalidCommandException.class, "adjustment: is only allowed when the dispute is accepted");
            Object[] resolved = {opened(), firstLine(), disputed("x-1", "l-1"),
                    new StatementDisputeResolvedEvent(ID, "x-1", MANAGER, false, null, null, "no", AT)};
            expectRefused(resolved, new ResolveDisputeCommand(ID, "x-1", MANAGER, false, null, "no", AT),
                    IllegalTransitionException.class, "disputeId: dispute is already resolved");
        }

        private void expectRefused(Object[] given, Object command, Class<? extends Throwable> type, String message) {
            new AggregateTestFixture<>(CommissionStatement.class)
                    .given(given)
                    .when(command)
                    .expectException(type)
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }
    }

    @Test
    void totalsAreKeptExactlyPerCurrency() {
        fixture.given(opened(), firstLine())
                .when(new AdjustCommissionCommand(ID, REP, MAY, "a-1", Money.of("0.01", "USD"), AdjustmentKind.MANUAL,
                        "rounding", null, null, null, AT))
                .expectState(s -> {
                    assertThat(s.total("EUR")).isEqualTo(eur("400.00"));
                    assertThat(s.total("USD")).isEqualTo(Money.of("0.01", "USD"));
                    assertThat(s.total("JPY").amount()).isEqualByComparingTo(BigDecimal.ZERO);
                });
    }
}
