package io.attain.command.domain.organisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.command.domain.target.Target;
import io.attain.command.domain.target.TargetRules;
import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.LogCallCommand;
import io.attain.kernel.activity.LogProposalCommand;
import io.attain.kernel.activity.LogVisitCommand;
import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.organisation.OffboardRepCommand;
import io.attain.kernel.organisation.OnboardRepCommand;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TransferRepCommand;
import io.attain.kernel.target.AssignRepTargetCommand;
import io.attain.kernel.target.ReviseRepTargetCommand;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A sales rep: employment (hire, transfers, offboarding), the rep's targets and logged activities.
 *
 * <p>The rep is <em>active</em> on the days from the hire date (inclusive) up to the offboarding
 * effective date (exclusive), dates taken in UTC. A transfer or offboarding takes effect on its
 * effective date and must come after the start of the current assignment (the hire date or the
 * last transfer). Once offboarded, the rep accepts no further transfer or offboarding.
 *
 * <p>Onboarding and transfers are handled by {@link RepCommandHandler}, which first checks that the
 * team exists (the Team aggregate knows that) and then calls this aggregate. That the manager exists
 * is not checked. Other aggregates ask a rep whether it is active ({@link #requireActiveAt}) and
 * whether it belongs to a team ({@link #belongsToTeam}).
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Rep {

    @AggregateIdentifier
    private String repId;
    private String teamId;
    private String managerId;
    private LocalDate hireDate;
    /** Start of the current team/manager assignment: the hire date or the last transfer's date. */
    private LocalDate assignedSince;
    /** First day the rep is no longer active, or {@code null}. */
    private LocalDate offboardedFrom;
    private Set<String> activityIds = new HashSet<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<String, Target> targets = new HashMap<>();

    /** Onboards the rep; called by {@link RepCommandHandler} once the team is known to exist. */
    public Rep(OnboardRepCommand command) {
        apply(new RepOnboardedEvent(command.repId(), command.name(), command.role(), command.teamId(),
                command.managerId(), command.hireDate(), BusinessTime.orNow(command.occurredAt())));
    }

    /** Transfers the rep; called by {@link RepCommandHandler} once the new team is known to exist. */
    public void handle(TransferRepCommand command) {
        requireNotOffboarded();
        requireAfterCurrentAssignment(command.effectiveDate());
        if (command.toTeamId().equals(teamId) && command.toManagerId().equals(managerId)) {
            throw new InvalidCommandException("toTeamId", "must differ from the current team or manager");
        }
        apply(new RepTransferredEvent(repId, teamId, managerId, command.toTeamId(), command.toManagerId(),
                command.effectiveDate(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(OffboardRepCommand command) {
        requireNotOffboarded();
        requireAfterCurrentAssignment(command.effectiveDate());
        apply(new RepOffboardedEvent(repId, command.effectiveDate(), BusinessTime.orNow(command.occurredAt())));
    }

    /** No target for a period that starts on or after the offboarding date. */
    @CommandHandler
    public void handle(AssignRepTargetCommand command) {
        if (offboardedFrom != null && !command.period().start().isBefore(offboardedFrom)) {
            throw new IllegalTransitionException("repId", "rep is offboarded before the period starts");
        }
        TargetRules.checkAssignment(targets, command.targetId(), command.period(), command.metric(),
                command.productLine(), command.amount(), command.currency());
        apply(new TargetAssignedEvent(command.targetId(), TargetOwnerType.REP, repId, command.period(),
                command.metric(), command.productLine(), command.amount(), command.currency(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(ReviseRepTargetCommand command) {
        Target target = TargetRules.checkRevision(targets, command.targetId(), command.amount());
        apply(new TargetRevisedEvent(command.targetId(), TargetOwnerType.REP, repId, target.amount(),
                command.amount(), command.reason(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(LogVisitCommand command) {
        Instant occurredAt = checkActivity(command.activityId(), command.occurredAt());
        apply(new VisitLoggedEvent(repId, command.activityId(), command.customer(), command.purpose(),
                command.outcome(), occurredAt));
    }

    @CommandHandler
    public void handle(LogCallCommand command) {
        Instant occurredAt = checkActivity(command.activityId(), command.occurredAt());
        apply(new CallLoggedEvent(repId, command.activityId(), command.customer(), command.purpose(),
                command.outcome(), occurredAt));
    }

    @CommandHandler
    public void handle(LogProposalCommand command) {
        Instant occurredAt = checkActivity(command.activityId(), command.occurredAt());
        if (command.amount() != null && !command.amount().isPositive()) {
            throw new InvalidCommandException("amount", "must be positive");
        }
        apply(new ProposalLoggedEvent(repId, command.activityId(), command.customer(), command.productLine(),
                command.amount(), command.dealId(), occurredAt));
    }

    private void requireNotOffboarded() {
        if (offboardedFrom != null) {
            throw new IllegalTransitionException("repId", "rep is offboarded");
        }
    }

    private void requireAfterCurrentAssignment(LocalDate effectiveDate) {
        if (!effectiveDate.isAfter(assignedSince)) {
            throw new InvalidCommandException("effectiveDate", "must be after the start of the current assignment");
        }
    }

    /** Checks the activity id is new and the rep active at the business time; returns that time. */
    private Instant checkActivity(String activityId, Instant requestedOccurredAt) {
        if (activityIds.contains(activityId)) {
            throw new DuplicateException("activityId", "activity already logged");
        }
        Instant occurredAt = BusinessTime.orNow(requestedOccurredAt);
        if (!isActiveOn(BusinessTime.utcDate(occurredAt))) {
            throw new InvalidCommandException("occurredAt", "rep must be active at this time");
        }
        return occurredAt;
    }

    /**
     * For other aggregates' rules: the rep must be active (hired, not yet offboarded) on the UTC day
     * of {@code at}.
     *
     * @param field the field of the caller's command that names this rep, reported on failure
     * @throws InvalidCommandException {@code field: rep must be active at this time}
     */
    public void requireActiveAt(String field, Instant at) {
        if (!isActiveOn(BusinessTime.utcDate(at))) {
            throw new InvalidCommandException(field, "rep must be active at this time");
        }
    }

    /** {@code true} if the rep's current assignment (after the latest transfer) is to {@code teamId}. */
    public boolean belongsToTeam(String teamId) {
        return teamId != null && teamId.equals(this.teamId);
    }

    private boolean isActiveOn(LocalDate day) {
        return !day.isBefore(hireDate) && (offboardedFrom == null || day.isBefore(offboardedFrom));
    }

    @EventSourcingHandler
    void on(RepOnboardedEvent event) {
        repId = event.repId();
        teamId = event.teamId();
        managerId = event.managerId();
        hireDate = event.hireDate();
        assignedSince = event.hireDate();
    }

    @EventSourcingHandler
    void on(RepTransferredEvent event) {
        teamId = event.toTeamId();
        managerId = event.toManagerId();
        assignedSince = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(RepOffboardedEvent event) {
        offboardedFrom = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(TargetAssignedEvent event) {
        targets.put(event.targetId(), new Target(event));
    }

    @EventSourcingHandler
    void on(VisitLoggedEvent event) {
        activityIds.add(event.activityId());
    }

    @EventSourcingHandler
    void on(CallLoggedEvent event) {
        activityIds.add(event.activityId());
    }

    @EventSourcingHandler
    void on(ProposalLoggedEvent event) {
        activityIds.add(event.activityId());
    }

    protected Rep() {
        // Required by Axon
    }
}
