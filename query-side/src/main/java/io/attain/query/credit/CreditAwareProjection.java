package io.attain.query.credit;

import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.query.org.OrganisationAwareProjection;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.eventhandling.EventHandler;

/**
 * Base of the projections that count credit (revenue and new customers per rep, with credit splits and reopenings):
 * the deal events go to the projection's own {@link CreditLedger}, which calls back {@link CreditListener#revenue} and
 * {@link CreditListener#newCustomer}. A subclass must not handle these four deal events itself.
 */
public abstract class CreditAwareProjection extends OrganisationAwareProjection implements CreditListener {

    /** The projection's credit ledger (its deals and customers collections). */
    protected final CreditLedger ledger;

    protected CreditAwareProjection(ProjectionStore store, String orgCollection, String dealsCollection,
                                    String customersCollection) {
        super(store, orgCollection);
        this.ledger = new CreditLedger(dealsCollection, customersCollection, org, this);
    }

    @EventHandler
    void on(DealOpenedEvent e) {
        ledger.on(batch(), e);
    }

    @EventHandler
    void on(DealCreditSplitEvent e) {
        ledger.on(batch(), e);
    }

    @EventHandler
    void on(DealWonEvent e) {
        ledger.on(batch(), e);
    }

    @EventHandler
    void on(DealReopenedEvent e) {
        ledger.on(batch(), e);
    }
}
