package io.attain.command.process.commission;

import io.attain.command.process.support.BusProcessCommands;
import io.attain.command.process.support.InMemoryProcessStore;
import io.attain.command.process.support.ProcessCommands;
import io.attain.command.process.support.ProcessStore;
import io.attain.command.domain.compensation.CommissionStatement;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.AccrueCommissionCommand;
import io.attain.kernel.compensation.AdjustCommissionCommand;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.ApproveStatementCommand;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.ClawBackCommissionCommand;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CommissionPendingEvent;
import io.attain.kernel.compensation.CommissionPendingReason;
import io.attain.kernel.compensation.CommissionPendingResolvedEvent;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.compensation.LockStatementCommand;
import io.attain.kernel.compensation.PlanAssignedEvent;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.SubmitStatementCommand;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commission process against the real {@link CommissionStatement} aggregate (Axon's in-memory event store and
 * command bus): every command it sends is recorded, and every event the statements append is fed back to the
 * process, as the log would.
 */
class CommissionProcessTest {

    static final String ANNA = "anna";
    static final String BORIS = "boris";
    static final String PLAN = "plan-1";
    static final Period Q2 = Period.parse("2017-Q2");
    static final Period Q3 = Period.parse("2017-Q3");
    static final Instant MAY_10 = Instant.parse("2017-05-10T10:00:00Z");

    Configuration axon;
    InMemoryEventStorageEngine engine;
    TrackingToken seen;
    RecordingCommands commands;
    FlakyStore store;
    CommissionProcess process;
    AnnotationEventHandlerAdapter adapter;
    final Deque<EventMessage<?>> feedback = new ArrayDeque<>();
    final List<Object> appended = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = new InMemoryEventStorageEngine();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(CommissionStatement.class)
                .buildConfiguration();
        axon.start();
        commands = new RecordingCommands(new BusProcessCommands(axon.commandBus(), axon.eventBus()));
        store = new FlakyStore();
        process = new CommissionProcess(store, commands);
        adapter = new AnnotationEventHandlerAdapter(process);
        deliver(new RepOnboardedEvent(ANNA, ANNA, Role.SALES_REP, "t", "m", LocalDate.of(2016, 1, 4), at("2016-01-04")));
        deliver(new RepOnboardedEvent(BORIS, BORIS, Role.SALES_REP, "t", "m", LocalDate.of(2016, 1, 4), at("2016-01-04")));
        deliver(new PlanVersionPublishedEvent(PLAN, 1, terms(LocalDate.of(2017, 1, 1), "0.02", "0.05", "0.08"), false,
                at("2016-12-01")));
        deliver(new PlanAssignedEvent(PLAN, null, Role.SALES_REP, LocalDate.of(2017, 1, 1), at("2016-12-01")));
        target(ANNA, "t-anna", "100000");
        target(BORIS, "t-boris", "100000");
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    // ------------------------------------------------------------------------------------------------------ tests

    @Test
    void aWonDealAccruesToTheOwnersQuarterWithThePlanVersionInForceAndItsBand() {
        deliver(new PlanVersionPublishedEvent(PLAN, 2, terms(LocalDate.of(2017, 6, 1), "0.03", "0.06", "0.09"), false,
                at("2017-04-01")));
        EventMessage<?> won = win("d-1", "20000", MAY_10);
        open("d-2", ANNA, "60000", "EUR");
        deliver(new DealWonEvent("d-2", Stage.NEGOTIATION, eur("60000"), null, Instant.parse("2017-06-15T00:00:00Z")));

        List<AccrueCommissionCommand> accruals = commands.sent(AccrueCommissionCommand.class);
        assertThat(accruals).hasSize(2);
        AccrueCommissionCommand first = accruals.get(0);
        assertThat(first.statementId()).isEqualTo("statement:anna:2017-Q2");
        assertThat(first.lineId()).isEqualTo("d-1:anna:" + won.getIdentifier());
        assertThat(first.plan().version()).isEqualTo(1);
        assertThat(first.creditedAmount().amount()).isEqualByComparingTo("20000");
        assertThat(first.target().amount()).isEqualByComparingTo("100000");
        assertThat(first.sourceEventIds()).containsExactly(won.getIdentifier());
        assertThat(accruals.get(1).plan().version()).isEqualTo(2);

        List<CommissionAccruedEvent> lines = appended(CommissionAccruedEvent.class);
        // 20,000 of 100,000 lies in the 0–50 % band at 2 %: 400.00
        assertThat(lines.get(0).calculation().total()).isEqualTo(eur("400.00"));
        // then 20,000–50,000 at 3 % (900) and 50,000–80,000 at 6 % (1,800) under version 2
        assertThat(lines.get(1).calculation().total()).isEqualTo(eur("2700.00"));
        assertThat(lines.get(1).calculation().slices()).hasSize(2);
    }

    @Test
    void aSplitCreditAccruesOneLinePerShare() {
        open("d-1", ANNA, "20000", "EUR");
        deliver(new DealCreditSplitEvent("d-1", List.of(new CreditShare(ANNA, new BigDecimal("60")),
                new CreditShare(BORIS, new BigDecimal("40"))), at("2017-05-01")));
        deliver(new DealWonEvent("d-1", Stage.NEGOTIATION, eur("20000"), null, MAY_10));

        assertThat(appended(CommissionAccruedEvent.class))
                .extracting(CommissionAccruedEvent::statementId, e -> e.calculation().creditedAmount().amount().stripTrailingZeros().toPlainString(),
                        e -> e.calculation().total())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("statement:anna:2017-Q2", "12000", eur("240.00")),
                        org.assertj.core.groups.Tuple.tuple("statement:boris:2017-Q2", "8000", eur("160.00")));
    }

    @Test
    void aDealReopenedInsideTheClawbackWindowIsClawedBack() {
        win("d-1", "20000", MAY_10);
        deliver(new DealReopenedEvent("d-1", Stage.WON, Stage.NEGOTIATION, "customer backed out",
                Instant.parse("2017-06-01T00:00:00Z")));

        assertThat(commands.sent(ClawBackCommissionCommand.class)).hasSize(1);
        assertThat(appended(CommissionClawedBackEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.calculation().total()).isEqualTo(eur("-400.00")));
    }

    @Test
    void aDealReopenedAfterTheWindowKeepsItsCommissionAndIsNotCreditedTwice() {
        win("d-1", "20000", MAY_10);
        // window 90 days: until 2017-08-08
        deliver(new DealReopenedEvent("d-1", Stage.WON, Stage.NEGOTIATION, "late", Instant.parse("2017-08-09T00:00:00Z")));
        deliver(new DealWonEvent("d-1", Stage.NEGOTIATION, eur("20000"), null, Instant.parse("2017-08-20T00:00:00Z")));

        assertThat(commands.sent(ClawBackCommissionCommand.class)).hasSize(1);
        assertThat(commands.outcomes()).anySatisfy(o -> assertThat(o.field()).isEqualTo("occurredAt"));
        assertThat(appended(CommissionClawedBackEvent.class)).isEmpty();
        assertThat(appended(CommissionAccruedEvent.class)).hasSize(1);
    }

    @Test
    void aReopenedRepricedAndWonAgainDealIsClawedBackAndAccruedAtItsNewAmount() {
        win("d-1", "20000", MAY_10);
        deliver(new DealReopenedEvent("d-1", Stage.WON, Stage.NEGOTIATION, "re-price", at("2017-05-20")));
        deliver(new DealAmountChangedEvent("d-1", eur("20000"), eur("15000"), at("2017-05-21")));
        deliver(new DealWonEvent("d-1", Stage.NEGOTIATION, eur("15000"), null, at("2017-05-22")));

        assertThat(appended(CommissionAccruedEvent.class)).extracting(e -> e.calculation().total())
                .containsExactly(eur("400.00"), eur("300.00"));
        assertThat(appended(CommissionClawedBackEvent.class)).extracting(e -> e.calculation().total())
                .containsExactly(eur("-400.00"));
    }

    @Test
    void aReducedAmountOfAWonDealIsClawedBackByTheReduction() {
        win("d-1", "20000", MAY_10);
        deliver(new DealAmountChangedEvent("d-1", eur("20000"), eur("15000"), at("2017-05-21")));

        assertThat(commands.sent(ClawBackCommissionCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.creditedReduction().isSameAmountAs(eur("5000"))).isTrue());
        assertThat(appended(CommissionClawedBackEvent.class)).extracting(e -> e.calculation().total())
                .containsExactly(eur("-100.00"));
    }

    @Test
    void aRetroactivePlanVersionBooksTheDeltaAsAnAdjustment() {
        win("d-1", "20000", MAY_10);
        EventMessage<?> published = deliver(new PlanVersionPublishedEvent(PLAN, 2,
                terms(LocalDate.of(2017, 1, 1), "0.03", "0.06", "0.09"), true, at("2017-06-10")));

        AdjustCommissionCommand adjustment = commands.sent(AdjustCommissionCommand.class).get(0);
        assertThat(adjustment.statementId()).isEqualTo("statement:anna:2017-Q2");
        assertThat(adjustment.kind()).isEqualTo(AdjustmentKind.RETROACTIVE_PLAN_CHANGE);
        assertThat(adjustment.amount()).isEqualTo(eur("200.00")); // 20,000 × 3 % = 600 − 400
        assertThat(adjustment.lineId()).endsWith(":" + published.getIdentifier());
        assertThat(adjustment.calculation().planVersion()).isEqualTo(2);

        // the same change again (redelivered) books nothing more
        redeliver(published);
        assertThat(appended(CommissionAdjustedEvent.class)).hasSize(1);
    }

    @Test
    void aRetroactiveChangeOfALockedPeriodLandsInTheFirstOpenPeriod() {
        win("d-1", "20000", MAY_10);
        String q2 = "statement:anna:2017-Q2";
        direct(new SubmitStatementCommand(q2, "fin", at("2017-07-01")));
        direct(new ApproveStatementCommand(q2, "fin", ApproverRole.FINANCE, at("2017-07-02")));
        direct(new LockStatementCommand(q2, "fin", at("2017-07-03")));

        deliver(new PlanVersionPublishedEvent(PLAN, 2, terms(LocalDate.of(2017, 1, 1), "0.03", "0.06", "0.09"), true,
                at("2017-07-10")));

        assertThat(appended(CommissionAdjustedEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.statementId()).isEqualTo("statement:anna:2017-Q3");
            assertThat(e.amount()).isEqualTo(eur("200.00"));
            assertThat(e.relatedStatementId()).isEqualTo(q2);
        });
    }

    @Test
    void aRevisedTargetBooksTheDeltaOfTheNewAttainment() {
        win("d-1", "20000", MAY_10);
        deliver(new TargetRevisedEvent("t-anna", TargetOwnerType.REP, ANNA, new BigDecimal("100000"),
                new BigDecimal("30000"), "smaller territory", at("2017-06-01")));

        // target 30,000: 0–15,000 at 2 % (300) + 15,000–20,000 at 5 % (250) = 550, was 400
        assertThat(appended(CommissionAdjustedEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AdjustmentKind.RETROACTIVE_TARGET_CHANGE);
            assertThat(e.amount()).isEqualTo(eur("150.00"));
        });
    }

    @Test
    void aRedeliveredWonEventIsNotCreditedTwice() {
        EventMessage<?> won = win("d-1", "20000", MAY_10);
        redeliver(won);

        assertThat(appended(CommissionAccruedEvent.class)).hasSize(1);
    }

    @Test
    void aWonEventRedeliveredAfterACrashBeforeTheStateWasWrittenIsRefusedAsADuplicate() {
        open("d-1", ANNA, "20000", "EUR");
        EventMessage<?> won = message(new DealWonEvent("d-1", Stage.NEGOTIATION, eur("20000"), null, MAY_10));
        store.failNextSave = true;
        assertThatThrownBy(() -> handle(won)).hasMessageContaining("crash");
        drain();

        redeliver(won);

        assertThat(commands.outcomes()).extracting(ProcessCommands.Outcome::kind)
                .contains(ProcessCommands.Outcome.Kind.DUPLICATE);
        assertThat(appended(CommissionAccruedEvent.class)).hasSize(1);
    }

    @Test
    void aDealInAnotherCurrencyWithoutARateIsPendingNotGuessedUntilTheRateIsRecorded() {
        open("d-1", ANNA, "20000", "USD");
        deliver(new DealWonEvent("d-1", Stage.NEGOTIATION, usd("20000"), null, MAY_10));

        assertThat(commands.sent(AccrueCommissionCommand.class)).isEmpty();
        assertThat(appended(CommissionPendingEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(CommissionPendingReason.NO_EXCHANGE_RATE));

        // a rate from after the deal's date does not apply
        deliver(new ExchangeRateRecordedEvent("fx:USD-EUR", "USD", "EUR", new BigDecimal("0.95"),
                LocalDate.of(2017, 6, 1), at("2017-06-01")));
        assertThat(commands.sent(AccrueCommissionCommand.class)).isEmpty();

        deliver(new ExchangeRateRecordedEvent("fx:USD-EUR", "USD", "EUR", new BigDecimal("0.9"),
                LocalDate.of(2017, 1, 1), at("2017-06-02")));
        assertThat(appended(CommissionAccruedEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.calculation().creditedAmount().amount()).isEqualByComparingTo("18000");
            assertThat(e.calculation().total()).isEqualTo(eur("360.00"));
        });
        assertThat(appended(CommissionPendingResolvedEvent.class)).hasSize(1);
        assertThat(appended(CommissionPendingEvent.class)).hasSize(1);
    }

    @Test
    void aRepWithoutATargetIsPendingUntilOneIsAssigned() {
        deliver(new RepOnboardedEvent("cleo", "cleo", Role.SALES_REP, "t", "m", LocalDate.of(2016, 1, 4), at("2016-01-04")));
        open("d-1", "cleo", "20000", "EUR");
        deliver(new DealWonEvent("d-1", Stage.NEGOTIATION, eur("20000"), null, MAY_10));
        assertThat(appended(CommissionPendingEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(CommissionPendingReason.NO_TARGET));

        target("cleo", "t-cleo", "100000");

        assertThat(appended(CommissionAccruedEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.statementId()).isEqualTo("statement:cleo:2017-Q2"));
    }

    @Test
    void aRepWithoutAPlanEarnsNothingUntilAPlanIsAssignedRetroactively() {
        deliver(new RepOnboardedEvent("kam", "kam", Role.KEY_ACCOUNT_MANAGER, "t", "m", LocalDate.of(2016, 1, 4),
                at("2016-01-04")));
        target("kam", "t-kam", "100000");
        open("d-1", "kam", "20000", "EUR");
        deliver(new DealWonEvent("d-1", Stage.NEGOTIATION, eur("20000"), null, MAY_10));
        assertThat(commands.sent(AccrueCommissionCommand.class)).isEmpty();
        assertThat(appended(CommissionPendingEvent.class)).isEmpty();

        deliver(new PlanAssignedEvent(PLAN, "kam", null, LocalDate.of(2017, 1, 1), at("2017-06-01")));

        assertThat(appended(CommissionAccruedEvent.class)).hasSize(1);
    }


    // ------------------------------------------------------------------------------------------------ roll-ups

    @Test
    void aWonDealRollsUpToTheRepsManagerOnTheManagersStatement() {
        rollUpPlan("0.015");
        EventMessage<?> won = win("d-1", "20000", MAY_10);

        // the rep: 20,000 at 2 % = 400.00; the manager m: 1.5 % of the credited 20,000 = 300.00
        assertThat(appended(CommissionAccruedEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.calculation().total()).isEqualTo(eur("400.00")));
        assertThat(rollUps()).singleElement().satisfies(e -> {
            assertThat(e.statementId()).isEqualTo("statement:m:2017-Q2");
            assertThat(e.repId()).isEqualTo("m");
            assertThat(e.amount()).isEqualTo(eur("300.00"));
            assertThat(e.relatedStatementId()).isEqualTo("statement:anna:2017-Q2");
            assertThat(e.relatedLineId()).isEqualTo("d-1:anna:" + won.getIdentifier());
            assertThat(e.calculation().managerRollUp()).isEqualTo(eur("300.00"));
        });
    }

    @Test
    void aRollUpIsBookedOnceWhateverIsRedelivered() {
        rollUpPlan("0.015");
        EventMessage<?> won = win("d-1", "20000", MAY_10);
        redeliver(won);
        appendedMessages(CommissionAccruedEvent.class).forEach(this::redeliver);

        assertThat(rollUps()).hasSize(1);
    }

    @Test
    void aClawbackReversesTheManagersRollUpAndAReductionScalesIt() {
        rollUpPlan("0.015");
        win("d-1", "20000", MAY_10);
        deliver(new DealAmountChangedEvent("d-1", eur("20000"), eur("15000"), at("2017-05-21")));
        // a quarter of the credit taken back: the roll-up due is 300.00 × 15,000 / 20,000 = 225.00, i.e. −75.00
        deliver(new DealReopenedEvent("d-1", Stage.WON, Stage.NEGOTIATION, "customer backed out", at("2017-06-01")));
        // the rest taken back: −225.00

        assertThat(rollUps()).extracting(CommissionAdjustedEvent::amount)
                .containsExactly(eur("300.00"), eur("-75.00"), eur("-225.00"));
        assertThat(rollUps()).allSatisfy(e -> assertThat(e.statementId()).isEqualTo("statement:m:2017-Q2"));
    }

    @Test
    void aManagerCreditedOnTheDealGetsNoRollUpOfItButTheirOwnLineRollsUpToTheirManager() {
        rollUpPlan("0.015");
        deliver(new RepOnboardedEvent("m", "m", Role.SALES_REP, "t", "rm", LocalDate.of(2016, 1, 4), at("2016-01-04")));
        target("m", "t-m", "100000");
        open("d-1", ANNA, "20000", "EUR");
        deliver(new DealCreditSplitEvent("d-1", List.of(new CreditShare(ANNA, new BigDecimal("50")),
                new CreditShare(BORIS, new BigDecimal("25")), new CreditShare("m", new BigDecimal("25"))),
                at("2017-05-01")));
        deliver(new DealWonEvent("d-1", Stage.NEGOTIATION, eur("20000"), null, MAY_10));

        // anna's and boris's manager m holds a share of the deal: a manager is credited on a deal once, directly
        // or by roll-up, never both ("no double dipping"), so their lines do not roll up to m; m's own line rolls
        // up to m's manager rm: 1.5 % of m's credited 5,000 = 75.00
        assertThat(rollUps()).singleElement().satisfies(e -> {
            assertThat(e.statementId()).isEqualTo("statement:rm:2017-Q2");
            assertThat(e.amount()).isEqualTo(eur("75.00"));
        });
    }

    @Test
    void theManagerIsTheOneOnTheDealsBusinessDateAfterTransfersAndManagerChanges() {
        rollUpPlan("0.01");
        deliver(new RepTransferredEvent(ANNA, "t", "m", "t2", "n", LocalDate.of(2017, 6, 1), at("2017-05-20")));
        deliver(new TeamManagerChangedEvent("t2", "n", "k", at("2017-08-01")));
        win("d-1", "10000", MAY_10);                                   // before the transfer: m
        win("d-2", "10000", Instant.parse("2017-06-15T00:00:00Z"));    // after it: n
        win("d-3", "10000", Instant.parse("2017-08-15T00:00:00Z"));    // after the team's new manager: k

        assertThat(rollUps()).extracting(CommissionAdjustedEvent::statementId, CommissionAdjustedEvent::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("statement:m:2017-Q2", eur("100.00")),
                        org.assertj.core.groups.Tuple.tuple("statement:n:2017-Q2", eur("100.00")),
                        org.assertj.core.groups.Tuple.tuple("statement:k:2017-Q3", eur("100.00")));
    }

    @Test
    void aReversalForALockedManagerStatementLandsInTheManagersNextOpenQuarter() {
        rollUpPlan("0.015");
        win("d-1", "20000", MAY_10);
        String managerQ2 = "statement:m:2017-Q2";
        direct(new SubmitStatementCommand(managerQ2, "fin", at("2017-06-20")));
        direct(new ApproveStatementCommand(managerQ2, "fin", ApproverRole.FINANCE, at("2017-06-21")));
        direct(new LockStatementCommand(managerQ2, "fin", at("2017-06-22")));

        deliver(new DealReopenedEvent("d-1", Stage.WON, Stage.NEGOTIATION, "customer backed out", at("2017-06-25")));

        assertThat(rollUps()).extracting(CommissionAdjustedEvent::statementId, CommissionAdjustedEvent::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(managerQ2, eur("300.00")),
                        org.assertj.core.groups.Tuple.tuple("statement:m:2017-Q3", eur("-300.00")));
    }

    @Test
    void withoutRollUpInThePlanNothingRollsUp() {
        win("d-1", "20000", MAY_10);
        deliver(new DealReopenedEvent("d-1", Stage.WON, Stage.NEGOTIATION, "customer backed out", at("2017-06-01")));

        assertThat(rollUps()).isEmpty();
    }

    /** Version 2 of the plan, in force from the start with the same bands, rolls up at {@code rate}. */
    private void rollUpPlan(String rate) {
        PlanTerms t = terms(LocalDate.of(2017, 1, 1), "0.02", "0.05", "0.08");
        deliver(new PlanVersionPublishedEvent(PLAN, 2, new PlanTerms(t.effectiveFrom(), t.currency(), t.basePay(),
                t.bands(), t.perDealCap(), t.perPeriodCap(), t.thresholdBonuses(), t.spiffs(), t.minimumDealSize(),
                t.clawbackWindowDays(), true, new BigDecimal(rate)), false, at("2016-12-02")));
    }

    private List<CommissionAdjustedEvent> rollUps() {
        return appended(CommissionAdjustedEvent.class).stream()
                .filter(e -> e.kind() == AdjustmentKind.MANAGER_ROLL_UP).toList();
    }

    private List<EventMessage<?>> appendedMessages(Class<?> type) {
        return engine.readEvents(null, false).filter(e -> type.isInstance(e.getPayload()))
                .<EventMessage<?>>map(e -> e).toList();
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private EventMessage<?> win(String dealId, String amount, Instant at) {
        open(dealId, ANNA, amount, "EUR");
        return deliver(new DealWonEvent(dealId, Stage.NEGOTIATION, eur(amount), null, at));
    }

    private void open(String dealId, String owner, String amount, String currency) {
        deliver(new DealOpenedEvent(dealId, owner, "Acme", "Widget", Channel.DIRECT, null, Money.of(amount, currency),
                null, Stage.QUALIFIED, at("2017-04-01")));
    }

    private void target(String repId, String targetId, String amount) {
        deliver(new TargetAssignedEvent(targetId, TargetOwnerType.REP, repId, Q2, Metric.REVENUE, null,
                new BigDecimal(amount), "EUR", at("2017-01-01")));
        deliver(new TargetAssignedEvent(targetId + "-q3", TargetOwnerType.REP, repId, Q3, Metric.REVENUE, null,
                new BigDecimal(amount), "EUR", at("2017-01-01")));
    }

    static PlanTerms terms(LocalDate from, String low, String mid, String high) {
        return new PlanTerms(from, "EUR", null, List.of(
                new CommissionBand(BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal(low)),
                new CommissionBand(new BigDecimal("0.5"), new BigDecimal("1.0"), new BigDecimal(mid)),
                new CommissionBand(new BigDecimal("1.0"), null, new BigDecimal(high))),
                null, null, List.of(), List.of(), null, 90, false, null);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    private static EventMessage<?> message(Object payload) {
        return new GenericEventMessage<Object>(new GenericMessage<Object>(UUID.randomUUID().toString(), payload,
                MetaData.emptyInstance()), Instant::now);
    }

    /** Delivers an event (then everything the statements appended because of it); returns its message. */
    private EventMessage<?> deliver(Object payload) {
        EventMessage<?> message = message(payload);
        redeliver(message);
        return message;
    }

    private void redeliver(EventMessage<?> message) {
        handle(message);
        drain();
    }

    private void handle(EventMessage<?> message) {
        try {
            var result = DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> adapter.handle(message));
            if (result.isExceptional()) {
                Throwable e = result.exceptionResult();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        } finally {
            collect();
        }
    }

    /** Delivers what the statements appended, like the log would, until nothing new comes. */
    private void drain() {
        while (!feedback.isEmpty()) {
            handle(feedback.poll());
        }
    }

    private void collect() {
        List<? extends TrackedEventMessage<?>> events = engine.readEvents(seen, false).collect(Collectors.toList());
        for (TrackedEventMessage<?> event : events) {
            seen = event.trackingToken();
            appended.add(event.getPayload());
            feedback.add(event);
        }
    }

    /** A command straight to the statement (as the HTTP API would send it). */
    private void direct(Object command) {
        axon.commandGateway().sendAndWait(command);
        collect();
        drain();
    }

    private <T> List<T> appended(Class<T> type) {
        return appended.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Records what the process sends and what became of it. */
    static final class RecordingCommands implements ProcessCommands {
        private final ProcessCommands delegate;
        private final List<Object> sent = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();

        RecordingCommands(ProcessCommands delegate) {
            this.delegate = delegate;
        }

        @Override
        public Outcome send(Object command) {
            sent.add(command);
            Outcome outcome = delegate.send(command);
            outcomes.add(outcome);
            return outcome;
        }

        @Override
        public void publish(Object event) {
            delegate.publish(event);
        }

        <T> List<T> sent(Class<T> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<Outcome> outcomes() {
            return outcomes;
        }
    }

    /** The in-memory store that can fail once, like a crash after the commands and before the state write. */
    static final class FlakyStore implements ProcessStore {
        private final InMemoryProcessStore delegate = new InMemoryProcessStore();
        final AtomicInteger saves = new AtomicInteger();
        boolean failNextSave;

        @Override
        public String load(String id) {
            return delegate.load(id);
        }

        @Override
        public void save(String id, String json) {
            if (failNextSave) {
                failNextSave = false;
                throw new IllegalStateException("crash");
            }
            saves.incrementAndGet();
            delegate.save(id, json);
        }
    }
}
