package io.attain.command.domain.compensation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.AccrueCommissionCommand;
import io.attain.kernel.compensation.AdjustCommissionCommand;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.ApproveStatementCommand;
import io.attain.kernel.compensation.ClawBackCommissionCommand;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.CompensationIds;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A rep's commission statement of one period ({@code statement:<repId>:<period>}): accrued lines,
 * clawbacks, adjustments and disputes; totals per currency; the lifecycle OPEN → SUBMITTED →
 * APPROVED → LOCKED → PAID; payments.
 *
 * <ul>
 *     <li>Opened by its first accrual or adjustment. Lines (accruals, clawbacks, adjustments) are
 *     added only while OPEN; an accepted dispute adds its adjustment while OPEN or SUBMITTED. A
 *     LOCKED or PAID statement accepts no change at all: corrections are booked as adjustments in
 *     the rep's first open period (which statement that is, is the sender's choice).</li>
 *     <li>Accruals are calculated here with {@link CommissionCalculator} from the command's plan
 *     version and inputs and the statement's own running figures (period revenue, what the
 *     per-period cap has seen so far); the whole calculation goes into the event. A clawback
 *     recalculates with the original line's plan version and deal facts.</li>
 *     <li>Approval by FINANCE or a MANAGER, never by the statement's rep, and not while a dispute is
 *     open. Payment only of approved or locked statements, at most the approved and unpaid amount
 *     per currency, each batch once; fully paid → PAID.</li>
 * </ul>
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class CommissionStatement {

    private static final CommissionCalculator CALCULATOR = new CommissionCalculator();

    @AggregateIdentifier
    private String statementId;
    private String repId;
    private Period period;
    private StatementStatus status;
    private Map<String, Line> lines = new HashMap<>();
    /** The rep's credited revenue of the period per currency (the top of the marginal stack). */
    private Map<String, BigDecimal> revenue = new HashMap<>();
    /** Per currency: Σ commissionBeforePeriodCap of the lines, what the per-period cap limits. */
    private Map<String, BigDecimal> periodCommission = new HashMap<>();
    private Map<String, BigDecimal> totals = new HashMap<>();
    private Map<String, BigDecimal> approved = new HashMap<>();
    private Map<String, BigDecimal> paid = new HashMap<>();
    private Set<String> batchIds = new HashSet<>();
    private Map<String, Dispute> disputes = new HashMap<>();

    enum LineKind { ACCRUAL, CLAWBACK, ADJUSTMENT }

    /**
     * A line of the statement. For accruals also the plan version and calculation, what the line
     * still credits (after clawbacks) and the deal's band commission before the per-deal cap.
     */
    record Line(String lineId, LineKind kind, String dealId, String currency, BigDecimal amount,
                PlanVersion plan, CommissionCalculation calculation, BigDecimal creditedRemaining,
                BigDecimal dealCommission) {
    }

    record Dispute(String disputeId, String lineId, boolean open) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccrueCommissionCommand command) {
        Instant occurredAt = BusinessTime.orNow(command.occurredAt());
        checkStatementId(command.statementId(), command.repId(), command.period());
        // A line that exists is a duplicate whatever the status: a sender that redelivers learns it is done.
        requireNewLine(command.lineId());
        requireOpen();
        PlanVersion plan = command.plan();
        String currency = plan.terms().currency();
        boolean alreadyCredited = lines.values().stream().anyMatch(l -> l.kind() == LineKind.ACCRUAL
                && l.dealId().equals(command.deal().dealId()) && l.creditedRemaining().signum() > 0);
        if (alreadyCredited) {
            throw new DuplicateException("deal.dealId",
                    "the deal's commission is already accrued in this statement; claw it back or adjust it");
        }
        if (!command.creditedAmount().isPositive()) {
            throw new InvalidCommandException("creditedAmount", "must be positive");
        }
        requireCurrency("creditedAmount", command.creditedAmount(), currency);
        requireCurrency("target", command.target(), currency);
        requireCurrency("deal.dealSize", command.deal().dealSize(), currency);
        if (!command.target().isPositive()) {
            throw new InvalidCommandException("target", "must be positive");
        }
        Money before = command.creditedRevenueBefore();
        if (before != null) {
            requireCurrency("creditedRevenueBefore", before, currency);
            if (before.signum() < 0) {
                throw new InvalidCommandException("creditedRevenueBefore", "must not be negative");
            }
        } else {
            before = new Money(revenue.getOrDefault(currency, BigDecimal.ZERO), currency);
        }
        LocalDate dealDate = command.deal().businessDate();
        if (plan.terms().effectiveFrom() == null || plan.terms().effectiveFrom().isAfter(dealDate)) {
            throw new InvalidCommandException("plan", "version " + plan.version()
                    + " is not effective on the deal's business date " + dealDate);
        }
        CommissionCalculation calculation = CALCULATOR.calculate(plan, CommissionInput.newDeal(command.deal(),
                command.creditedAmount(), before, command.target(),
                new Money(periodCommission.getOrDefault(currency, BigDecimal.ZERO), currency)));
        openIfNew(command.repId(), command.period(), occurredAt);
        apply(new CommissionAccruedEvent(statementId, command.lineId(), repId, period, command.deal().dealId(), plan,
                calculation, command.sourceEventIds(), command.sourcePositions(), occurredAt));
    }

    @CommandHandler
    public void handle(ClawBackCommissionCommand command) {
        Instant occurredAt = BusinessTime.orNow(command.occurredAt());
        // Duplicate and window first, then the status: a sender learns "done", "too late" or "not open" (book the
        // clawback as an adjustment in the first open period) in that order.
        requireNewLine(command.lineId());
        Line original = lines.get(command.originalLineId());
        if (original == null || original.kind() != LineKind.ACCRUAL) {
            throw new InvalidCommandException("originalLineId", "no such accrual line in this statement");
        }
        String currency = original.currency();
        if (original.creditedRemaining().signum() <= 0) {
            throw new IllegalTransitionException("originalLineId", "the line is already clawed back completely");
        }
        Money remaining = new Money(original.creditedRemaining(), currency);
        Money reduction = command.creditedReduction() != null ? command.creditedReduction() : remaining;
        requireCurrency("creditedReduction", reduction, currency);
        if (!reduction.isPositive()) {
            throw new InvalidCommandException("creditedReduction", "must be positive");
        }
        if (reduction.amount().compareTo(remaining.amount()) > 0) {
            throw new InvalidCommandException("creditedReduction",
                    "must not exceed what the line still credits (" + remaining + ")");
        }
        CommissionCalculation originalCalculation = original.calculation();
        LocalDate deadline = originalCalculation.deal().businessDate()
                .plusDays(original.plan().terms().clawbackWindowDays());
        if (BusinessTime.utcDate(occurredAt).isAfter(deadline)) {
            throw new InvalidCommandException("occurredAt", "is outside the plan's clawback window of "
                    + original.plan().terms().clawbackWindowDays() + " days (until " + deadline + ")");
        }
        requireOpen();
        CommissionCalculation calculation = CALCULATOR.calculate(original.plan(), new CommissionInput(
                originalCalculation.deal(), reduction.negate(),
                new Money(revenue.getOrDefault(currency, BigDecimal.ZERO), currency),
                originalCalculation.target(), remaining, new Money(original.dealCommission(), currency),
                new Money(periodCommission.getOrDefault(currency, BigDecimal.ZERO), currency)));
        apply(new CommissionClawedBackEvent(statementId, command.lineId(), repId, original.lineId(),
                original.dealId(), reduction, calculation, command.reason(), command.sourceEventIds(),
                command.sourcePositions(), occurredAt));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdjustCommissionCommand command) {
        Instant occurredAt = BusinessTime.orNow(command.occurredAt());
        checkStatementId(command.statementId(), command.repId(), command.period());
        requireNewLine(command.lineId());
        requireOpen();
        if (command.amount().signum() == 0) {
            throw new InvalidCommandException("amount", "must not be zero");
        }
        if (command.kind() == AdjustmentKind.MANAGER_ROLL_UP) {
            requireRollUpOfAnotherRep(command);
        }
        openIfNew(command.repId(), command.period(), occurredAt);
        apply(new CommissionAdjustedEvent(statementId, command.lineId(), repId, command.amount(), command.kind(),
                command.reason(), command.relatedStatementId(), command.relatedLineId(), command.calculation(),
                occurredAt));
    }

    /**
     * A roll-up names the rep's line it rolls up, and never credits a manager with their own line (the same credit
     * twice: once as the line, once as its roll-up).
     */
    private static void requireRollUpOfAnotherRep(AdjustCommissionCommand command) {
        if (command.relatedStatementId() == null) {
            throw new InvalidCommandException("relatedStatementId", "is required for a MANAGER_ROLL_UP adjustment");
        }
        if (command.relatedLineId() == null) {
            throw new InvalidCommandException("relatedLineId", "is required for a MANAGER_ROLL_UP adjustment");
        }
        String related = command.relatedStatementId();
        int periodStart = related.lastIndexOf(':');
        String relatedRep = related.startsWith("statement:") && periodStart > "statement:".length()
                ? related.substring("statement:".length(), periodStart) : null;
        if (command.repId().equals(relatedRep)) {
            throw new InvalidCommandException("relatedStatementId",
                    "a manager's roll-up must roll up another rep's line, not their own");
        }
    }

    @CommandHandler
    public void handle(SubmitStatementCommand command) {
        requireStatus("be submitted", StatementStatus.OPEN);
        apply(new StatementSubmittedEvent(statementId, repId, command.submittedBy(), asMoney(totals),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(ApproveStatementCommand command) {
        requireStatus("be approved", StatementStatus.SUBMITTED);
        if (command.approverId().equals(repId)) {
            throw new InvalidCommandException("approverId", "the statement's rep may not approve their own statement");
        }
        if (disputes.values().stream().anyMatch(Dispute::open)) {
            throw new IllegalTransitionException("statementId", "statement has open disputes; resolve them first");
        }
        apply(new StatementApprovedEvent(statementId, repId, command.approverId(), command.approverRole(),
                asMoney(totals), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(LockStatementCommand command) {
        requireStatus("be locked", StatementStatus.APPROVED);
        apply(new StatementLockedEvent(statementId, repId, command.lockedBy(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(PayCommissionCommand command) {
        if (status == StatementStatus.PAID) {
            throw new IllegalTransitionException("statementId", "statement is already paid in full");
        }
        requireStatus("be paid", StatementStatus.APPROVED, StatementStatus.LOCKED);
        if (batchIds.contains(command.batchId())) {
            throw new DuplicateException("batchId", "this batch has already paid this statement");
        }
        Money amount = command.amount();
        if (!amount.isPositive()) {
            throw new InvalidCommandException("amount", "must be positive");
        }
        BigDecimal unpaid = unpaid(amount.currency());
        if (unpaid.signum() <= 0) {
            throw new InvalidCommandException("amount", "nothing approved is unpaid in " + amount.currency());
        }
        if (amount.amount().compareTo(unpaid) > 0) {
            throw new InvalidCommandException("amount",
                    "must not exceed the approved and unpaid " + new Money(unpaid, amount.currency()));
        }
        boolean fullyPaid = approved.keySet().stream().allMatch(currency -> (currency.equals(amount.currency())
                ? unpaid.subtract(amount.amount()) : unpaid(currency)).signum() <= 0);
        apply(new CommissionPaidEvent(statementId, repId, command.batchId(), amount, command.paymentDate(), fullyPaid,
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(DisputeStatementLineCommand command) {
        requireStatus("take disputes", StatementStatus.OPEN, StatementStatus.SUBMITTED);
        if (!command.repId().equals(repId)) {
            throw new InvalidCommandException("repId", "only the statement's rep may dispute its lines");
        }
        if (!lines.containsKey(command.lineId())) {
            throw new InvalidCommandException("lineId", "no such line in this statement");
        }
        if (disputes.containsKey(command.disputeId())) {
            throw new DuplicateException("disputeId", "dispute already exists");
        }
        if (disputes.values().stream().anyMatch(d -> d.open() && d.lineId().equals(command.lineId()))) {
            throw new DuplicateException("lineId", "the line already has an open dispute");
        }
        apply(new StatementLineDisputedEvent(statementId, command.disputeId(), repId, command.lineId(),
                command.reason(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(ResolveDisputeCommand command) {
        requireStatus("resolve disputes", StatementStatus.OPEN, StatementStatus.SUBMITTED);
        Dispute dispute = disputes.get(command.disputeId());
        if (dispute == null) {
            throw new InvalidCommandException("disputeId", "no such dispute");
        }
        if (!dispute.open()) {
            throw new IllegalTransitionException("disputeId", "dispute is already resolved");
        }
        if (command.managerId().equals(repId)) {
            throw new InvalidCommandException("managerId", "the statement's rep may not resolve their own dispute");
        }
        Instant occurredAt = BusinessTime.orNow(command.occurredAt());
        Line line = lines.get(dispute.lineId());
        if (command.accepted()) {
            Money adjustment = command.adjustment();
            if (adjustment == null) {
                throw new InvalidCommandException("adjustment", "is required when the dispute is accepted");
            }
            if (adjustment.signum() == 0) {
                throw new InvalidCommandException("adjustment", "must not be zero");
            }
            requireCurrency("adjustment", adjustment, line.currency());
            String adjustmentLineId = "dispute:" + dispute.disputeId();
            requireNewLine(adjustmentLineId);
            String reason = command.reason() != null ? command.reason() : "dispute " + dispute.disputeId() + " accepted";
            apply(new StatementDisputeResolvedEvent(statementId, dispute.disputeId(), command.managerId(), true,
                    adjustment, adjustmentLineId, command.reason(), occurredAt));
            apply(new CommissionAdjustedEvent(statementId, adjustmentLineId, repId, adjustment, AdjustmentKind.DISPUTE,
                    reason, statementId, line.lineId(), null, occurredAt));
        } else {
            if (command.adjustment() != null) {
                throw new InvalidCommandException("adjustment", "is only allowed when the dispute is accepted");
            }
            if (command.reason() == null) {
                throw new InvalidCommandException("reason", "is required when the dispute is rejected");
            }
            apply(new StatementDisputeResolvedEvent(statementId, dispute.disputeId(), command.managerId(), false,
                    null, null, command.reason(), occurredAt));
        }
    }

    /** The status of the statement. */
    public StatementStatus status() {
        return status;
    }

    /** {@code true} if the statement accepts new lines (the "first open period" test of a sender). */
    public boolean isOpen() {
        return status == StatementStatus.OPEN;
    }

    /** The statement's total in a currency (Σ of its rounded lines). */
    public Money total(String currency) {
        return new Money(totals.getOrDefault(currency, BigDecimal.ZERO), currency);
    }

    private void checkStatementId(String id, String rep, Period p) {
        String expected = CompensationIds.statementId(rep, p);
        if (!id.equals(expected)) {
            throw new InvalidCommandException("statementId", "must be " + expected);
        }
    }

    private void openIfNew(String rep, Period p, Instant occurredAt) {
        if (status == null) {
            apply(new CommissionStatementOpenedEvent(CompensationIds.statementId(rep, p), rep, p, occurredAt));
        }
    }

    private void requireOpen() {
        if (status != null) {
            requireStatus("accept lines", StatementStatus.OPEN);
        }
    }

    private void requireStatus(String action, StatementStatus... allowed) {
        List<StatementStatus> ok = Arrays.asList(allowed);
        if (ok.contains(status)) {
            return;
        }
        if (status == StatementStatus.LOCKED || status == StatementStatus.PAID) {
            throw new IllegalTransitionException("statementId", "statement is " + status
                    + "; a locked or paid period accepts no change (book corrections in the first open period)");
        }
        throw new IllegalTransitionException("statementId", "statement is " + status + "; only a statement that is "
                + String.join(" or ", ok.stream().map(Enum::name).toList()) + " can " + action);
    }

    private void requireNewLine(String lineId) {
        if (lines.containsKey(lineId)) {
            throw new DuplicateException("lineId", "line already exists");
        }
    }

    private static void requireCurrency(String field, Money money, String currency) {
        if (!money.currency().equals(currency)) {
            throw new InvalidCommandException(field, "must be in the plan's currency " + currency);
        }
    }

    private BigDecimal unpaid(String currency) {
        return approved.getOrDefault(currency, BigDecimal.ZERO).subtract(paid.getOrDefault(currency, BigDecimal.ZERO));
    }

    private static List<Money> asMoney(Map<String, BigDecimal> amounts) {
        return new TreeMap<>(amounts).entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList();
    }

    private static void add(Map<String, BigDecimal> sums, Money money) {
        sums.merge(money.currency(), money.amount(), BigDecimal::add);
    }

    @EventSourcingHandler
    void on(CommissionStatementOpenedEvent event) {
        statementId = event.statementId();
        repId = event.repId();
        period = event.period();
        status = StatementStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CommissionAccruedEvent event) {
        CommissionCalculation c = event.calculation();
        lines.put(event.lineId(), new Line(event.lineId(), LineKind.ACCRUAL, event.dealId(), c.currency(),
                c.total().amount(), event.plan(), c, c.creditedAmount().amount(), c.bandCommission().amount()));
        revenue.put(c.currency(), c.creditedRevenueBefore().amount().add(c.creditedAmount().amount()));
        add(periodCommission, c.commissionBeforePeriodCap());
        add(totals, c.total());
    }

    @EventSourcingHandler
    void on(CommissionClawedBackEvent event) {
        CommissionCalculation c = event.calculation();
        Line original = lines.get(event.originalLineId());
        lines.put(original.lineId(), new Line(original.lineId(), original.kind(), original.dealId(), original.currency(),
                original.amount(), original.plan(), original.calculation(),
                original.creditedRemaining().subtract(event.creditedReduction().amount()),
                original.dealCommission().add(c.bandCommission().amount())));
        lines.put(event.lineId(), new Line(event.lineId(), LineKind.CLAWBACK, event.dealId(), c.currency(),
                c.total().amount(), null, c, BigDecimal.ZERO, BigDecimal.ZERO));
        revenue.put(c.currency(), c.creditedRevenueBefore().amount().add(c.creditedAmount().amount()));
        add(periodCommission, c.commissionBeforePeriodCap());
        add(totals, c.total());
    }

    @EventSourcingHandler
    void on(CommissionAdjustedEvent event) {
        lines.put(event.lineId(), new Line(event.lineId(), LineKind.ADJUSTMENT, null, event.amount().currency(),
                event.amount().amount(), null, event.calculation(), BigDecimal.ZERO, BigDecimal.ZERO));
        add(totals, event.amount());
    }

    @EventSourcingHandler
    void on(StatementSubmittedEvent event) {
        status = StatementStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(StatementApprovedEvent event) {
        status = StatementStatus.APPROVED;
        approved = new HashMap<>();
        event.approvedTotals().forEach(total -> add(approved, total));
    }

    @EventSourcingHandler
    void on(StatementLockedEvent event) {
        status = StatementStatus.LOCKED;
    }

    @EventSourcingHandler
    void on(CommissionPaidEvent event) {
        batchIds.add(event.batchId());
        add(paid, event.amount());
        if (event.fullyPaid()) {
            status = StatementStatus.PAID;
        }
    }

    @EventSourcingHandler
    void on(StatementLineDisputedEvent event) {
        disputes.put(event.disputeId(), new Dispute(event.disputeId(), event.lineId(), true));
    }

    @EventSourcingHandler
    void on(StatementDisputeResolvedEvent event) {
        Dispute dispute = disputes.get(event.disputeId());
        disputes.put(event.disputeId(), new Dispute(dispute.disputeId(), dispute.lineId(), false));
    }

    protected CommissionStatement() {
        // Required by Axon (and the creation policy)
    }
}
