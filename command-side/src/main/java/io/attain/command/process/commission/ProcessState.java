package io.attain.command.process.commission;

import io.attain.command.process.support.ProcessStore;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionPendingReason;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.deal.CreditShare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The commission process's private copy of the facts it needs, one document per entity (stored as JSON by
 * {@link ProcessStore}). Built only from events, in the order of the log; never read by anyone else.
 */
final class ProcessState {

    private ProcessState() {
    }

    /** {@code deal:<dealId>}: the deal's facts and the statement lines the process booked for it. */
    static final class DealState {
        public String dealId;
        public String ownerRepId;
        public String productLine;
        public Channel channel;
        public Money amount;
        /** The current credit split; empty: the owner gets 100 %. */
        public List<CreditShare> shares = new ArrayList<>();
        public boolean won;
        public Instant wonAt;
        public Money wonAmount;
        public String wonEventId;
        public Long wonPosition;
        /** Accrual lines by line id. */
        public Map<String, LineState> lines = new LinkedHashMap<>();
    }

    /** An accrual line the process booked (or had refused as a duplicate, i.e. booked before). */
    static final class LineState {
        public String lineId;
        public String repId;
        public String dealId;
        public String statementId;
        public Period period;
        public LocalDate businessDate;
        /** The credited revenue in the plan's currency (after split share and conversion). */
        public Money credited;
        /** What the line still credits (after clawbacks). */
        public Money remaining;
        public String sourceEventId;
        /** The statement's calculation of the line ({@code CommissionAccruedEvent}); {@code null} until seen. */
        public CommissionCalculation calculation;
        /** The calculation the rep is paid by now: the original, or the last retroactive recalculation. */
        public CommissionCalculation effective;
        /** Taken back completely. */
        public boolean clawedBack;
        /** The deal was reopened after the clawback window: the commission stays. */
        public boolean keptOutsideWindow;
        /** The manager the line rolls up to (chosen once, by the line's business date); {@code null} until then. */
        public String rollUpManagerId;
        /** Why the line does not roll up (e.g. the manager holds a share of the deal); {@code null} if it does. */
        public String noRollUp;
        /** The net roll-up booked on the manager's statements so far; {@code null}: nothing booked. */
        public Money rollUpBooked;
    }

    /** {@code rep:<repId>}: role, plan assignments, REVENUE targets, deals with lines, pending items. */
    static final class RepState {
        public String repId;
        public Role role;
        public List<Assignment> assignments = new ArrayList<>();
        /** REVENUE targets by target id. */
        public Map<String, TargetState> targets = new LinkedHashMap<>();
        public Set<String> dealIds = new LinkedHashSet<>();
        /** Deals whose commission for this rep is not booked yet, by deal id. */
        public Map<String, PendingState> pending = new LinkedHashMap<>();
        /** The rep's team now. */
        public String teamId;
        /** Who the rep reported to, from which business date on (in the order of the log). */
        public List<ManagerSince> managers = new ArrayList<>();
    }

    /** {@code team:<teamId>}: the reps in the team now (for manager changes). */
    static final class TeamState {
        public String teamId;
        public Set<String> repIds = new LinkedHashSet<>();
    }

    /** The rep's manager from a business date on. */
    record ManagerSince(LocalDate from, String managerId) {
    }

    /** {@code role:<ROLE>}: reps of the role and plan assignments to it. */
    static final class RoleState {
        public Role role;
        public Set<String> repIds = new LinkedHashSet<>();
        public List<Assignment> assignments = new ArrayList<>();
    }

    /** {@code plan:<planId>}: published versions in publication order, and who it is assigned to. */
    static final class PlanState {
        public String planId;
        public List<PlanVersion> versions = new ArrayList<>();
        public Set<String> repIds = new LinkedHashSet<>();
        public Set<Role> roles = new LinkedHashSet<>();
    }

    /** {@code fx:<FROM>-<TO>}: recorded rates, and reps with items waiting for this pair. */
    static final class FxState {
        public String pairId;
        public TreeMap<LocalDate, BigDecimal> rates = new TreeMap<>();
        public Set<String> pendingReps = new LinkedHashSet<>();
    }

    /** {@code statement:<repId>:<period>} (the statement's own id): its status as the log shows it. */
    static final class StatementState {
        public String statementId;
        public String status;
    }

    /** A plan assignment (to a rep or a role) from a date on. */
    record Assignment(String planId, LocalDate effectiveFrom) {
    }

    /** A REVENUE target of a rep. */
    record TargetState(Period period, BigDecimal amount, String currency) {
    }

    /**
     * A pending item: the reason, for people the detail, and whether it was published as a
     * {@code CommissionPendingEvent} ({@code reason == null}: the rep has no plan in force, which is not reported).
     */
    record PendingState(CommissionPendingReason reason, String detail, boolean published) {
    }
}
