package io.attain.query.attainment;

import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Metric;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;
import io.attain.query.credit.Credit;
import io.attain.query.credit.CreditAwareProjection;
import io.attain.query.credit.CreditLedger;
import io.attain.query.credit.CustomerCredit;
import io.attain.query.target.TargetHistory;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.Periods;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Quota attainment rows per owner (rep or team), period and metric.
 *
 * <p>Row documents ({@value #ROWS}, {@code _id} = {@code rep|<rep>|<period>|<metric>} or
 * {@code team|<team>|<period>|<metric>}, with {@code |<product line>} for PRODUCT_REVENUE) hold the target and its
 * revisions ({@link TargetHistory}) and the actuals per business day: {@code days.<yyyy-mm-dd>} (counts) or
 * {@code days.<yyyy-mm-dd>.<currency>} (money). The attainment "as of" a date is computed when read: the actuals of
 * the days up to it against the target in force then — so it can be asked for any date, and the document depends
 * only on the events, never on when they were processed.
 *
 * <p>Actuals: REVENUE and PRODUCT_REVENUE are won credit (the rep's share, see {@link CreditLedger}); DEALS_WON and
 * NEW_CUSTOMERS as on the leaderboards; VISITS and PROPOSALS logged activities. A team's actual is the sum of its
 * reps' actuals, each counted for the team the rep belonged to at the event's business time.
 */
@ProcessingGroup(AttainmentProjection.NAME)
public class AttainmentProjection extends CreditAwareProjection {

    public static final String NAME = "attainment";
    public static final String ROWS = "attainment";
    public static final String TARGETS = "attainment_targets";
    public static final String DEALS = "attainment_deals";
    public static final String CUSTOMERS = "attainment_customers";
    public static final String ORG = "attainment_org";
    public static final List<String> COLLECTIONS = List.of(ROWS, TARGETS, DEALS, CUSTOMERS, ORG);


    public AttainmentProjection(ProjectionStore store) {
        super(store, ORG, DEALS, CUSTOMERS);
    }

    /** The row id; {@code productLine} only for PRODUCT_REVENUE. */
    public static String rowId(TargetOwnerType ownerType, String ownerId, String period, Metric metric,
                               String productLine) {
        String owner = ownerType.name().toLowerCase(java.util.Locale.ROOT);
        return productLine == null ? Keys.id(owner, ownerId, period, metric.name())
                : Keys.id(owner, ownerId, period, metric.name(), productLine);
    }

    // ------------------------------------------------------------------------------------------- organisation

    // --------------------------------------------------------------------------------------------------- deals

    @Override
    public void revenue(Batch batch, Credit credit, int sign) {
        BigDecimal amount = credit.amount().multiply(BigDecimal.valueOf(sign));
        String day = Periods.date(credit.at()).toString();
        for (String period : Periods.of(credit.at())) {
            for (Owner owner : owners(credit.repId(), credit.teamId())) {
                money(batch, owner, period, Metric.REVENUE, null, day, credit.currency(), amount);
                count(batch, owner, period, Metric.DEALS_WON, day, sign);
                if (credit.productLine() != null) {
                    money(batch, owner, period, Metric.PRODUCT_REVENUE, credit.productLine(), day, credit.currency(),
                          amount);
                }
            }
        }
    }

    @Override
    public void newCustomer(Batch batch, CustomerCredit credit, int sign) {
        counts(batch, Metric.NEW_CUSTOMERS, credit.repId(), credit.teamId(), credit.at(), sign);
    }

    // ---------------------------------------------------------------------------------------------- activities

    @EventHandler
    void on(VisitLoggedEvent e) {
        Batch batch = batch();
        counts(batch, Metric.VISITS, e.repId(), org.teamAt(batch, e.repId(), e.occurredAt()), e.occurredAt(), 1);
    }

    @EventHandler
    void on(ProposalLoggedEvent e) {
        Batch batch = batch();
        counts(batch, Metric.PROPOSALS, e.repId(), org.teamAt(batch, e.repId(), e.occurredAt()), e.occurredAt(), 1);
    }

    private void counts(Batch batch, Metric metric, String repId, String teamId, Instant at, int sign) {
        String day = Periods.date(at).toString();
        for (String period : Periods.of(at)) {
            for (Owner owner : owners(repId, teamId)) {
                count(batch, owner, period, metric, day, sign);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- targets

    @EventHandler
    void on(TargetAssignedEvent e) {
        Batch batch = batch();
        String productLine = e.metric() == Metric.PRODUCT_REVENUE ? e.productLine() : null;
        Doc row = row(batch, new Owner(e.ownerType(), e.ownerId()), e.period().toString(), e.metric(), productLine);
        TargetHistory.assign(row, "target", e.targetId(), e.currency(), e.amount(), e.occurredAt());
        batch.doc(TARGETS, Keys.part(e.targetId())).set("row", row.id());
    }

    @EventHandler
    void on(TargetRevisedEvent e) {
        Batch batch = batch();
        String rowId = batch.doc(TARGETS, Keys.part(e.targetId())).string("row");
        if (rowId == null) {
            return;
        }
        TargetHistory.revise(batch.doc(ROWS, rowId), "target", e.amount(), e.occurredAt());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Owner(TargetOwnerType type, String id) {
    }

    private static List<Owner> owners(String repId, String teamId) {
        List<Owner> owners = new ArrayList<>(2);
        owners.add(new Owner(TargetOwnerType.REP, repId));
        if (teamId != null) {
            owners.add(new Owner(TargetOwnerType.TEAM, teamId));
        }
        return owners;
    }

    private static Doc row(Batch batch, Owner owner, String period, Metric metric, String productLine) {
        Doc row = batch.doc(ROWS, rowId(owner.type(), owner.id(), period, metric, productLine));
        if (!row.exists()) {
            row.set("ownerType", owner.type());
            row.set("ownerId", owner.id());
            row.set("period", period);
            row.set("metric", metric);
            if (productLine != null) {
                row.set("productLine", productLine);
            }
        }
        return row;
    }

    private static void money(Batch batch, Owner owner, String period, Metric metric, String productLine, String day,
                              String currency, BigDecimal amount) {
        row(batch, owner, period, metric, productLine).add("days." + day + "." + Keys.field(currency), amount);
    }

    private static void count(Batch batch, Owner owner, String period, Metric metric, String day, int sign) {
        row(batch, owner, period, metric, null).add("days." + day, BigDecimal.valueOf(sign));
    }
}
