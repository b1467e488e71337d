package io.attain.query.deallist;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import io.attain.kernel.common.Money;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.query.org.OrgDirectory;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Periods;
import io.attain.query.org.OrganisationAwareProjection;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.attain.query.deallist.DealListSchema.*;

/**
 * Keeps one {@link DealListSchema} document per deal. The owner's name and team are those at the deal's latest
 * business event, per the projection's own copy of the organisation ({@value DealListSchema#ORG}); the periods are
 * those of the opening, the expected close and the close.
 *
 * <p>On a real MongoDB the list's filters and orders are served by indexes, created whenever the processor claims
 * its segment (again after a reset, which drops the collection); the embedded server ignores them and scans. The
 * instance that runs this processor also keeps the list in memory ({@link DealListIndex}): loaded on every claim,
 * given each committed document.
 */
@ProcessingGroup(DealListProjection.NAME)
public class DealListProjection extends OrganisationAwareProjection {

    public static final String NAME = "deal-list";
    public static final List<String> COLLECTIONS = List.of(DEALS, ORG);


    /** This processor's copy of the list in memory (see {@link DealListIndex}). */
    private final DealListIndex index;

    public DealListProjection(ProjectionStore store) {
        super(store, ORG);
        this.index = new DealListIndex();
        store.onClaim(token -> {
            ensureIndexes();
            index.load(store.collection(DEALS).find());
        });
    }

    /** The in-memory copy this processor keeps current. */
    DealListIndex index() {
        return index;
    }

    @Override
    public void reset() {
        index.clear();
        super.reset();
        ensureIndexes();
    }

    private void ensureIndexes() {
        MongoCollection<Document> deals = store().collection(DEALS);
        deals.createIndex(Indexes.compoundIndex(Indexes.ascending(REPS), Indexes.descending(UPDATED_KEY)));
        deals.createIndex(Indexes.compoundIndex(Indexes.ascending(OWNER), Indexes.descending(UPDATED_KEY)));
        deals.createIndex(Indexes.compoundIndex(Indexes.ascending(TEAM), Indexes.descending(UPDATED_KEY)));
        deals.createIndex(Indexes.compoundIndex(Indexes.ascending(PERIODS), Indexes.descending(UPDATED_KEY)));
        deals.createIndex(Indexes.descending(UPDATED_KEY));
    }

    @EventHandler
    void on(DealOpenedEvent e) {
        Doc deal = batch().doc(DEALS, e.dealId());
        deal.set(CUSTOMER, e.customer());
        deal.set(PRODUCT_LINE, e.productLine());
        deal.set(OWNER, e.ownerRepId());
        deal.set(STAGE, e.stage());
        amount(deal, e.amount());
        deal.set(CHANNEL, e.channel());
        deal.set(PARTNER, e.partnerId());
        deal.set(OPENED_AT, e.occurredAt());
        deal.set(OPENED_KEY, e.occurredAt().toEpochMilli());
        deal.set(EXPECTED_CLOSE, e.expectedCloseDate());
        deal.set(SHARES, List.of());
        touched(deal, e.occurredAt());
    }

    @EventHandler
    void on(DealStageChangedEvent e) {
        Doc deal = existing(e.dealId());
        if (deal != null) {
            deal.set(STAGE, e.toStage());
            touched(deal, e.occurredAt());
        }
    }

    @EventHandler
    void on(DealWonEvent e) {
        Doc deal = existing(e.dealId());
        if (deal != null) {
            deal.set(STAGE, "WON");
            deal.set(OUTCOME, "WON");
            amount(deal, e.amount());
            closed(deal, e.occurredAt());
            deal.unset(LOST_REASON);
            touched(deal, e.occurredAt());
        }
    }

    @EventHandler
    void on(DealLostEvent e) {
        Doc deal = existing(e.dealId());
        if (deal != null) {
            deal.set(STAGE, "LOST");
            deal.set(OUTCOME, "LOST");
            deal.set(LOST_REASON, e.reason());
            closed(deal, e.occurredAt());
            touched(deal, e.occurredAt());
        }
    }

    @EventHandler
    void on(DealReopenedEvent e) {
        Doc deal = existing(e.dealId());
        if (deal != null) {
            deal.set(STAGE, e.toStage());
            deal.unset(OUTCOME);
            deal.unset(LOST_REASON);
            deal.unset(CLOSED_AT);
            deal.unset(CLOSED_KEY);
            touched(deal, e.occurredAt());
        }
    }

    @EventHandler
    void on(DealAmountChangedEvent e) {
        Doc deal = existing(e.dealId());
        if (deal != null) {
            amount(deal, e.amount());
            touched(deal, e.occurredAt());
        }
    }

    @EventHandler
    void on(DealCreditSplitEvent e) {
        Doc deal = existing(e.dealId());
        if (deal != null) {
            List<Document> shares = new ArrayList<>();
            for (CreditShare share : e.shares()) {
                shares.add(new Document("repId", share.repId()).append("percentage", share.percentage()));
            }
            deal.set(SHARES, shares);
            touched(deal, e.occurredAt());
        }
    }

    /** The deal's document, or {@code null} for an event of a deal whose opening this projection never saw. */
    private Doc existing(String dealId) {
        Doc deal = batch().doc(DEALS, dealId);
        return deal.exists() ? deal : null;
    }

    private static void amount(Doc deal, Money amount) {
        if (amount != null) {
            deal.set(AMOUNT, amount.amount());
            deal.set(CURRENCY, amount.currency());
        }
    }

    private static void closed(Doc deal, Instant at) {
        deal.set(CLOSED_AT, at);
        deal.set(CLOSED_KEY, at.toEpochMilli());
    }

    /** After every deal event: its business time, the owner's name and team then, who is involved, the periods. */
    private void touched(Doc deal, Instant at) {
        Batch batch = batch();
        committedToIndex(batch, deal);
        String owner = deal.string(OWNER);
        String previous = deal.string(UPDATED_AT);
        Instant updated = previous == null || Instant.parse(previous).isBefore(at) ? at : Instant.parse(previous);
        deal.set(UPDATED_AT, updated);
        deal.set(UPDATED_KEY, updated.toEpochMilli());
        deal.set(OWNER_NAME, org.repName(batch, owner));
        String team = org.teamAt(batch, owner, at);
        deal.set(TEAM, team);
        deal.set(TEAM_NAME, team == null ? null : teamName(batch, team));
        Set<String> reps = new LinkedHashSet<>();
        reps.add(owner);
        for (Object share : deal.list(SHARES)) {
            reps.add(((Document) share).getString("repId"));
        }
        deal.set(REPS, new ArrayList<>(reps));
        Set<String> periods = new LinkedHashSet<>(Periods.of(Instant.parse(deal.string(OPENED_AT))));
        String expected = deal.string(EXPECTED_CLOSE);
        if (expected != null) {
            periods.addAll(Periods.of(LocalDate.parse(expected)));
        }
        String closedAt = deal.string(CLOSED_AT);
        if (closedAt != null) {
            periods.addAll(Periods.of(Instant.parse(closedAt)));
        }
        deal.set(PERIODS, new ArrayList<>(periods));
    }

    /** The batch whose touched deals {@link #touched} collects (one processor thread, one batch at a time). */
    private Batch collecting;
    private Map<String, Doc> touched = new LinkedHashMap<>();

    /**
     * The in-memory copy gets each deal the batch touched once, as committed (its state when the batch is written):
     * one commit action per batch, registered with its first deal.
     */
    private void committedToIndex(Batch batch, Doc deal) {
        if (batch != collecting) {
            collecting = batch;
            Map<String, Doc> deals = new LinkedHashMap<>();
            touched = deals;
            batch.onCommitted(() -> deals.forEach(
                    (id, d) -> index.apply(id, d.exists() ? Doc.copy(d.data()) : null)));
        }
        touched.put(deal.id(), deal);
    }

    private String teamName(Batch batch, String teamId) {
        String name = batch.doc(ORG, OrgDirectory.teamKey(teamId)).string("name");
        return name != null ? name : teamId;
    }
}
