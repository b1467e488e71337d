package io.attain.query.leaderboard;

import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;
import io.attain.query.credit.Credit;
import io.attain.query.credit.CreditAwareProjection;
import io.attain.query.credit.CustomerCredit;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.Periods;
import io.attain.query.projection.ProjectionStore;
import io.attain.query.target.TargetHistory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaderboards per period, metric and cut (all, region, team).
 *
 * <p>View documents ({@value #BOARDS}, {@code _id} = {@code <period>|<metric>|<cut>}, e.g.
 * {@code 2017-05|REVENUE|region=east}) hold one entry per rep with a non-zero value: {@code entries.<rep>} =
 * {@code {rep, name, v}}, where {@code v} is a number, or for REVENUE one number per currency. Ranks are given when
 * the board is read (value desc, name asc, rep id asc; dense), so the document never needs rewriting as a whole.
 *
 * <ul>
 *     <li>REVENUE: the rep's share of won amounts, in the period of the win; a reopening takes it back; amount
 *     changes after a win count only through the amount of a later win.</li>
 *     <li>DEALS_WON: deals won in which the rep has a share (each counts 1 for each such rep).</li>
 *     <li>NEW_CUSTOMERS: customers whose first won deal credited to the rep was won in the period.</li>
 *     <li>VISITS, PROPOSALS: logged activities by business time.</li>
 *     <li>ATTAINMENT: REVENUE (in the target's currency) divided by the rep's REVENUE target for the period, the
 *     target in force at the end of the period; 6 decimals, half-even. Reps without a target are not listed.</li>
 * </ul>
 * The cut of a credit or activity is the rep's team (and its region) at the event's business time.
 */
@ProcessingGroup(LeaderboardProjection.NAME)
public class LeaderboardProjection extends CreditAwareProjection {

    public static final String NAME = "leaderboards";
    public static final String BOARDS = "leaderboards";
    public static final String DEALS = "leaderboard_deals";
    public static final String CUSTOMERS = "leaderboard_customers";
    public static final String TARGETS = "leaderboard_targets";
    public static final String ORG = "leaderboard_org";
    public static final List<String> COLLECTIONS = List.of(BOARDS, DEALS, CUSTOMERS, TARGETS, ORG);
    /** The metrics a board exists for. */
    public static final List<Metric> METRICS = List.of(Metric.REVENUE, Metric.DEALS_WON, Metric.NEW_CUSTOMERS,
                                                       Metric.VISITS, Metric.PROPOSALS);
    public static final String ATTAINMENT = "ATTAINMENT";
    static final int ATTAINMENT_SCALE = 6;


    public LeaderboardProjection(ProjectionStore store) {
        super(store, ORG, DEALS, CUSTOMERS);
    }

    public static String boardId(String period, String metric, String cut) {
        return period + "|" + metric + "|" + cut;
    }

    public static String cut(String dimension, String value) {
        return dimension + "=" + Keys.part(value);
    }

    static List<String> cuts(String teamId, String regionId) {
        List<String> cuts = new ArrayList<>();
        cuts.add("all");
        if (regionId != null) {
            cuts.add(cut("region", regionId));
        }
        if (teamId != null) {
            cuts.add(cut("team", teamId));
        }
        return cuts;
    }

    // ------------------------------------------------------------------------------------------- organisation

    // --------------------------------------------------------------------------------------------------- deals

    @Override
    public void revenue(Batch batch, Credit credit, int sign) {
        List<String> cuts = cuts(credit.teamId(), credit.regionId());
        String name = org.repName(batch, credit.repId());
        for (String period : Periods.of(credit.at())) {
            prefetch(batch, period, cuts);
            Doc targets = batch.doc(TARGETS, Keys.id(credit.repId(), period));
            List<Object> known = new ArrayList<>(targets.list("cuts"));
            for (String cut : cuts) {
                Doc revenue = board(batch, period, Metric.REVENUE.name(), cut);
                String entry = "entries." + Keys.field(credit.repId());
                revenue.add(entry + ".v." + Keys.field(credit.currency()), credit.amount().multiply(BigDecimal.valueOf(sign)));
                tidy(revenue, credit.repId(), name);
                Doc won = board(batch, period, Metric.DEALS_WON.name(), cut);
                won.add(entry + ".v", BigDecimal.valueOf(sign));
                tidy(won, credit.repId(), name);
                if (!known.contains(cut)) {
                    known.add(cut);
                }
                attainment(batch, credit.repId(), name, period, cut, targets);
            }
            targets.set("cuts", known);
        }
    }

    @Override
    public void newCustomer(Batch batch, CustomerCredit credit, int sign) {
        count(batch, Metric.NEW_CUSTOMERS, credit.repId(), credit.teamId(), credit.regionId(), credit.at(), sign);
    }

    // ---------------------------------------------------------------------------------------------- activities

    @EventHandler
    void on(VisitLoggedEvent e) {
        Batch batch = batch();
        String team = org.teamAt(batch, e.repId(), e.occurredAt());
        count(batch, Metric.VISITS, e.repId(), team, org.regionOf(batch, team), e.occurredAt(), 1);
    }

    @EventHandler
    void on(ProposalLoggedEvent e) {
        Batch batch = batch();
        String team = org.teamAt(batch, e.repId(), e.occurredAt());
        count(batch, Metric.PROPOSALS, e.repId(), team, org.regionOf(batch, team), e.occurredAt(), 1);
    }

    private void count(Batch batch, Metric metric, String repId, String teamId, String regionId, Instant at, int sign) {
        List<String> cuts = cuts(teamId, regionId);
        String name = org.repName(batch, repId);
        for (String period : Periods.of(at)) {
            for (String cut : cuts) {
                Doc board = board(batch, period, metric.name(), cut);
                board.add("entries." + Keys.field(repId) + ".v", BigDecimal.valueOf(sign));
                tidy(board, repId, name);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- targets

    @EventHandler
    void on(TargetAssignedEvent e) {
        if (e.ownerType() != TargetOwnerType.REP || e.metric() != Metric.REVENUE) {
            return;
        }
        Batch batch = batch();
        String period = e.period().toString();
        Doc targets = batch.doc(TARGETS, Keys.id(e.ownerId(), period));
        targets.set("rep", e.ownerId());
        targets.set("period", period);
        TargetHistory.assign(targets, "target", e.targetId(), e.currency(), e.amount(), e.occurredAt());
        batch.doc(TARGETS, "target:" + Keys.part(e.targetId())).set("key", targets.id());
        reattain(batch, e.ownerId(), period, targets);
    }

    @EventHandler
    void on(TargetRevisedEvent e) {
        if (e.ownerType() != TargetOwnerType.REP) {
            return;
        }
        Batch batch = batch();
        String key = batch.doc(TARGETS, "target:" + Keys.part(e.targetId())).string("key");
        if (key == null) {
            return; // not a REVENUE target of a rep
        }
        Doc targets = batch.doc(TARGETS, key);
        TargetHistory.revise(targets, "target", e.amount(), e.occurredAt());
        reattain(batch, e.ownerId(), targets.string("period"), targets);
    }

    private void reattain(Batch batch, String repId, String period, Doc targets) {
        String name = org.repName(batch, repId);
        for (Object cut : targets.list("cuts")) {
            attainment(batch, repId, name, period, (String) cut, targets);
        }
    }

    /** Recomputes the rep's ATTAINMENT entry on one board from the REVENUE board and the target. */
    private void attainment(Batch batch, String repId, String name, String period, String cut, Doc targets) {
        String entry = "entries." + Keys.field(repId);
        BigDecimal target = TargetHistory.inForceAt(targets, "target", Periods.endInstant(Period.parse(period)));
        String currency = targets.string("target.currency");
        BigDecimal revenue = currency == null ? BigDecimal.ZERO
                : board(batch, period, Metric.REVENUE.name(), cut).decimal(entry + ".v." + Keys.field(currency));
        if (target == null || target.signum() == 0 || revenue.signum() == 0) {
            Doc board = batch.doc(BOARDS, boardId(period, ATTAINMENT, cut));
            if (board.exists()) {
                board.unset(entry);
            }
        } else {
            Doc board = board(batch, period, ATTAINMENT, cut);
            board.set(entry + ".v", revenue.divide(target, ATTAINMENT_SCALE, RoundingMode.HALF_EVEN));
            tidy(board, repId, name);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void prefetch(Batch batch, String period, List<String> cuts) {
        List<String> ids = new ArrayList<>();
        for (String cut : cuts) {
            ids.add(boardId(period, Metric.REVENUE.name(), cut));
            ids.add(boardId(period, Metric.DEALS_WON.name(), cut));
            ids.add(boardId(period, ATTAINMENT, cut));
        }
        batch.prefetch(BOARDS, ids);
    }

    private static Doc board(Batch batch, String period, String metric, String cut) {
        Doc board = batch.doc(BOARDS, boardId(period, metric, cut));
        if (!board.exists()) {
            board.set("period", period);
            board.set("metric", metric);
            board.set("cut", cut);
        }
        return board;
    }

    /** Keeps an entry's rep id and name with its value, and drops the entry when its value is gone. */
    private static void tidy(Doc board, String repId, String name) {
        String entry = "entries." + Keys.field(repId);
        if (board.get(entry + ".v") == null) {
            board.unset(entry);
        } else {
            if (board.get(entry + ".rep") == null) {
                board.set(entry + ".rep", repId);
            }
            if (!name.equals(board.string(entry + ".name"))) {
                board.set(entry + ".name", name);
            }
        }
    }
}
