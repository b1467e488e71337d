package io.attain.command.domain.organisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.kernel.organisation.CreateRegionCommand;
import io.attain.kernel.organisation.RegionCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A sales region, led by a manager. Teams name their region; the region does not list them.
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Region {

    @AggregateIdentifier
    private String regionId;

    @CommandHandler
    public Region(CreateRegionCommand command) {
        apply(new RegionCreatedEvent(command.regionId(), command.name(), command.managerId(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @EventSourcingHandler
    void on(RegionCreatedEvent event) {
        regionId = event.regionId();
    }

    protected Region() {
        // Required by Axon
    }
}
