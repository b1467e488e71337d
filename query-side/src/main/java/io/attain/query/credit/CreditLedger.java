package io.attain.query.credit;

import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.query.org.OrgDirectory;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who gets credit for won deals, kept per projection in two collections of its own.
 *
 * <ul>
 *     <li>Deals ({@code _id} = deal id): owner, customer, product line, the current credit split (the owner gets
 *     100% until a {@code DealCreditSplit}), and the credit given at the last win. A win credits each rep of the
 *     split with {@code amount × percentage / 100} (exact), at the win's business time, with the rep's team and
 *     region at that time. A reopening takes exactly that credit back. Amount changes only matter through the
 *     amount of the next win.</li>
 *     <li>Rep–customer pairs ({@code _id} = rep|customer): the won deals with that customer currently credited to
 *     the rep. The rep's new customer is credited at the earliest of them (ties by deal id); when that deal is
 *     reopened, the new-customer credit moves to the next earliest, or is taken back when none is left.</li>
 * </ul>
 */
public final class CreditLedger {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String deals;
    private final String customers;
    private final OrgDirectory org;
    private final CreditListener listener;

    public CreditLedger(String dealsCollection, String customersCollection, OrgDirectory org,
                        CreditListener listener) {
        this.deals = dealsCollection;
        this.customers = customersCollection;
        this.org = org;
        this.listener = listener;
    }

    public void on(Batch batch, DealOpenedEvent e) {
        Doc deal = batch.doc(deals, e.dealId());
        deal.set("owner", e.ownerRepId());
        deal.set("customer", e.customer());
        deal.set("productLine", e.productLine());
    }

    public void on(Batch batch, DealCreditSplitEvent e) {
        List<Document> shares = new ArrayList<>();
        for (CreditShare share : e.shares()) {
            shares.add(new Document("rep", share.repId()).append("pct", share.percentage()));
        }
        batch.doc(deals, e.dealId()).set("shares", shares);
    }

    /** Credits the reps of the split; returns the credits given. */
    public List<Credit> on(Batch batch, DealWonEvent e) {
        Doc deal = batch.doc(deals, e.dealId());
        takeBack(batch, deal, e.dealId()); // a deal is won once between reopenings; defensive
        List<Document> shares = shares(deal);
        List<Credit> credits = new ArrayList<>();
        List<Document> stored = new ArrayList<>();
        for (Document share : shares) {
            String rep = share.getString("rep");
            BigDecimal pct = Doc.toDecimal(share.get("pct"));
            BigDecimal amount = e.amount().amount().multiply(pct).divide(HUNDRED);
            String team = org.teamAt(batch, rep, e.occurredAt());
            String region = org.regionOf(batch, team);
            Credit credit = new Credit(e.dealId(), rep, amount, e.amount().currency(), e.occurredAt(), team, region,
                                       deal.string("customer"), deal.string("productLine"));
            credits.add(credit);
            stored.add(toDocument(credit));
        }
        deal.set("credits", stored);
        for (Credit credit : credits) {
            listener.revenue(batch, credit, +1);
            customerDeal(batch, credit, +1);
        }
        return credits;
    }

    /** Takes back the credit of the last win; returns it. */
    public List<Credit> on(Batch batch, DealReopenedEvent e) {
        Doc deal = batch.doc(deals, e.dealId());
        return takeBack(batch, deal, e.dealId());
    }

    private List<Credit> takeBack(Batch batch, Doc deal, String dealId) {
        List<Credit> credits = new ArrayList<>();
        for (Object o : deal.list("credits")) {
            credits.add(fromDocument(dealId, (Document) o));
        }
        if (credits.isEmpty()) {
            return credits;
        }
        deal.unset("credits");
        for (Credit credit : credits) {
            listener.revenue(batch, credit, -1);
            customerDeal(batch, credit, -1);
        }
        return credits;
    }

    private List<Document> shares(Doc deal) {
        List<Document> shares = new ArrayList<>();
        for (Object o : deal.list("shares")) {
            shares.add((Document) o);
        }
        if (shares.isEmpty()) {
            String owner = deal.string("owner");
            if (owner != null) {
                shares.add(new Document("rep", owner).append("pct", HUNDRED));
            }
        }
        return shares;
    }

    private void customerDeal(Batch batch, Credit credit, int sign) {
        if (credit.customer() == null) {
            return;
        }
        Doc pair = batch.doc(customers, Keys.id(credit.repId(), credit.customer()));
        List<Document> won = new ArrayList<>();
        for (Object o : pair.list("deals")) {
            won.add((Document) o);
        }
        Document before = first(won);
        won.removeIf(d -> d.getString("deal").equals(credit.dealId()));
        if (sign > 0) {
            won.add(new Document("deal", credit.dealId()).append("at", credit.at().toString())
                            .append("team", credit.teamId()).append("region", credit.regionId()));
        }
        Document after = first(won);
        if (won.isEmpty()) {
            pair.delete();
        } else {
            pair.set("rep", credit.repId());
            pair.set("customer", credit.customer());
            pair.set("deals", won);
        }
        if (same(before, after)) {
            return;
        }
        if (before != null) {
            listener.newCustomer(batch, customerCredit(credit, before), -1);
        }
        if (after != null) {
            listener.newCustomer(batch, customerCredit(credit, after), +1);
        }
    }

    private static CustomerCredit customerCredit(Credit credit, Document d) {
        return new CustomerCredit(credit.repId(), credit.customer(), d.getString("deal"), Instant.parse(d.getString("at")),
                                  d.getString("team"), d.getString("region"));
    }

    private static Document first(List<Document> won) {
        return won.stream()
                  .min(Comparator.<Document, Instant>comparing(d -> Instant.parse(d.getString("at")))
                                 .thenComparing(d -> d.getString("deal")))
                  .orElse(null);
    }

    private static boolean same(Document a, Document b) {
        return a == null ? b == null : b != null && a.getString("deal").equals(b.getString("deal"));
    }

    private static Document toDocument(Credit c) {
        return new Document("rep", c.repId()).append("amount", c.amount()).append("currency", c.currency())
                .append("at", c.at().toString()).append("team", c.teamId()).append("region", c.regionId())
                .append("customer", c.customer()).append("productLine", c.productLine());
    }

    private static Credit fromDocument(String dealId, Document d) {
        return new Credit(dealId, d.getString("rep"), Doc.toDecimal(d.get("amount")), d.getString("currency"),
                          Instant.parse(d.getString("at")), d.getString("team"), d.getString("region"),
                          d.getString("customer"), d.getString("productLine"));
    }
}
