package io.attain.query.scorecard;

import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.query.credit.Credit;
import io.attain.query.credit.CreditAwareProjection;
import io.attain.query.credit.CustomerCredit;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.Periods;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A scorecard per rep and period ({@value #CARDS}, {@code _id} = {@code <rep>|<period>}): revenue (the rep's share
 * of won amounts, per currency, in the period of the win; taken back by a reopening), deals won (deals in which the
 * rep has a share), new customers, and the visits, calls and proposals logged, by business time.
 */
@ProcessingGroup(ScorecardProjection.NAME)
public class ScorecardProjection extends CreditAwareProjection {

    public static final String NAME = "scorecards";
    public static final String CARDS = "scorecards";
    public static final String DEALS = "scorecard_deals";
    public static final String CUSTOMERS = "scorecard_customers";
    public static final String ORG = "scorecard_org";
    public static final List<String> COLLECTIONS = List.of(CARDS, DEALS, CUSTOMERS, ORG);


    public ScorecardProjection(ProjectionStore store) {
        super(store, ORG, DEALS, CUSTOMERS);
    }

    public static String cardId(String repId, String period) {
        return Keys.id(repId, period);
    }

    @Override
    public void revenue(Batch batch, Credit credit, int sign) {
        for (String period : Periods.of(credit.at())) {
            Doc card = card(batch, credit.repId(), period);
            card.add("revenue." + Keys.field(credit.currency()), credit.amount().multiply(BigDecimal.valueOf(sign)));
            card.inc("dealsWon", sign);
        }
    }

    @Override
    public void newCustomer(Batch batch, CustomerCredit credit, int sign) {
        activity(batch, credit.repId(), credit.at(), "newCustomers", sign);
    }

    @EventHandler
    void on(VisitLoggedEvent e) {
        activity(batch(), e.repId(), e.occurredAt(), "visits", 1);
    }

    @EventHandler
    void on(CallLoggedEvent e) {
        activity(batch(), e.repId(), e.occurredAt(), "calls", 1);
    }

    @EventHandler
    void on(ProposalLoggedEvent e) {
        activity(batch(), e.repId(), e.occurredAt(), "proposals", 1);
    }

    private void activity(Batch batch, String repId, Instant at, String field, int sign) {
        for (String period : Periods.of(at)) {
            card(batch, repId, period).inc(field, sign);
        }
    }

    private Doc card(Batch batch, String repId, String period) {
        Doc card = batch.doc(CARDS, cardId(repId, period));
        if (!card.exists()) {
            card.set("repId", repId);
            card.set("period", period);
        }
        String name = org.repName(batch, repId);
        if (!name.equals(card.string("name"))) {
            card.set("name", name);
        }
        return card;
    }
}
