package io.attain.query.support;

import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.kernel.organisation.RegionCreatedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, reproducible sales year (2017) as the command side would record it: regions, teams, reps (with
 * transfers), targets and revisions, deals moving back and forth, split credit, wins, losses, reopenings and wins
 * again, amount changes, and activities. Business times are deliberately not in log order within a deal's life.
 */
public final class Scenario {

    /** One event to append: its aggregate and payload. */
    public record Event(String type, String aggregateId, Object payload) {
    }

    private final List<Event> events = new ArrayList<>();
    private final Random random;
    private final Instant start = Instant.parse("2017-01-02T09:00:00Z");

    private Scenario(long seed) {
        this.random = new Random(seed);
    }

    public static List<Event> generate(long seed, int reps, int deals, int activities) {
        return new Scenario(seed).build(reps, deals, activities);
    }

    private Instant time(int day, int minute) {
        return start.plus(day, ChronoUnit.DAYS).plus(minute, ChronoUnit.MINUTES);
    }

    private List<Event> build(int repCount, int dealCount, int activityCount) {
        String[] regions = {"north", "south", "west"};
        for (String region : regions) {
            add("Region", region, new RegionCreatedEvent(region, "Region " + region, "rm-" + region, time(0, 0)));
        }
        List<String> teams = new ArrayList<>();
        for (int t = 0; t < regions.length * 2; t++) {
            String team = "team-" + t;
            teams.add(team);
            add("Team", team, new TeamCreatedEvent(team, "Team " + t, regions[t % regions.length], "mgr-" + t,
                                                   time(0, 1)));
        }
        add("Team", "team-0", new TeamManagerChangedEvent("team-0", "mgr-0", "mgr-0b", time(120, 0)));
        List<String> reps = new ArrayList<>();
        for (int r = 0; r < repCount; r++) {
            String rep = "rep-" + r;
            reps.add(rep);
            // a few reps share a name, so the tie-break by id matters
            String name = "Rep " + (r % (repCount - 3));
            add("Rep", rep, new RepOnboardedEvent(rep, name, Role.SALES_REP, teams.get(r % teams.size()),
                                                  "mgr-" + (r % teams.size()), LocalDate.parse("2016-06-01"),
                                                  time(0, 2)));
        }
        for (int r = 0; r < repCount; r += 5) {
            String from = teams.get(r % teams.size());
            String to = teams.get((r + 1) % teams.size());
            add("Rep", reps.get(r), new RepTransferredEvent(reps.get(r), from, "m", to, "m",
                                                            LocalDate.parse("2017-06-01"), time(100, r)));
        }
        int targetNo = 0;
        for (String rep : reps) {
            for (String period : List.of("2017-Q1", "2017-Q2", "2017-05")) {
                String id = "tgt-" + targetNo++;
                BigDecimal amount = BigDecimal.valueOf(5_000 + random.nextInt(20) * 1_000);
                add("Rep", rep, new TargetAssignedEvent(id, TargetOwnerType.REP, rep, Period.parse(period),
                                                        Metric.REVENUE, null, amount, "EUR", time(1, 0)));
                if (random.nextInt(3) == 0) {
                    add("Rep", rep, new TargetRevisedEvent(id, TargetOwnerType.REP, rep, amount,
                                                           amount.add(BigDecimal.valueOf(2_000)), "re-plan",
                                                           time(40 + random.nextInt(100), 0)));
                }
            }
            add("Rep", rep, new TargetAssignedEvent("tgt-" + targetNo++, TargetOwnerType.REP, rep,
                                                    Period.parse("2017"), Metric.VISITS, null, BigDecimal.valueOf(50),
                                                    null, time(1, 1)));
        }
        // contests (ADR 0009): one launched before its window's wins, on a team and two reps
        add("Contest", "contest-q2", new io.attain.kernel.contest.ContestLaunchedEvent("contest-q2", "Q2 sprint",
                teams.get(0), "mgr-0", LocalDate.parse("2017-04-01"), LocalDate.parse("2017-06-30"), Metric.REVENUE,
                "EUR", List.of(reps.get(1), reps.get(2)), List.of(teams.get(0)),
                List.of(new io.attain.kernel.contest.ContestPrize(1, Money.of("500", "EUR"), "Q2 champion"),
                        new io.attain.kernel.contest.ContestPrize(2, null, "Runner-up")), time(1, 2)));
        add("Contest", "contest-won", new io.attain.kernel.contest.ContestLaunchedEvent("contest-won", "Deals won",
                null, "admin", LocalDate.parse("2017-01-01"), LocalDate.parse("2017-12-31"), Metric.DEALS_WON, null,
                List.of(), List.of(teams.get(1), teams.get(2)), List.of(), time(1, 3)));
        for (String team : teams) {
            add("Team", team, new TargetAssignedEvent("tgt-" + targetNo++, TargetOwnerType.TEAM, team,
                                                      Period.parse("2017-Q2"), Metric.REVENUE, null,
                                                      BigDecimal.valueOf(60_000), "EUR", time(1, 2)));
        }

        Stage[] open = {Stage.LEAD, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION};
        String[] customers = {"Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"};
        String[] reasons = {"price", "timing", "competitor", "no.budget"};
        int activitiesLeft = activityCount;
        for (int d = 0; d < dealCount; d++) {
            String deal = "deal-" + d;
            String owner = reps.get(random.nextInt(reps.size()));
            int day = 2 + random.nextInt(300);
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            String partner = channel.forbidsPartner() ? null
                    : channel.requiresPartner() || random.nextBoolean() ? "partner-" + random.nextInt(4) : null;
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(9_000), random.nextInt(3));
            Stage stage = open[random.nextInt(2)];
            add("Deal", deal, new DealOpenedEvent(deal, owner, customers[random.nextInt(customers.length)],
                                                  "Line-" + random.nextInt(3), channel, partner,
                                                  Money.of(amount, "EUR"),
                                                  random.nextBoolean() ? null
                                                          : LocalDate.parse("2017-01-01").plusDays(day + 30),
                                                  stage, time(day, d)));
            int steps = random.nextInt(5);
            for (int s = 0; s < steps; s++) {
                day += 1 + random.nextInt(20);
                Stage to = open[random.nextInt(open.length)];
                if (to == stage) {
                    continue;
                }
                add("Deal", deal, new DealStageChangedEvent(deal, stage, to, to.isBefore(stage), null, time(day, d)));
                stage = to;
            }
            if (random.nextInt(4) == 0) {
                String other = reps.get(random.nextInt(reps.size()));
                if (!other.equals(owner)) {
                    add("Deal", deal, new DealCreditSplitEvent(deal, List.of(
                            new CreditShare(owner, new BigDecimal("66.67")),
                            new CreditShare(other, new BigDecimal("33.33"))), time(day, d + 1)));
                }
            }
            if (random.nextInt(5) == 0) {
                BigDecimal changed = amount.add(BigDecimal.valueOf(250));
                add("Deal", deal, new DealAmountChangedEvent(deal, Money.of(amount, "EUR"), Money.of(changed, "EUR"),
                                                             time(day, d + 2)));
                amount = changed;
            }
            int outcome = random.nextInt(10);
            day += 1 + random.nextInt(30);
            if (outcome < 5) {
                add("Deal", deal, new DealWonEvent(deal, stage, Money.of(amount, "EUR"), null, time(day, d)));
                if (random.nextInt(4) == 0) {
                    day += 1 + random.nextInt(20);
                    add("Deal", deal, new DealReopenedEvent(deal, Stage.WON, Stage.NEGOTIATION, "re-opened",
                                                            time(day, d)));
                    if (random.nextBoolean()) {
                        BigDecimal again = amount.add(BigDecimal.ONE);
                        add("Deal", deal, new DealAmountChangedEvent(deal, Money.of(amount, "EUR"),
                                                                     Money.of(again, "EUR"), time(day, d + 3)));
                        day += 1 + random.nextInt(20);
                        add("Deal", deal, new DealWonEvent(deal, Stage.NEGOTIATION, Money.of(again, "EUR"), "again",
                                                           time(day, d)));
                    }
                }
            } else if (outcome < 8) {
                add("Deal", deal, new DealLostEvent(deal, stage, reasons[random.nextInt(reasons.length)],
                                                    time(day, d)));
                if (random.nextInt(6) == 0) {
                    add("Deal", deal, new DealReopenedEvent(deal, Stage.LOST, Stage.QUALIFIED, "back",
                                                            time(day + 3, d)));
                }
            }
            for (int a = 0; a < 2 && activitiesLeft > 0; a++, activitiesLeft--) {
                activity(owner, 2 + random.nextInt(330));
            }
        }
        while (activitiesLeft-- > 0) {
            activity(reps.get(random.nextInt(reps.size())), 2 + random.nextInt(330));
        }
        // a contest launched after its window's facts, changed, closed and awarded; recognition granted and revoked
        add("Contest", "contest-visits", new io.attain.kernel.contest.ContestLaunchedEvent("contest-visits",
                "Visits", null, "admin", LocalDate.parse("2017-02-01"), LocalDate.parse("2017-03-31"),
                Metric.VISITS, null, List.of(reps.get(0), reps.get(3)), List.of(teams.get(3)), List.of(), time(40, 5)));
        add("Contest", "contest-visits", new io.attain.kernel.contest.ContestParticipantAddedEvent("contest-visits",
                reps.get(4), null, time(41, 5)));
        add("Contest", "contest-visits", new io.attain.kernel.contest.ContestParticipantRemovedEvent(
                "contest-visits", null, teams.get(3), "reorganised", time(42, 5)));
        add("Contest", "contest-q2", new io.attain.kernel.contest.ContestClosedEvent("contest-q2", "mgr-0",
                time(190, 0)));
        add("Contest", "contest-q2", new io.attain.kernel.contest.ContestPrizeAwardedEvent("contest-q2", "Q2 sprint", 1,
                reps.get(1), Money.of("500", "EUR"), "Q2 champion", "mgr-0", time(190, 1)));
        add("Contest", "contest-won", new io.attain.kernel.contest.ContestCancelledEvent("contest-won", "admin",
                "budget", time(200, 0)));
        add("Recognition", "rec-1", new io.attain.kernel.contest.RecognitionGrantedEvent("rec-1", reps.get(2),
                "President's Club 2017", "top 5%", "admin", time(300, 0)));
        add("Recognition", "rec-1", new io.attain.kernel.contest.RecognitionRevokedEvent("rec-1", reps.get(2),
                "granted in error", "admin", time(301, 0)));
        return events;
    }

    private void activity(String rep, int day) {
        String id = "act-" + events.size();
        Instant at = time(day, random.nextInt(600));
        Object payload = switch (random.nextInt(3)) {
            case 0 -> new VisitLoggedEvent(rep, id, "Acme", "demo", "ok", at);
            case 1 -> new CallLoggedEvent(rep, id, "Beta", "follow-up", "ok", at);
            default -> new ProposalLoggedEvent(rep, id, "Gamma", "Line-1", Money.of("1000", "EUR"), null, at);
        };
        add("Activity", id, payload);
    }

    private void add(String type, String aggregateId, Object payload) {
        events.add(new Event(type, aggregateId, payload));
    }
}
