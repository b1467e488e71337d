package io.attain.query.org;

import io.attain.kernel.organisation.RegionCreatedEvent;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.query.projection.Projection;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.eventhandling.EventHandler;

/**
 * Base of the projections that keep their own copy of the organisation ({@link OrgDirectory}, see there why each
 * keeps its own): every organisation event goes to the copy, in the projection's own order of the log. A subclass
 * reads the copy through {@link #org} and must not handle these events itself.
 */
public abstract class OrganisationAwareProjection extends Projection {

    /** The projection's copy of the organisation. */
    protected final OrgDirectory org;

    protected OrganisationAwareProjection(ProjectionStore store, String orgCollection) {
        super(store);
        this.org = new OrgDirectory(orgCollection);
    }

    @EventHandler
    void on(RegionCreatedEvent e) {
        org.on(batch(), e);
    }

    @EventHandler
    void on(TeamCreatedEvent e) {
        org.on(batch(), e);
    }

    @EventHandler
    void on(TeamManagerChangedEvent e) {
        org.on(batch(), e);
    }

    @EventHandler
    void on(RepOnboardedEvent e) {
        org.on(batch(), e);
    }

    @EventHandler
    void on(RepTransferredEvent e) {
        org.on(batch(), e);
    }

    @EventHandler
    void on(RepOffboardedEvent e) {
        org.on(batch(), e);
    }
}
