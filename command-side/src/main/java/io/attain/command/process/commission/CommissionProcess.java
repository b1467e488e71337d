package io.attain.command.process.commission;

import io.attain.command.process.support.ProcessCommands;
import io.attain.command.process.support.ProcessDocuments;
import io.attain.command.process.support.ProcessStore;
import io.attain.command.process.support.Trigger;
import io.attain.command.domain.compensation.CommissionCalculator;
import io.attain.command.domain.compensation.CommissionInput;
import io.attain.command.domain.compensation.CompensationPlan;
import io.attain.command.domain.compensation.ExchangeRateTable;
import io.attain.command.process.support.ProcessCommands.Outcome;
import io.attain.command.process.commission.ProcessState.Assignment;
import io.attain.command.process.commission.ProcessState.DealState;
import io.attain.command.process.commission.ProcessState.FxState;
import io.attain.command.process.commission.ProcessState.LineState;
import io.attain.command.process.commission.ProcessState.PendingState;
import io.attain.command.process.commission.ProcessState.PlanState;
import io.attain.command.process.commission.ProcessState.RepState;
import io.attain.command.process.commission.ProcessState.RoleState;
import io.attain.command.process.commission.ProcessState.StatementState;
import io.attain.command.process.commission.ProcessState.TargetState;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.AccrueCommissionCommand;
import io.attain.kernel.compensation.AdjustCommissionCommand;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.ClawBackCommissionCommand;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionPendingEvent;
import io.attain.kernel.compensation.CommissionPendingReason;
import io.attain.kernel.compensation.CommissionPendingResolvedEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.DealFacts;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.compensation.PlanAssignedEvent;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.StatementApprovedEvent;
import io.attain.kernel.compensation.StatementLockedEvent;
import io.attain.kernel.compensation.StatementSubmittedEvent;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commission process: turns deals, plans, targets and exchange rates into commands to the reps' commission
 * statements. It only gathers facts and sends commands; every rule (calculation, duplicates, clawback window, what
 * an open statement accepts) is the {@code CommissionStatement}'s. Design and failure handling: ADR 0005.
 *
 * <ul>
 *     <li><b>Won deal</b>: one {@link AccrueCommissionCommand} per credited rep (the owner, or each rep of the
 *     credit split with amount × share), line id {@code <dealId>:<repId>:<dealWonEventId>}, to
 *     {@code statement:<repId>:<quarter of the win>} or, if that statement is no longer open, the rep's first open
 *     quarter after it; plan version in force for the rep on the win's business date; the rep's REVENUE target of
 *     the statement's quarter; attainment = the statement's own running revenue.</li>
 *     <li><b>Reopened won deal</b>: {@link ClawBackCommissionCommand} of each line (the statement refuses it outside
 *     the plan's clawback window: then the commission stays); a statement that is no longer open gets the clawback
 *     as an {@link AdjustCommissionCommand} of kind CLAWBACK in the first open quarter.</li>
 *     <li><b>Plan versions, plan assignments, REVENUE targets</b>: every line whose plan version or target changes
 *     is recalculated with {@link CommissionCalculator} (same inputs, new terms) and the delta booked as an
 *     adjustment in the first open quarter from the line's.</li>
 *     <li><b>Other currency</b>: converted with the rate of {@code fx:<deal currency>-<plan currency>} in force on
 *     the business date; without one, nothing is guessed: a {@link CommissionPendingEvent} is published and the
 *     item is booked when the rate is recorded.</li>
 * </ul>
 */
@ProcessingGroup(CommissionProcess.NAME)
public class CommissionProcess {

    public static final String NAME = "commission-process";
    /** How many quarters after the wanted one the process looks for an open statement. */
    static final int MAX_QUARTERS_AHEAD = 40;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Logger log = LoggerFactory.getLogger(CommissionProcess.class);

    private final ProcessStore store;
    private final ProcessCommands commands;
    private final CommissionCalculator calculator = new CommissionCalculator();

    public CommissionProcess(ProcessStore store, ProcessCommands commands) {
        this.store = store;
        this.commands = commands;
    }

    // ------------------------------------------------------------------------------------------------- organisation

    @EventHandler
    void on(RepOnboardedEvent event) {
        Session s = new Session();
        RepState rep = s.rep(event.repId());
        rep.role = event.role();
        if (event.role() != null) {
            s.role(event.role()).repIds.add(event.repId());
        }
        joinTeam(s, rep, event.teamId(), event.managerId(),
                event.hireDate() != null ? event.hireDate() : event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate());
        s.flush();
    }

    @EventHandler
    void on(RepTransferredEvent event) {
        Session s = new Session();
        RepState rep = s.rep(event.repId());
        if (rep.teamId != null) {
            s.team(rep.teamId).repIds.remove(rep.repId);
        }
        joinTeam(s, rep, event.toTeamId(), event.toManagerId(), event.effectiveDate() != null ? event.effectiveDate()
                : event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate());
        s.flush();
    }

    /** The team's reps report to the new manager from the change's business date on. */
    @EventHandler
    void on(TeamManagerChangedEvent event) {
        Session s = new Session();
        LocalDate from = event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        for (String repId : s.team(event.teamId()).repIds) {
            s.rep(repId).managers.add(new ProcessState.ManagerSince(from, event.managerId()));
        }
        s.flush();
    }

    private static void joinTeam(Session s, RepState rep, String teamId, String managerId, LocalDate from) {
        rep.teamId = teamId;
        if (teamId != null) {
            s.team(teamId).repIds.add(rep.repId);
        }
        rep.managers.add(new ProcessState.ManagerSince(from, managerId));
    }

    @EventHandler
    void on(TargetAssignedEvent event, EventMessage<?> message) {
        if (event.ownerType() != TargetOwnerType.REP || event.metric() != Metric.REVENUE) {
            return;
        }
        Session s = new Session();
        RepState rep = s.rep(event.ownerId());
        rep.targets.put(event.targetId(), new TargetState(event.period(), event.amount(), event.currency()));
        Trigger trigger = new Trigger(message, event.occurredAt());
        retryPending(s, rep, trigger);
        reconcileRep(s, rep, trigger, "target " + event.targetId() + " assigned");
        s.flush();
    }

    @EventHandler
    void on(TargetRevisedEvent event, EventMessage<?> message) {
        if (event.ownerType() != TargetOwnerType.REP) {
            return;
        }
        Session s = new Session();
        RepState rep = s.rep(event.ownerId());
        TargetState target = rep.targets.get(event.targetId());
        if (target == null) {
            return; // not a REVENUE target
        }
        rep.targets.put(event.targetId(), new TargetState(target.period(), event.amount(), target.currency()));
        Trigger trigger = new Trigger(message, event.occurredAt());
        retryPending(s, rep, trigger);
        reconcileRep(s, rep, trigger, "target " + event.targetId() + " revised: " + event.reason());
        s.flush();
    }

    // --------------------------------------------------------------------------------------------------------- plans

    @EventHandler
    void on(PlanVersionPublishedEvent event, EventMessage<?> message) {
        Session s = new Session();
        PlanState plan = s.plan(event.planId());
        if (plan.versions.stream().noneMatch(v -> v.version() == event.version())) {
            plan.versions.add(new PlanVersion(event.planId(), event.version(), event.terms()));
        }
        Trigger trigger = new Trigger(message, event.occurredAt());
        for (String repId : repsOf(s, plan)) {
            RepState rep = s.rep(repId);
            retryPending(s, rep, trigger);
            reconcileRep(s, rep, trigger, "plan " + event.planId() + " version " + event.version()
                    + (event.retroactive() ? " published retroactively" : " published"));
        }
        s.flush();
    }

    @EventHandler
    void on(PlanAssignedEvent event, EventMessage<?> message) {
        Session s = new Session();
        PlanState plan = s.plan(event.planId());
        Assignment assignment = new Assignment(event.planId(), event.effectiveFrom());
        Set<String> reps = new LinkedHashSet<>();
        if (event.repId() != null) {
            RepState rep = s.rep(event.repId());
            if (!rep.assignments.contains(assignment)) {
                rep.assignments.add(assignment);
            }
            plan.repIds.add(event.repId());
            reps.add(event.repId());
        } else if (event.role() != null) {
            RoleState role = s.role(event.role());
            if (!role.assignments.contains(assignment)) {
                role.assignments.add(assignment);
            }
            plan.roles.add(event.role());
            reps.addAll(role.repIds);
        }
        Trigger trigger = new Trigger(message, event.occurredAt());
        for (String repId : reps) {
            RepState rep = s.rep(repId);
            retryPending(s, rep, trigger);
            reconcileRep(s, rep, trigger, "plan " + event.planId() + " assigned from " + event.effectiveFrom());
        }
        s.flush();
    }

    @EventHandler
    void on(ExchangeRateRecordedEvent event, EventMessage<?> message) {
        Session s = new Session();
        FxState fx = s.fx(event.pairId());
        fx.rates.put(event.effectiveDate(), event.rate());
        Trigger trigger = new Trigger(message, event.occurredAt());
        for (String repId : List.copyOf(fx.pendingReps)) {
            retryPending(s, s.rep(repId), trigger);
        }
        fx.pendingReps.removeIf(repId -> s.rep(repId).pending.values().stream()
                .noneMatch(p -> p.reason() == CommissionPendingReason.NO_EXCHANGE_RATE));
        s.flush();
    }

    // --------------------------------------------------------------------------------------------------------- deals

    @EventHandler
    void on(DealOpenedEvent event) {
        Session s = new Session();
        DealState deal = s.deal(event.dealId());
        deal.ownerRepId = event.ownerRepId();
        deal.productLine = event.productLine();
        deal.channel = event.channel();
        deal.amount = event.amount();
        s.flush();
    }

    @EventHandler
    void on(DealCreditSplitEvent event) {
        Session s = new Session();
        s.deal(event.dealId()).shares = new ArrayList<>(event.shares());
        s.flush();
    }

    @EventHandler
    void on(DealWonEvent event, EventMessage<?> message) {
        Session s = new Session();
        DealState deal = s.deal(event.dealId());
        deal.won = true;
        deal.wonAt = event.occurredAt();
        deal.wonAmount = event.amount();
        deal.amount = event.amount();
        deal.wonEventId = message.getIdentifier();
        deal.wonPosition = position(message);
        if (deal.ownerRepId == null) {
            log.warn("Deal {} won, but its opening was never seen; no commission", deal.dealId);
            s.flush();
            return;
        }
        for (CreditShare share : shares(deal)) {
            accrue(s, deal, s.rep(share.repId()), share.percentage());
        }
        s.flush();
    }

    @EventHandler
    void on(DealLostEvent event) {
        Session s = new Session();
        s.deal(event.dealId()).won = false;
        s.flush();
    }

    @EventHandler
    void on(DealReopenedEvent event, EventMessage<?> message) {
        Session s = new Session();
        DealState deal = s.deal(event.dealId());
        if (event.fromStage() == Stage.WON) {
            Trigger trigger = new Trigger(message, event.occurredAt());
            for (LineState line : deal.lines.values()) {
                takeBack(s, deal, line, null, trigger, "deal reopened: " + event.reason());
                rollUp(s, deal, line, trigger);
            }
            for (RepState rep : repsWithPending(s, deal)) {
                dropPending(rep, deal.dealId);
            }
        }
        deal.won = false;
        s.flush();
    }

    /**
     * Only an open deal's amount can change (the Deal's rule), and an open deal credits nothing: its new amount
     * counts through the amount of its next win. Should a won deal's amount ever be reduced, the reduction is
     * clawed back from each line by share.
     */
    @EventHandler
    void on(DealAmountChangedEvent event, EventMessage<?> message) {
        Session s = new Session();
        DealState deal = s.deal(event.dealId());
        if (deal.won && event.amount().amount().compareTo(event.previousAmount().amount()) < 0) {
            Money reduction = event.previousAmount().minus(event.amount());
            Trigger trigger = new Trigger(message, event.occurredAt());
            for (LineState line : deal.lines.values()) {
                if (line.clawedBack || line.keptOutsideWindow) {
                    continue;
                }
                BigDecimal share = shareOf(deal, line.repId);
                Optional<BigDecimal> rate = rateOf(s, reduction.currency(), line.credited.currency(),
                        line.businessDate);
                if (rate.isEmpty()) {
                    log.warn("Deal {}: amount reduced, but no {}→{} rate on {}; the reduction is not clawed back",
                            deal.dealId, reduction.currency(), line.credited.currency(), line.businessDate);
                    continue;
                }
                Money credited = new Money(reduction.percent(share).amount().multiply(rate.get()),
                        line.credited.currency());
                Money part = credited.amount().compareTo(line.remaining.amount()) >= 0 ? null : credited;
                takeBack(s, deal, line, part, trigger, "deal amount reduced from " + event.previousAmount()
                        + " to " + event.amount());
                rollUp(s, deal, line, trigger);
            }
            deal.wonAmount = event.amount();
        }
        deal.amount = event.amount();
        s.flush();
    }

    // ---------------------------------------------------------------------------------------------------- statements

    @EventHandler
    void on(CommissionStatementOpenedEvent event) {
        status(event.statementId(), "OPEN");
    }

    @EventHandler
    void on(StatementSubmittedEvent event) {
        status(event.statementId(), "SUBMITTED");
    }

    @EventHandler
    void on(StatementApprovedEvent event) {
        status(event.statementId(), "APPROVED");
    }

    @EventHandler
    void on(StatementLockedEvent event) {
        status(event.statementId(), "LOCKED");
    }

    @EventHandler
    void on(CommissionPaidEvent event) {
        if (event.fullyPaid()) {
            status(event.statementId(), "PAID");
        }
    }

    /** The statement's own calculation of a line the process booked; then the line is checked against today's facts. */
    @EventHandler
    void on(CommissionAccruedEvent event, EventMessage<?> message) {
        Session s = new Session();
        DealState deal = s.existingDeal(event.dealId());
        LineState line = deal == null ? null : deal.lines.get(event.lineId());
        if (line == null || !event.statementId().equals(line.statementId)) {
            return; // not booked by this process
        }
        if (line.calculation == null) {
            line.calculation = event.calculation();
            line.effective = event.calculation();
        }
        Trigger trigger = new Trigger(message, event.occurredAt());
        reconcile(s, line, trigger, "recalculated with the facts now known");
        rollUp(s, deal, line, trigger);
        s.flush();
    }

    private void status(String statementId, String status) {
        Session s = new Session();
        s.statement(statementId).status = status;
        s.flush();
    }

    // ------------------------------------------------------------------------------------------------------ accrual

    /** Books the rep's share of the won deal, or records why it cannot (yet). */
    private void accrue(Session s, DealState deal, RepState rep, BigDecimal share) {
        String lineId = deal.dealId + ":" + rep.repId + ":" + deal.wonEventId;
        if (deal.lines.containsKey(lineId)) {
            return; // booked already (a redelivered event)
        }
        if (deal.lines.values().stream().anyMatch(l -> l.repId.equals(rep.repId) && !l.clawedBack)) {
            log.info("Deal {} won again while an earlier line still credits {} (reopened after the clawback window): "
                    + "no second accrual", deal.dealId, rep.repId);
            return;
        }
        Instant wonAt = deal.wonAt;
        LocalDate date = wonAt.atZone(ZoneOffset.UTC).toLocalDate();
        Optional<PlanVersion> found = planFor(s, rep, date);
        if (found.isEmpty()) {
            pending(s, deal, rep, null, "no plan in force on " + date);
            return;
        }
        PlanVersion plan = found.get();
        String currency = plan.terms().currency();
        Money amount = deal.wonAmount;
        Optional<BigDecimal> rate = rateOf(s, amount.currency(), currency, date);
        if (rate.isEmpty()) {
            s.fx(CompensationIds.exchangeRatePairId(amount.currency(), currency)).pendingReps.add(rep.repId);
            pending(s, deal, rep, CommissionPendingReason.NO_EXCHANGE_RATE, "no " + amount.currency() + "→" + currency
                    + " exchange rate in force on " + date + " (plan " + plan.planId() + " is in " + currency + ")");
            return;
        }
        Money credited = new Money(amount.percent(share).amount().multiply(rate.get()), currency);
        Money dealSize = new Money(amount.amount().multiply(rate.get()), currency);
        DealFacts facts = new DealFacts(deal.dealId, deal.productLine, deal.channel, date, dealSize);
        Period period = Period.quarterOf(wonAt);
        for (int i = 0; i <= MAX_QUARTERS_AHEAD; i++, period = next(period)) {
            String statementId = CompensationIds.statementId(rep.repId, period);
            if (!s.isOpen(statementId)) {
                continue;
            }
            Target target = targetFor(rep, period);
            if (target.missing() != null) {
                pending(s, deal, rep, target.missing(), target.detail() + " (plan " + plan.planId() + ", "
                        + currency + ")");
                return;
            }
            if (!target.amount().currency().equals(currency)) {
                pending(s, deal, rep, CommissionPendingReason.TARGET_CURRENCY_MISMATCH, "the " + period
                        + " REVENUE target is in " + target.amount().currency() + ", plan " + plan.planId()
                        + " in " + currency);
                return;
            }
            Outcome outcome = commands.send(new AccrueCommissionCommand(statementId, rep.repId, period, lineId, plan,
                    facts, credited, target.amount(), null, List.of(deal.wonEventId), positions(deal.wonPosition),
                    wonAt));
            if (outcome.kind() == Outcome.Kind.OK || outcome.is(Outcome.Kind.DUPLICATE, "lineId")) {
                LineState line = new LineState();
                line.lineId = lineId;
                line.repId = rep.repId;
                line.dealId = deal.dealId;
                line.statementId = statementId;
                line.period = period;
                line.businessDate = date;
                line.credited = credited;
                line.remaining = credited;
                line.sourceEventId = deal.wonEventId;
                deal.lines.put(lineId, line);
                rep.dealIds.add(deal.dealId);
                resolved(s, deal, rep, statementId, lineId);
                return;
            }
            if (outcome.is(Outcome.Kind.ILLEGAL_TRANSITION, "statementId")) {
                s.closed.add(statementId); // closed since the process last saw it: the next quarter
                continue;
            }
            if (outcome.is(Outcome.Kind.DUPLICATE, "deal.dealId")) {
                log.info("Deal {}: the statement {} still credits it to {}; not accrued again", deal.dealId,
                        statementId, rep.repId);
                return;
            }
            log.warn("Deal {}: accrual for {} refused by {}: {}; not booked", deal.dealId, rep.repId, statementId,
                    outcome);
            return;
        }
        log.warn("Deal {}: no open statement for {} within {} quarters from {}", deal.dealId, rep.repId,
                MAX_QUARTERS_AHEAD, Period.quarterOf(wonAt));
    }

    private void pending(Session s, DealState deal, RepState rep, CommissionPendingReason reason, String detail) {
        PendingState before = rep.pending.get(deal.dealId);
        boolean published = before != null && before.published() && before.reason() == reason;
        if (reason != null && !published) {
            commands.publish(new CommissionPendingEvent(deal.dealId, rep.repId, reason, detail,
                    deal.wonAt.atZone(ZoneOffset.UTC).toLocalDate(), deal.wonEventId, deal.wonAt));
            log.warn("Commission of deal {} for {} is pending: {}", deal.dealId, rep.repId, detail);
            published = true;
        }
        rep.pending.put(deal.dealId, new PendingState(reason, detail, published));
    }

    private void resolved(Session s, DealState deal, RepState rep, String statementId, String lineId) {
        PendingState was = rep.pending.remove(deal.dealId);
        if (was != null && was.published()) {
            commands.publish(new CommissionPendingResolvedEvent(deal.dealId, rep.repId, was.reason(), statementId,
                    lineId, deal.wonAt));
        }
    }

    private static void dropPending(RepState rep, String dealId) {
        rep.pending.remove(dealId);
    }

    private List<RepState> repsWithPending(Session s, DealState deal) {
        List<RepState> reps = new ArrayList<>();
        for (CreditShare share : shares(deal)) {
            RepState rep = s.rep(share.repId());
            if (rep.pending.containsKey(deal.dealId)) {
                reps.add(rep);
            }
        }
        return reps;
    }

    /** Tries the rep's pending items again (a plan, target or rate may have arrived). */
    private void retryPending(Session s, RepState rep, Trigger trigger) {
        for (String dealId : List.copyOf(rep.pending.keySet())) {
            DealState deal = s.existingDeal(dealId);
            if (deal == null || !deal.won) {
                rep.pending.remove(dealId);
                continue;
            }
            accrue(s, deal, rep, shareOf(deal, rep.repId));
        }
    }

    // -------------------------------------------------------------------------------------------------- clawbacks

    /**
     * Takes back (part of) a line: a clawback in its own statement; outside the window the statement refuses and
     * the commission stays; a statement that is no longer open gets an adjustment in the first open quarter.
     *
     * @param reduction the credited revenue taken back, {@code null} for all the line still credits
     */
    private void takeBack(Session s, DealState deal, LineState line, Money reduction, Trigger trigger, String reason) {
        if (line.clawedBack || line.keptOutsideWindow) {
            return;
        }
        String lineId = "clawback:" + line.lineId + ":" + trigger.eventId();
        Outcome outcome = commands.send(new ClawBackCommissionCommand(line.statementId, lineId, line.lineId, reduction,
                reason, List.of(trigger.eventId()), positions(trigger.position()), trigger.occurredAt()));
        if (outcome.kind() == Outcome.Kind.OK || outcome.is(Outcome.Kind.DUPLICATE, "lineId")) {
            reduce(line, reduction);
        } else if (outcome.is(Outcome.Kind.ILLEGAL_TRANSITION, "originalLineId")) {
            line.clawedBack = true;
        } else if (outcome.is(Outcome.Kind.INVALID, "occurredAt")) {
            line.keptOutsideWindow = true;
            log.info("Deal {}: line {} kept: {}", deal.dealId, line.lineId, outcome.rule());
        } else if (outcome.is(Outcome.Kind.ILLEGAL_TRANSITION, "statementId")) {
            lateClawBack(s, line, reduction, lineId, trigger, reason);
        } else {
            log.warn("Deal {}: clawback of line {} refused: {}", deal.dealId, line.lineId, outcome);
        }
    }

    /** The clawback of a line whose statement is closed: its reversal, as an adjustment in the first open quarter. */
    private void lateClawBack(Session s, LineState line, Money reduction, String lineId, Trigger trigger,
                              String reason) {
        CommissionCalculation c = line.effective;
        if (c == null) {
            log.warn("Line {}: statement closed before its calculation was seen; clawback not booked", line.lineId);
            return;
        }
        Optional<PlanVersion> plan = planVersion(s, c.planId(), c.planVersion());
        if (plan.isEmpty()) {
            log.warn("Line {}: plan {} v{} unknown; clawback not booked", line.lineId, c.planId(), c.planVersion());
            return;
        }
        Money taken = reduction != null ? reduction : line.remaining;
        Money top = c.creditedRevenueBefore().plus(c.creditedAmount());
        CommissionCalculation reversal = calculator.calculate(plan.get(), new CommissionInput(c.deal(), taken.negate(),
                top, c.target(), line.remaining, c.dealCommissionBefore().plus(c.bandCommission()),
                c.periodCommissionBefore().plus(c.commissionBeforePeriodCap())));
        if (reversal.total().signum() == 0) {
            reduce(line, reduction);
            return;
        }
        boolean booked = adjust(s, line, lineId, reversal.total(), AdjustmentKind.CLAWBACK,
                reason + " (line " + line.lineId + " of " + line.statementId + ", which is closed)", reversal, trigger);
        if (booked) {
            reduce(line, reduction);
        }
    }

    private static void reduce(LineState line, Money reduction) {
        line.remaining = reduction == null ? Money.zero(line.remaining.currency()) : line.remaining.minus(reduction);
        line.clawedBack = line.remaining.signum() <= 0;
    }

    // ----------------------------------------------------------------------------------------------- retroactivity

    private void reconcileRep(Session s, RepState rep, Trigger trigger, String reason) {
        for (String dealId : rep.dealIds) {
            DealState deal = s.existingDeal(dealId);
            if (deal == null) {
                continue;
            }
            for (LineState line : deal.lines.values()) {
                if (line.repId.equals(rep.repId)) {
                    reconcile(s, line, trigger, reason);
                    rollUp(s, deal, line, trigger);
                }
            }
        }
    }

    /**
     * Recalculates a line with the plan version and target that apply to it now; a difference to what the rep is
     * paid by is booked as an adjustment (the delta) in the first open quarter from the line's.
     */
    private void reconcile(Session s, LineState line, Trigger trigger, String reason) {
        CommissionCalculation current = line.effective;
        if (current == null || line.clawedBack) {
            return;
        }
        RepState rep = s.rep(line.repId);
        Optional<PlanVersion> plan = planFor(s, rep, line.businessDate);
        Target target = targetFor(rep, line.period);
        if (plan.isEmpty() || target.missing() != null) {
            return; // nothing applies any more: left as it is (reported by no one; see ADR 0005)
        }
        PlanVersion version = plan.get();
        boolean planChanged = !version.planId().equals(current.planId()) || version.version() != current.planVersion();
        boolean targetChanged = target.amount().amount().compareTo(current.target().amount()) != 0
                || !target.amount().currency().equals(current.target().currency());
        if (!planChanged && !targetChanged) {
            return;
        }
        if (!version.terms().currency().equals(current.currency())
                || !target.amount().currency().equals(current.currency())) {
            log.warn("Line {}: the plan or target now is in another currency than the line ({}); not recalculated",
                    line.lineId, current.currency());
            return;
        }
        CommissionCalculation recalculated = calculator.calculate(version, new CommissionInput(current.deal(),
                current.creditedAmount(), current.creditedRevenueBefore(), target.amount(),
                current.dealCreditedBefore(), current.dealCommissionBefore(), current.periodCommissionBefore()));
        Money delta = CommissionCalculator.delta(current, recalculated);
        if (delta.signum() == 0) {
            line.effective = recalculated;
            return;
        }
        AdjustmentKind kind = planChanged ? AdjustmentKind.RETROACTIVE_PLAN_CHANGE
                : AdjustmentKind.RETROACTIVE_TARGET_CHANGE;
        String lineId = "adj:" + line.lineId + ":" + trigger.eventId();
        if (adjust(s, line, lineId, delta, kind, reason + " (line " + line.lineId + ": plan " + version.planId()
                + " v" + version.version() + ", target " + target.amount() + ")", recalculated, trigger)) {
            line.effective = recalculated;
        }
    }

    /** An adjustment line in the rep's first open quarter from the line's; {@code true} if it is booked. */
    private boolean adjust(Session s, LineState line, String lineId, Money amount, AdjustmentKind kind, String reason,
                           CommissionCalculation calculation, Trigger trigger) {
        return adjust(s, line, line.repId, lineId, amount, kind, reason, calculation, trigger);
    }

    /** An adjustment line in {@code repId}'s first open quarter from the line's; {@code true} if it is booked. */
    private boolean adjust(Session s, LineState line, String repId, String lineId, Money amount, AdjustmentKind kind,
                           String reason, CommissionCalculation calculation, Trigger trigger) {
        Period period = line.period;
        for (int i = 0; i <= MAX_QUARTERS_AHEAD; i++, period = next(period)) {
            String statementId = CompensationIds.statementId(repId, period);
            if (!s.isOpen(statementId)) {
                continue;
            }
            Outcome outcome = commands.send(new AdjustCommissionCommand(statementId, repId, period, lineId, amount,
                    kind, reason, line.statementId, line.lineId, calculation, trigger.occurredAt()));
            if (outcome.kind() == Outcome.Kind.OK || outcome.is(Outcome.Kind.DUPLICATE, "lineId")) {
                return true;
            }
            if (outcome.is(Outcome.Kind.ILLEGAL_TRANSITION, "statementId")) {
                s.closed.add(statementId);
                continue;
            }
            log.warn("Line {}: adjustment {} refused by {}: {}", line.lineId, lineId, statementId, outcome);
            return false;
        }
        log.warn("Line {}: no open statement for {} within {} quarters", line.lineId, repId, MAX_QUARTERS_AHEAD);
        return false;
    }

    // ---------------------------------------------------------------------------------------------------- roll-ups

    /**
     * Keeps the manager's roll-up of a line equal to what the line earns them now: the effective calculation's
     * {@code managerRollUp} (the plan's roll-up rate × the credited revenue, rounded once), scaled to what the line
     * still credits after clawbacks (rounded HALF_EVEN to the currency's minor unit); zero once clawed back. The
     * difference to what was booked goes to the manager's first open statement from the line's quarter as a
     * MANAGER_ROLL_UP adjustment (line id {@code rollup:<lineId>:<event id>}, so a redelivery is a duplicate).
     *
     * <p>The manager is the rep's manager on the line's business date (onboarding, transfers and team manager
     * changes), chosen once. No roll-up when the rep has no manager, the manager is the rep, or the manager holds a
     * share of the deal's credit themselves: the same credit is never paid twice.
     */
    private void rollUp(Session s, DealState deal, LineState line, Trigger trigger) {
        CommissionCalculation c = line.effective;
        if (c == null || line.noRollUp != null) {
            return;
        }
        Money booked = line.rollUpBooked != null ? line.rollUpBooked : Money.zero(c.currency());
        Money due = rollUpDue(line, c);
        if (due.minus(booked).signum() == 0) {
            return;
        }
        if (line.rollUpManagerId == null) {
            String managerId = managerOf(s.rep(line.repId), line.businessDate);
            String why = managerId == null ? "the rep has no manager on " + line.businessDate
                    : managerId.equals(line.repId) ? "the rep is their own manager"
                    : shareOf(deal, managerId).signum() > 0 ? "the manager " + managerId + " holds a share of the deal"
                    : null;
            if (why != null) {
                line.noRollUp = why;
                log.info("Line {}: no manager roll-up: {}", line.lineId, why);
                return;
            }
            line.rollUpManagerId = managerId;
        }
        Money delta = due.minus(booked);
        String reason = (delta.signum() > 0 ? "roll-up of " : "roll-up reversed for ") + line.repId + "'s line "
                + line.lineId + " (credited " + line.remaining + " of " + line.credited + ")";
        if (adjust(s, line, line.rollUpManagerId, "rollup:" + line.lineId + ":" + trigger.eventId(), delta,
                AdjustmentKind.MANAGER_ROLL_UP, reason, c, trigger)) {
            line.rollUpBooked = due;
        }
    }

    private static Money rollUpDue(LineState line, CommissionCalculation c) {
        if (c.managerRollUp() == null || line.clawedBack) {
            return Money.zero(c.currency());
        }
        if (line.remaining.amount().compareTo(line.credited.amount()) == 0) {
            return c.managerRollUp();
        }
        return new Money(c.managerRollUp().amount().multiply(line.remaining.amount())
                .divide(line.credited.amount(), java.math.MathContext.DECIMAL128), c.currency()).rounded();
    }

    /** The rep's manager on the date: the latest change on or before it; before the first, the first. */
    private static String managerOf(RepState rep, LocalDate date) {
        ProcessState.ManagerSince found = null;
        for (ProcessState.ManagerSince m : rep.managers) {
            if (!m.from().isAfter(date) && (found == null || !m.from().isBefore(found.from()))) {
                found = m;
            }
        }
        if (found == null && !rep.managers.isEmpty()) {
            found = rep.managers.get(0);
        }
        return found == null ? null : found.managerId();
    }

    // ------------------------------------------------------------------------------------------------------- facts

    /**
     * The plan version in force for the rep on the date: the rep's own assignment effective latest on or before the
     * date (the later recorded one on the same date), else the same for the rep's role; then the plan's version in
     * force on the date ({@link CompensationPlan#versionInForceOn(List, LocalDate)}).
     */
    Optional<PlanVersion> planFor(Session s, RepState rep, LocalDate date) {
        Assignment assignment = latest(rep.assignments, date);
        if (assignment == null && rep.role != null) {
            assignment = latest(s.role(rep.role).assignments, date);
        }
        if (assignment == null) {
            return Optional.empty();
        }
        return CompensationPlan.versionInForceOn(s.plan(assignment.planId()).versions, date);
    }

    private static Assignment latest(List<Assignment> assignments, LocalDate date) {
        Assignment latest = null;
        for (Assignment a : assignments) {
            if (!a.effectiveFrom().isAfter(date) && (latest == null || !a.effectiveFrom().isBefore(latest.effectiveFrom()))) {
                latest = a;
            }
        }
        return latest;
    }

    private static Optional<PlanVersion> planVersion(Session s, String planId, int version) {
        return s.plan(planId).versions.stream().filter(v -> v.version() == version).findFirst();
    }

    private static Set<String> repsOf(Session s, PlanState plan) {
        Set<String> reps = new LinkedHashSet<>(plan.repIds);
        for (Role role : plan.roles) {
            reps.addAll(s.role(role).repIds);
        }
        return reps;
    }

    /** The target a statement quarter's bands use, or why there is none. */
    record Target(Money amount, CommissionPendingReason missing, String detail) {
    }

    /**
     * The rep's REVENUE target of a quarter: the quarter's own; else the year's / 4; else the sum of its three
     * months' (all three needed).
     */
    static Target targetFor(RepState rep, Period quarter) {
        TargetState year = null;
        Map<Period, TargetState> months = new HashMap<>();
        for (TargetState t : rep.targets.values()) {
            if (t.period().equals(quarter)) {
                return positive(new Money(t.amount(), t.currency()), quarter);
            }
            if (t.period().equals(Period.year(quarter.year()))) {
                year = t;
            }
            if (t.period().unit() == io.attain.kernel.common.PeriodUnit.MONTH && quarter.contains(t.period().start())) {
                months.put(t.period(), t);
            }
        }
        if (year != null) {
            return positive(new Money(year.amount().divide(BigDecimal.valueOf(4)), year.currency()), quarter);
        }
        if (months.size() == 3 && months.values().stream().map(TargetState::currency).distinct().count() == 1) {
            BigDecimal sum = months.values().stream().map(TargetState::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            return positive(new Money(sum, months.values().iterator().next().currency()), quarter);
        }
        return new Target(null, CommissionPendingReason.NO_TARGET, "no REVENUE target of " + rep.repId + " for "
                + quarter + " (a quarter, year or all three month targets)");
    }

    private static Target positive(Money amount, Period quarter) {
        return amount.signum() > 0 ? new Target(amount, null, null)
                : new Target(null, CommissionPendingReason.NO_TARGET, "the REVENUE target for " + quarter + " is not positive");
    }

    /** 1 for the same currency; the recorded rate in force on the date; else empty (never a guess). */
    private static Optional<BigDecimal> rateOf(Session s, String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        ExchangeRateTable table = new ExchangeRateTable();
        s.fx(CompensationIds.exchangeRatePairId(from, to)).rates.forEach(table::with);
        return table.rateOn(date) instanceof ExchangeRateTable.Found found ? Optional.of(found.rate()) : Optional.empty();
    }

    private static List<CreditShare> shares(DealState deal) {
        return deal.shares.isEmpty() ? List.of(new CreditShare(deal.ownerRepId, HUNDRED)) : deal.shares;
    }

    private static BigDecimal shareOf(DealState deal, String repId) {
        return shares(deal).stream().filter(s -> s.repId().equals(repId)).map(CreditShare::percentage).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    static Period next(Period quarter) {
        return Period.quarterOf(quarter.end().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Long position(EventMessage<?> message) {
        return Trigger.positionOf(message);
    }

    private static List<Long> positions(Long position) {
        return Trigger.positions(position);
    }

    // ------------------------------------------------------------------------------------------------------ session

    /**
     * The documents one event reads and changes: each loaded once, all written at the end ({@link #flush}), after
     * every command of the event was sent.
     */
    final class Session {
        private final ProcessDocuments documents = new ProcessDocuments(store);
        /** Statements found closed while sending (their status event is still ahead in the log). */
        final Set<String> closed = new LinkedHashSet<>();

        DealState deal(String dealId) {
            return get("deal:" + dealId, DealState.class, () -> {
                DealState d = new DealState();
                d.dealId = dealId;
                return d;
            });
        }

        DealState existingDeal(String dealId) {
            String id = "deal:" + dealId;
            if (!documents.exists(id)) {
                return null;
            }
            return deal(dealId);
        }

        RepState rep(String repId) {
            return get("rep:" + repId, RepState.class, () -> {
                RepState r = new RepState();
                r.repId = repId;
                return r;
            });
        }

        RoleState role(Role role) {
            return get("role:" + role, RoleState.class, () -> {
                RoleState r = new RoleState();
                r.role = role;
                return r;
            });
        }

        PlanState plan(String planId) {
            return get("plan:" + planId, PlanState.class, () -> {
                PlanState p = new PlanState();
                p.planId = planId;
                return p;
            });
        }

        FxState fx(String pairId) {
            return get(pairId, FxState.class, () -> {
                FxState f = new FxState();
                f.pairId = pairId;
                return f;
            });
        }

        ProcessState.TeamState team(String teamId) {
            return get("team:" + teamId, ProcessState.TeamState.class, () -> {
                ProcessState.TeamState t = new ProcessState.TeamState();
                t.teamId = teamId;
                return t;
            });
        }

        StatementState statement(String statementId) {
            return get(statementId, StatementState.class, () -> {
                StatementState st = new StatementState();
                st.statementId = statementId;
                return st;
            });
        }

        /** Open, or not opened yet (the first accrual or adjustment opens it). */
        boolean isOpen(String statementId) {
            if (closed.contains(statementId)) {
                return false;
            }
            String status = statement(statementId).status;
            return status == null || status.equals("OPEN");
        }

        private <T> T get(String id, Class<T> type, java.util.function.Supplier<T> fresh) {
            return documents.get(id, type, fresh);
        }

        void flush() {
            documents.flush();
        }
    }
}
