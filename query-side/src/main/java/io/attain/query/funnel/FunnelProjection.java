package io.attain.query.funnel;

import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.query.org.OrgDirectory;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.Periods;
import io.attain.query.org.OrganisationAwareProjection;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The funnel per period (month, quarter, year of business time, UTC) and cut (all, region, team, manager, channel,
 * partner, product line).
 *
 * <p>View documents ({@value #VIEWS}, {@code _id} = {@code <period>|<cut>}, e.g. {@code 2017-05|all} or
 * {@code 2017-Q2|region=east}):
 * <ul>
 *     <li>{@code entered.<STAGE>}: distinct deals that entered the stage in the period (opening in it counts as
 *     entering it; a deal that goes back and forth enters each stage at most once per period);</li>
 *     <li>{@code time.<STAGE>.seconds/exits}: time spent in an open stage, counted when the deal leaves it, in the
 *     period of leaving;</li>
 *     <li>{@code close.seconds/count}: opening to closing (won or lost), in the period of the close;</li>
 *     <li>{@code lost.<reason>}: losses by reason; {@code won.<currency>}: won value, in the period of the win;</li>
 *     <li>{@code pipeline.<STAGE>.<currency>}: the amounts of deals open now, by current stage, in the periods of
 *     their expected close date (the opening date when they have none).</li>
 * </ul>
 * A deal's cuts are fixed when it opens: its owner's team, the team's manager and region at the opening's business
 * time, its channel, partner and product line. Per-deal state lives in {@value #DEALS}.
 */
@ProcessingGroup(FunnelProjection.NAME)
public class FunnelProjection extends OrganisationAwareProjection {

    public static final String NAME = "funnel";
    public static final String VIEWS = "funnel";
    public static final String DEALS = "funnel_deals";
    public static final String ORG = "funnel_org";
    public static final List<String> COLLECTIONS = List.of(VIEWS, DEALS, ORG);


    public FunnelProjection(ProjectionStore store) {
        super(store, ORG);
    }

    /** The cut for a dimension and value, e.g. {@code region=east}. */
    public static String cut(String dimension, String value) {
        return dimension + "=" + Keys.part(value);
    }

    public static String viewId(String period, String cut) {
        return period + "|" + cut;
    }

    // ------------------------------------------------------------------------------------------- organisation

    // --------------------------------------------------------------------------------------------------- deals

    @EventHandler
    void on(DealOpenedEvent e) {
        Batch batch = batch();
        Doc deal = batch.doc(DEALS, e.dealId());
        OrgDirectory.Placement placement = org.placement(batch, e.ownerRepId(), e.occurredAt());
        List<String> cuts = new ArrayList<>();
        cuts.add("all");
        if (placement.regionId() != null) {
            cuts.add(cut("region", placement.regionId()));
        }
        if (placement.teamId() != null) {
            cuts.add(cut("team", placement.teamId()));
        }
        if (placement.managerId() != null) {
            cuts.add(cut("manager", placement.managerId()));
        }
        if (e.channel() != null) {
            cuts.add(cut("channel", e.channel().name()));
        }
        if (e.partnerId() != null) {
            cuts.add(cut("partner", e.partnerId()));
        }
        if (e.productLine() != null) {
            cuts.add(cut("productLine", e.productLine()));
        }
        deal.set("cuts", cuts);
        deal.set("openedAt", e.occurredAt());
        deal.set("amount", e.amount().amount());
        deal.set("currency", e.amount().currency());
        deal.set("pipelinePeriods", e.expectedCloseDate() != null ? Periods.of(e.expectedCloseDate())
                : Periods.of(e.occurredAt()));
        Stage stage = e.stage() != null ? e.stage() : Stage.LEAD;
        enter(batch, deal, stage, e.occurredAt());
        if (stage.isOpen()) {
            pipeline(batch, deal, stage, deal.decimal("amount"));
        }
    }

    @EventHandler
    void on(DealStageChangedEvent e) {
        Batch batch = batch();
        Doc deal = deal(batch, e.dealId());
        Stage from = stage(deal, e.fromStage());
        leave(batch, deal, from, e.occurredAt());
        pipeline(batch, deal, from, deal.decimal("amount").negate());
        enter(batch, deal, e.toStage(), e.occurredAt());
        pipeline(batch, deal, e.toStage(), deal.decimal("amount"));
    }

    @EventHandler
    void on(DealWonEvent e) {
        Batch batch = batch();
        Doc deal = deal(batch, e.dealId());
        Stage from = stage(deal, e.fromStage());
        leave(batch, deal, from, e.occurredAt());
        pipeline(batch, deal, from, deal.decimal("amount").negate());
        enter(batch, deal, Stage.WON, e.occurredAt());
        closed(batch, deal, e.occurredAt());
        if (e.amount() != null) {
            deal.set("amount", e.amount().amount());
            deal.set("currency", e.amount().currency());
            for (String period : Periods.of(e.occurredAt())) {
                for (String cut : cuts(deal)) {
                    view(batch, period, cut).add("won." + Keys.field(e.amount().currency()), e.amount().amount());
                }
            }
        }
    }

    @EventHandler
    void on(DealLostEvent e) {
        Batch batch = batch();
        Doc deal = deal(batch, e.dealId());
        Stage from = stage(deal, e.fromStage());
        leave(batch, deal, from, e.occurredAt());
        pipeline(batch, deal, from, deal.decimal("amount").negate());
        enter(batch, deal, Stage.LOST, e.occurredAt());
        closed(batch, deal, e.occurredAt());
        String reason = e.reason() == null ? "" : e.reason();
        for (String period : Periods.of(e.occurredAt())) {
            for (String cut : cuts(deal)) {
                view(batch, period, cut).inc("lost." + Keys.field(reason), 1);
            }
        }
    }

    @EventHandler
    void on(DealReopenedEvent e) {
        Batch batch = batch();
        Doc deal = deal(batch, e.dealId());
        enter(batch, deal, e.toStage(), e.occurredAt());
        pipeline(batch, deal, e.toStage(), deal.decimal("amount"));
    }

    @EventHandler
    void on(DealAmountChangedEvent e) {
        Batch batch = batch();
        Doc deal = deal(batch, e.dealId());
        Stage stage = Stage.valueOf(deal.string("stage"));
        BigDecimal old = deal.decimal("amount");
        deal.set("amount", e.amount().amount());
        deal.set("currency", e.amount().currency());
        if (stage.isOpen()) {
            pipeline(batch, deal, stage, old.negate());
            pipeline(batch, deal, stage, e.amount().amount());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Doc deal(Batch batch, String dealId) {
        Doc deal = batch.doc(DEALS, dealId);
        if (!deal.exists()) {
            // a deal whose opening this projection never saw: count it in "all" only
            deal.set("cuts", List.of("all"));
            deal.set("amount", BigDecimal.ZERO);
            deal.set("pipelinePeriods", List.of());
        }
        return deal;
    }

    private static Stage stage(Doc deal, Stage fromEvent) {
        String current = deal.string("stage");
        return current != null ? Stage.valueOf(current) : fromEvent;
    }

    @SuppressWarnings("unchecked")
    private static List<String> cuts(Doc deal) {
        return (List<String>) (List<?>) deal.list("cuts");
    }

    private Doc view(Batch batch, String period, String cut) {
        Doc view = batch.doc(VIEWS, viewId(period, cut));
        if (!view.exists()) {
            view.set("period", period);
            view.set("cut", cut);
        }
        return view;
    }

    private void prefetch(Batch batch, Doc deal, List<String> periods) {
        List<String> ids = new ArrayList<>();
        for (String period : periods) {
            for (String cut : cuts(deal)) {
                ids.add(viewId(period, cut));
            }
        }
        batch.prefetch(VIEWS, ids);
    }

    /** The deal enters a stage: counted once per stage and period. */
    private void enter(Batch batch, Doc deal, Stage stage, Instant at) {
        List<String> periods = Periods.of(at);
        prefetch(batch, deal, periods);
        List<Object> entered = new ArrayList<>(deal.list("entered"));
        boolean changed = false;
        for (String period : periods) {
            String key = period + "|" + stage.name();
            if (!entered.contains(key)) {
                entered.add(key);
                changed = true;
                for (String cut : cuts(deal)) {
                    view(batch, period, cut).inc("entered." + stage.name(), 1);
                }
            }
        }
        if (changed) {
            deal.set("entered", entered);
        }
        deal.set("stage", stage);
        deal.set("since", at);
    }

    /** The deal leaves an open stage: its time in it counts in the period of leaving. */
    private void leave(Batch batch, Doc deal, Stage stage, Instant at) {
        String since = deal.string("since");
        if (since == null || !stage.isOpen()) {
            return;
        }
        long seconds = Math.max(0, Duration.between(Instant.parse(since), at).getSeconds());
        for (String period : Periods.of(at)) {
            for (String cut : cuts(deal)) {
                Doc view = view(batch, period, cut);
                view.inc("time." + stage.name() + ".seconds", seconds);
                view.inc("time." + stage.name() + ".exits", 1);
            }
        }
    }

    private void closed(Batch batch, Doc deal, Instant at) {
        String openedAt = deal.string("openedAt");
        if (openedAt == null) {
            return;
        }
        long seconds = Math.max(0, Duration.between(Instant.parse(openedAt), at).getSeconds());
        for (String period : Periods.of(at)) {
            for (String cut : cuts(deal)) {
                Doc view = view(batch, period, cut);
                view.inc("close.seconds", seconds);
                view.inc("close.count", 1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void pipeline(Batch batch, Doc deal, Stage stage, BigDecimal delta) {
        if (delta.signum() == 0 || !stage.isOpen()) {
            return;
        }
        String currency = deal.string("currency");
        if (currency == null) {
            return;
        }
        List<String> periods = (List<String>) (List<?>) deal.list("pipelinePeriods");
        prefetch(batch, deal, periods);
        for (String period : periods) {
            for (String cut : cuts(deal)) {
                view(batch, period, cut).add("pipeline." + stage.name() + "." + Keys.field(currency), delta);
            }
        }
    }
}
