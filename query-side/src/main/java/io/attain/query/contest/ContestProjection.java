package io.attain.query.contest;

import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Metric;
import io.attain.kernel.contest.ContestCancelledEvent;
import io.attain.kernel.contest.ContestClosedEvent;
import io.attain.kernel.contest.ContestLaunchedEvent;
import io.attain.kernel.contest.ContestParticipantAddedEvent;
import io.attain.kernel.contest.ContestParticipantRemovedEvent;
import io.attain.kernel.contest.ContestPrize;
import io.attain.kernel.contest.ContestPrizeAwardedEvent;
import io.attain.kernel.contest.ContestStatus;
import io.attain.query.credit.Credit;
import io.attain.query.credit.CreditAwareProjection;
import io.attain.query.credit.CreditLedger;
import io.attain.query.credit.CustomerCredit;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.Periods;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Sales contests with their live standings.
 *
 * <p>View documents ({@value #CONTESTS}, {@code _id} = contest id): name, organising team, window
 * ({@code startsOn}, {@code endsOn}), metric and currency, status, participants ({@code reps}, {@code teams}), prizes,
 * awards, and the standings as {@code entries.<rep>} = {@code {rep, name, v}} (ranked when read, like leaderboards).
 *
 * <p>Standings count the <em>facts</em> whose business date (UTC) lies in the window and whose rep takes part, by
 * name or through a participating team (the rep's team at the fact's business time):
 * <ul>
 *     <li>a won deal credits each rep of its credit split ({@link CreditLedger}, as the leaderboards do): REVENUE
 *     counts the rep's share of the won amount if it is in the contest's currency (others are not converted and do
 *     not count), DEALS_WON counts 1 per credited rep; a reopening takes the credit back;</li>
 *     <li>VISITS and PROPOSALS count logged activities.</li>
 * </ul>
 * Facts are kept per month ({@value #FACTS}, {@code _id} = {@code yyyy-MM}, keyed by deal and rep or by activity), so a
 * contest launched during (or after the start of) its window, or whose participants change, is recomputed from the
 * facts of its window: the result does not depend on whether a deal was won before or after the launch. A fact
 * already known is not counted again (redelivery changes nothing). Contests that are closed or cancelled leave the
 * index of open contests ({@value #INDEX}): their standings are final.
 */
@ProcessingGroup(ContestProjection.NAME)
public class ContestProjection extends CreditAwareProjection {

    public static final String NAME = "contests";
    public static final String CONTESTS = "contests";
    public static final String FACTS = "contest_facts";
    public static final String INDEX = "contest_index";
    public static final String DEALS = "contest_deals";
    public static final String CUSTOMERS = "contest_customers";
    public static final String ORG = "contest_org";
    public static final List<String> COLLECTIONS = List.of(CONTESTS, FACTS, INDEX, DEALS, CUSTOMERS, ORG);
    /** The one document of {@value #INDEX}: the contests whose standings still change, with their windows. */
    static final String OPEN = "open";

    static final String DEAL = "DEAL";
    static final String VISIT = "VISIT";
    static final String PROPOSAL = "PROPOSAL";


    public ContestProjection(ProjectionStore store) {
        super(store, ORG, DEALS, CUSTOMERS);
    }

    // ------------------------------------------------------------------------------------------- organisation

    // ----------------------------------------------------------------------------------------------- contests

    @EventHandler
    void on(ContestLaunchedEvent e) {
        Batch batch = batch();
        Doc contest = batch.doc(CONTESTS, e.contestId());
        contest.set("contestId", e.contestId());
        contest.set("name", e.name());
        contest.set("organizerTeamId", e.organizerTeamId());
        contest.set("launchedBy", e.launchedBy());
        contest.set("launchedAt", e.occurredAt());
        contest.set("startsOn", e.startsOn());
        contest.set("endsOn", e.endsOn());
        contest.set("metric", e.metric());
        contest.set("currency", e.currency());
        contest.set("status", ContestStatus.LAUNCHED);
        contest.set("reps", new ArrayList<>(e.participantRepIds()));
        contest.set("teams", new ArrayList<>(e.participantTeamIds()));
        List<Document> prizes = new ArrayList<>();
        for (ContestPrize prize : e.prizes().stream().sorted(Comparator.comparingInt(ContestPrize::rank)).toList()) {
            Document p = new Document("rank", prize.rank());
            if (prize.money() != null) {
                p.append("money", new Document("amount", prize.money().amount())
                        .append("currency", prize.money().currency()));
            }
            if (prize.title() != null) {
                p.append("title", prize.title());
            }
            prizes.add(p);
        }
        contest.set("prizes", prizes);
        batch.doc(INDEX, OPEN).set("contests." + Keys.field(e.contestId()),
                new Document("from", e.startsOn().toString()).append("to", e.endsOn().toString()));
        recompute(batch, contest);
    }

    @EventHandler
    void on(ContestParticipantAddedEvent e) {
        Batch batch = batch();
        Doc contest = batch.doc(CONTESTS, e.contestId());
        String field = e.repId() != null ? "reps" : "teams";
        String id = e.repId() != null ? e.repId() : e.teamId();
        List<Object> ids = new ArrayList<>(contest.list(field));
        if (!ids.contains(id)) {
            ids.add(id);
            contest.set(field, ids);
            recompute(batch, contest);
        }
    }

    @EventHandler
    void on(ContestParticipantRemovedEvent e) {
        Batch batch = batch();
        Doc contest = batch.doc(CONTESTS, e.contestId());
        String field = e.repId() != null ? "reps" : "teams";
        List<Object> ids = new ArrayList<>(contest.list(field));
        if (ids.remove(e.repId() != null ? e.repId() : e.teamId())) {
            contest.set(field, ids);
            recompute(batch, contest);
        }
    }

    @EventHandler
    void on(ContestClosedEvent e) {
        Batch batch = batch();
        Doc contest = batch.doc(CONTESTS, e.contestId());
        contest.set("status", ContestStatus.CLOSED);
        contest.set("closedBy", e.closedBy());
        contest.set("closedAt", e.occurredAt());
        batch.doc(INDEX, OPEN).unset("contests." + Keys.field(e.contestId()));
    }

    @EventHandler
    void on(ContestCancelledEvent e) {
        Batch batch = batch();
        Doc contest = batch.doc(CONTESTS, e.contestId());
        contest.set("status", ContestStatus.CANCELLED);
        contest.set("cancelledBy", e.cancelledBy());
        contest.set("cancelledAt", e.occurredAt());
        contest.set("cancelReason", e.reason());
        batch.doc(INDEX, OPEN).unset("contests." + Keys.field(e.contestId()));
    }

    @EventHandler
    void on(ContestPrizeAwardedEvent e) {
        Doc contest = batch().doc(CONTESTS, e.contestId());
        List<Document> awards = new ArrayList<>();
        for (Object o : contest.list("awards")) {
            Document award = (Document) o;
            if (((Number) award.get("rank")).intValue() != e.rank()) {
                awards.add(award);
            }
        }
        Document award = new Document("rank", e.rank()).append("repId", e.repId());
        if (e.money() != null) {
            award.append("money", new Document("amount", e.money().amount()).append("currency", e.money().currency()));
        }
        if (e.title() != null) {
            award.append("title", e.title());
        }
        award.append("awardedBy", e.awardedBy()).append("awardedAt", e.occurredAt().toString());
        awards.add(award);
        awards.sort(Comparator.comparingInt(a -> ((Number) a.get("rank")).intValue()));
        contest.set("awards", awards);
    }

    // -------------------------------------------------------------------------------------------------- facts

    @Override
    public void revenue(Batch batch, Credit credit, int sign) {
        String key = Keys.id(DEAL, credit.dealId(), credit.repId());
        if (sign > 0) {
            addFact(batch, key, new Document("kind", DEAL).append("rep", credit.repId()).append("team", credit.teamId())
                    .append("amount", credit.amount()).append("currency", credit.currency())
                    .append("date", Periods.date(credit.at()).toString()), credit.at());
        } else {
            removeFact(batch, key, credit.at());
        }
    }

    @Override
    public void newCustomer(Batch batch, CustomerCredit credit, int sign) {
        // contests do not count new customers
    }

    @EventHandler
    void on(VisitLoggedEvent e) {
        activity(batch(), VISIT, e.repId(), e.activityId(), e.occurredAt());
    }

    @EventHandler
    void on(ProposalLoggedEvent e) {
        activity(batch(), PROPOSAL, e.repId(), e.activityId(), e.occurredAt());
    }

    private void activity(Batch batch, String kind, String repId, String activityId, Instant at) {
        addFact(batch, Keys.id(kind, repId, activityId), new Document("kind", kind).append("rep", repId)
                .append("team", org.teamAt(batch, repId, at)).append("date", Periods.date(at).toString()), at);
    }

    private void addFact(Batch batch, String key, Document fact, Instant at) {
        Doc month = batch.doc(FACTS, YearMonth.from(Periods.date(at)).toString());
        String path = "facts." + Keys.field(key);
        if (month.get(path) != null) {
            return; // known already: a redelivered event
        }
        month.set(path, fact);
        forOpenContests(batch, month.sub(path), +1);
    }

    private void removeFact(Batch batch, String key, Instant at) {
        Doc month = batch.doc(FACTS, YearMonth.from(Periods.date(at)).toString());
        String path = "facts." + Keys.field(key);
        Document fact = month.sub(path);
        if (fact == null) {
            return;
        }
        Document copy = Doc.copy(fact);
        month.unset(path);
        forOpenContests(batch, copy, -1);
    }

    private void forOpenContests(Batch batch, Document fact, int sign) {
        Document open = batch.doc(INDEX, OPEN).sub("contests");
        if (open == null) {
            return;
        }
        LocalDate date = LocalDate.parse(fact.getString("date"));
        for (Map.Entry<String, Object> e : open.entrySet()) {
            Document window = (Document) e.getValue();
            if (!date.isBefore(LocalDate.parse(window.getString("from")))
                    && !date.isAfter(LocalDate.parse(window.getString("to")))) {
                count(batch, batch.doc(CONTESTS, Keys.decode(e.getKey())), fact, sign);
            }
        }
    }

    /** Recomputes the standings of a launched contest from the facts of its window. */
    private void recompute(Batch batch, Doc contest) {
        if (!ContestStatus.LAUNCHED.name().equals(contest.string("status"))) {
            return;
        }
        contest.unset("entries");
        LocalDate from = LocalDate.parse(contest.string("startsOn"));
        LocalDate to = LocalDate.parse(contest.string("endsOn"));
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        batch.prefetch(FACTS, months);
        for (String month : months) {
            Document facts = batch.doc(FACTS, month).sub("facts");
            if (facts == null) {
                continue;
            }
            for (Object o : facts.values()) {
                Document fact = (Document) o;
                LocalDate date = LocalDate.parse(fact.getString("date"));
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    count(batch, contest, fact, +1);
                }
            }
        }
    }

    /** Adds (sign +1) or takes back (-1) what one fact is worth in the contest, if its rep takes part. */
    private void count(Batch batch, Doc contest, Document fact, int sign) {
        String rep = fact.getString("rep");
        String team = fact.getString("team");
        if (!contest.list("reps").contains(rep) && (team == null || !contest.list("teams").contains(team))) {
            return;
        }
        BigDecimal value = value(contest, fact);
        if (value.signum() == 0) {
            return;
        }
        String entry = "entries." + Keys.field(rep);
        contest.add(entry + ".v", value.multiply(BigDecimal.valueOf(sign)));
        if (contest.get(entry + ".v") == null) {
            contest.unset(entry);
        } else {
            contest.set(entry + ".rep", rep);
            contest.set(entry + ".name", org.repName(batch, rep));
        }
    }

    private static BigDecimal value(Doc contest, Document fact) {
        String kind = fact.getString("kind");
        Metric metric = Metric.valueOf(contest.string("metric"));
        return switch (metric) {
            case REVENUE -> DEAL.equals(kind) && fact.getString("currency").equals(contest.string("currency"))
                    ? Doc.toDecimal(fact.get("amount")) : BigDecimal.ZERO;
            case DEALS_WON -> DEAL.equals(kind) ? BigDecimal.ONE : BigDecimal.ZERO;
            case VISITS -> VISIT.equals(kind) ? BigDecimal.ONE : BigDecimal.ZERO;
            case PROPOSALS -> PROPOSAL.equals(kind) ? BigDecimal.ONE : BigDecimal.ZERO;
            default -> BigDecimal.ZERO;
        };
    }
}
