package io.attain.command.domain.organisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.InvalidCommandException;
import io.attain.command.domain.target.Target;
import io.attain.command.domain.target.TargetRules;
import io.attain.kernel.organisation.ChangeTeamManagerCommand;
import io.attain.kernel.organisation.CreateTeamCommand;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.target.AssignTeamTargetCommand;
import io.attain.kernel.target.ReviseTeamTargetCommand;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A sales team in a region, with its manager and its team targets.
 *
 * <p>That the region and the manager exist is not checked here (another aggregate knows them).
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Team {

    @AggregateIdentifier
    private String teamId;
    private String managerId;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<String, Target> targets = new HashMap<>();

    @CommandHandler
    public Team(CreateTeamCommand command) {
        apply(new TeamCreatedEvent(command.teamId(), command.name(), command.regionId(), command.managerId(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(ChangeTeamManagerCommand command) {
        if (command.managerId().equals(managerId)) {
            throw new InvalidCommandException("managerId", "must differ from the current manager");
        }
        apply(new TeamManagerChangedEvent(teamId, managerId, command.managerId(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(AssignTeamTargetCommand command) {
        TargetRules.checkAssignment(targets, command.targetId(), command.period(), command.metric(),
                command.productLine(), command.amount(), command.currency());
        apply(new TargetAssignedEvent(command.targetId(), TargetOwnerType.TEAM, teamId, command.period(),
                command.metric(), command.productLine(), command.amount(), command.currency(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(ReviseTeamTargetCommand command) {
        Target target = TargetRules.checkRevision(targets, command.targetId(), command.amount());
        apply(new TargetRevisedEvent(command.targetId(), TargetOwnerType.TEAM, teamId, target.amount(),
                command.amount(), command.reason(), BusinessTime.orNow(command.occurredAt())));
    }

    @EventSourcingHandler
    void on(TeamCreatedEvent event) {
        teamId = event.teamId();
        managerId = event.managerId();
    }

    @EventSourcingHandler
    void on(TeamManagerChangedEvent event) {
        managerId = event.managerId();
    }

    @EventSourcingHandler
    void on(TargetAssignedEvent event) {
        targets.put(event.targetId(), new Target(event));
    }

    protected Team() {
        // Required by Axon
    }
}
