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
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Publishes kernel events through a harness, one aggregate at a time, like the command side would. */
public final class Fixtures {

    private final ProjectionHarness harness;

    public Fixtures(ProjectionHarness harness) {
        this.harness = harness;
    }

    public static Instant at(String instant) {
        return Instant.parse(instant);
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    // organisation

    public void region(String regionId, String name) {
        harness.publish("Region", regionId, new RegionCreatedEvent(regionId, name, "mgr-" + regionId,
                                                                    at("2016-01-01T00:00:00Z")));
    }

    public void team(String teamId, String regionId, String managerId) {
        harness.publish("Team", teamId, new TeamCreatedEvent(teamId, "Team " + teamId, regionId, managerId,
                                                              at("2016-01-01T00:00:00Z")));
    }

    public void rep(String repId, String name, String teamId, String hireDate) {
        harness.publish("Rep", repId, new RepOnboardedEvent(repId, name, Role.SALES_REP, teamId, "mgr",
                                                             LocalDate.parse(hireDate),
                                                             at(hireDate + "T08:00:00Z")));
    }

    public void transfer(String repId, String fromTeam, String toTeam, String effectiveDate) {
        harness.publish("Rep", repId, new RepTransferredEvent(repId, fromTeam, "mgr", toTeam, "mgr",
                                                               LocalDate.parse(effectiveDate),
                                                               at(effectiveDate + "T08:00:00Z")));
    }

    // deals

    public long open(String dealId, String owner, String customer, String amount, Stage stage, String at) {
        return open(dealId, owner, customer, "Widget", Channel.DIRECT, null, amount, null, stage, at);
    }

    public long open(String dealId, String owner, String customer, String productLine, Channel channel,
                     String partner, String amount, String expectedClose, Stage stage, String at) {
        return harness.publish("Deal", dealId, new DealOpenedEvent(dealId, owner, customer, productLine, channel,
                                                                    partner, eur(amount),
                                                                    expectedClose == null ? null
                                                                            : LocalDate.parse(expectedClose),
                                                                    stage, at(at)));
    }

    public long move(String dealId, Stage from, Stage to, String at) {
        return harness.publish("Deal", dealId, new DealStageChangedEvent(dealId, from, to, to.isBefore(from),
                                                                          null, at(at)));
    }

    public long win(String dealId, Stage from, String amount, String at) {
        return harness.publish("Deal", dealId, new DealWonEvent(dealId, from, eur(amount), null, at(at)));
    }

    public long lose(String dealId, Stage from, String reason, String at) {
        return harness.publish("Deal", dealId, new DealLostEvent(dealId, from, reason, at(at)));
    }

    public long reopen(String dealId, Stage from, Stage to, String at) {
        return harness.publish("Deal", dealId, new DealReopenedEvent(dealId, from, to, "customer came back", at(at)));
    }

    public long amount(String dealId, String previous, String amount, String at) {
        return harness.publish("Deal", dealId, new DealAmountChangedEvent(dealId, eur(previous), eur(amount), at(at)));
    }

    public long split(String dealId, String at, Object... repAndPercentage) {
        List<CreditShare> shares = new java.util.ArrayList<>();
        for (int i = 0; i < repAndPercentage.length; i += 2) {
            shares.add(new CreditShare((String) repAndPercentage[i], new BigDecimal(repAndPercentage[i + 1].toString())));
        }
        return harness.publish("Deal", dealId, new DealCreditSplitEvent(dealId, shares, at(at)));
    }

    // activities

    public long visit(String repId, String at) {
        String id = UUID.randomUUID().toString();
        return harness.publish("Activity", id, new VisitLoggedEvent(repId, id, "Acme", "demo", "ok", at(at)));
    }

    public long call(String repId, String at) {
        String id = UUID.randomUUID().toString();
        return harness.publish("Activity", id, new CallLoggedEvent(repId, id, "Acme", "follow-up", "ok", at(at)));
    }

    public long proposal(String repId, String at) {
        String id = UUID.randomUUID().toString();
        return harness.publish("Activity", id, new ProposalLoggedEvent(repId, id, "Acme", "Widget", eur("100"), null,
                                                                        at(at)));
    }

    // targets

    public long target(String targetId, TargetOwnerType type, String ownerId, String period, Metric metric,
                       String amount, String at) {
        return harness.publish(type == TargetOwnerType.REP ? "Rep" : "Team", ownerId,
                               new TargetAssignedEvent(targetId, type, ownerId, Period.parse(period), metric,
                                                       metric == Metric.PRODUCT_REVENUE ? "Widget" : null,
                                                       new BigDecimal(amount), metric.isMonetary() ? "EUR" : null,
                                                       at(at)));
    }

    public long revise(String targetId, TargetOwnerType type, String ownerId, String previous, String amount,
                       String at) {
        return harness.publish(type == TargetOwnerType.REP ? "Rep" : "Team", ownerId,
                               new TargetRevisedEvent(targetId, type, ownerId, new BigDecimal(previous),
                                                      new BigDecimal(amount), "re-plan", at(at)));
    }
}
