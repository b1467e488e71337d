package io.attain.query.kpi;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.cost.SalesCostCorrectedEvent;
import io.attain.kernel.cost.SalesCostRecordedEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.org.OrganisationAwareProjection;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import static io.attain.query.kpi.KpiSchema.*;

/**
 * The inputs of CAC and CLV ({@link KpiSchema}): cost entries summed per recorded period, cut and currency (a
 * correction adds its delta); per customer the deals currently won with it, and the first of them, whose month
 * counts the customer as new — in the cuts of that deal's channel and of its owner's team at the win (the
 * projection's own copy of the organisation); the recorded exchange rates. Nothing is converted here: amounts stay
 * in the currency they were recorded in, and queries convert with the rates (ADR 0016).
 */
@ProcessingGroup(KpiProjection.NAME)
public class KpiProjection extends OrganisationAwareProjection {

    public static final String NAME = "kpis";
    public static final java.util.List<String> COLLECTIONS = java.util.List.of(PERIODS, CUSTOMERS, DEALS, RATES, ORG);


    public KpiProjection(ProjectionStore store) {
        super(store, ORG);
    }

    @EventHandler
    void on(ExchangeRateRecordedEvent e) {
        Doc rates = batch().doc(RATES, rateId(e.fromCurrency(), e.toCurrency()));
        rates.set(FROM, e.fromCurrency());
        rates.set(TO, e.toCurrency());
        rates.set(RATES_FIELD + "." + e.effectiveDate(), e.rate());
    }

    @EventHandler
    void on(SalesCostRecordedEvent e) {
        cost(e.period(), e.channel() == null ? null : e.channel().name(), e.teamId(), e.amount());
    }

    @EventHandler
    void on(SalesCostCorrectedEvent e) {
        cost(e.period(), e.channel() == null ? null : e.channel().name(), e.teamId(), e.delta());
    }

    private void cost(Period period, String channel, String teamId, Money amount) {
        Doc doc = batch().doc(PERIODS, period.toString());
        for (String cut : cuts(channel, teamId)) {
            doc.add(costPath(cut, amount.currency()), amount.amount());
        }
    }

    @EventHandler
    void on(DealOpenedEvent e) {
        Doc deal = batch().doc(DEALS, e.dealId());
        deal.set(CUSTOMER, e.customer());
        deal.set(CHANNEL, e.channel());
        deal.set(OWNER, e.ownerRepId());
    }

    @EventHandler
    void on(DealWonEvent e) {
        Batch batch = batch();
        Doc deal = batch.doc(DEALS, e.dealId());
        if (!deal.exists() || deal.string(CUSTOMER) == null) {
            return;
        }
        deal.set(WON_AT, e.occurredAt());
        String team = org.teamAt(batch, deal.string(OWNER), e.occurredAt());
        Document win = new Document(AT, e.occurredAt().toString())
                .append(AMOUNT, e.amount().amount()).append(CURRENCY, e.amount().currency())
                .append(CHANNEL, deal.string(CHANNEL));
        if (team != null) {
            win.append(TEAM, team);
        }
        Doc customer = batch.doc(CUSTOMERS, deal.string(CUSTOMER));
        customer.set(winPath(e.dealId()), win);
        firstWinChanged(batch, customer);
    }

    @EventHandler
    void on(DealReopenedEvent e) {
        Batch batch = batch();
        Doc deal = batch.doc(DEALS, e.dealId());
        if (!deal.exists() || deal.string(WON_AT) == null) {
            return; // a lost deal reopened, or a deal this projection never saw
        }
        deal.unset(WON_AT);
        Doc customer = batch.doc(CUSTOMERS, deal.string(CUSTOMER));
        customer.unset(winPath(e.dealId()));
        firstWinChanged(batch, customer);
    }

    /**
     * Recomputes the customer's first win (earliest business time, ties by deal id) and, when it changed, moves the
     * customer's "new" count from the old first win's month and cuts to the new one's.
     */
    private void firstWinChanged(Batch batch, Doc customer) {
        Document before = customer.sub(FIRST);
        Document after = null;
        Document wins = customer.sub(WINS);
        if (wins != null) {
            String bestDeal = null;
            Instant bestAt = null;
            Document best = null;
            for (Map.Entry<String, Object> w : wins.entrySet()) {
                Document win = (Document) w.getValue();
                Instant at = Instant.parse(win.getString(AT));
                String dealId = Keys.decode(w.getKey());
                if (best == null || at.isBefore(bestAt) || (at.equals(bestAt) && dealId.compareTo(bestDeal) < 0)) {
                    best = win;
                    bestAt = at;
                    bestDeal = dealId;
                }
            }
            if (best != null) {
                after = new Document(DEAL_ID, bestDeal).append(AT, best.getString(AT))
                        .append(CHANNEL, best.getString(CHANNEL));
                if (best.getString(TEAM) != null) {
                    after.append(TEAM, best.getString(TEAM));
                }
            }
        }
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            countNew(batch, before, -1);
        }
        if (after != null) {
            countNew(batch, after, 1);
            customer.set(FIRST, after);
        } else {
            customer.unset(FIRST);
        }
    }

    private static void countNew(Batch batch, Document first, int sign) {
        String month = Period.monthOf(Instant.parse(first.getString(AT))).toString();
        Doc doc = batch.doc(PERIODS, month);
        for (String cut : cuts(first.getString(CHANNEL), first.getString(TEAM))) {
            doc.inc(newCustomersPath(cut), sign);
        }
    }
}
