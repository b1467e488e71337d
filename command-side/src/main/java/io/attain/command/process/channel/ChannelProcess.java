package io.attain.command.process.channel;

import io.attain.command.domain.channel.Partner;
import io.attain.command.domain.compensation.ExchangeRateTable;
import io.attain.command.process.support.ProcessCommands;
import io.attain.command.process.support.ProcessCommands.Outcome;
import io.attain.command.process.support.ProcessDocuments;
import io.attain.command.process.support.ProcessStore;
import io.attain.command.process.support.Trigger;
import io.attain.command.process.channel.ChannelProcessState.DealState;
import io.attain.command.process.channel.ChannelProcessState.FxState;
import io.attain.command.process.channel.ChannelProcessState.PartnerState;
import io.attain.kernel.channel.AccrueRebateCommand;
import io.attain.kernel.channel.AgreementVersion;
import io.attain.kernel.channel.AgreementVersionPublishedEvent;
import io.attain.kernel.channel.ChannelClaim;
import io.attain.kernel.channel.ChannelConflictRaisedEvent;
import io.attain.kernel.channel.ChannelConflictResolvedEvent;
import io.attain.kernel.channel.ChannelIds;
import io.attain.kernel.channel.ClaimCustomerCommand;
import io.attain.kernel.channel.Conversion;
import io.attain.kernel.channel.CustomerClaimResult;
import io.attain.kernel.channel.CustomerClaimedEvent;
import io.attain.kernel.channel.PartnerRegisteredEvent;
import io.attain.kernel.channel.RebateDeal;
import io.attain.kernel.channel.RebatePendingEvent;
import io.attain.kernel.channel.RebatePendingOutcome;
import io.attain.kernel.channel.RebatePendingReason;
import io.attain.kernel.channel.RebatePendingResolvedEvent;
import io.attain.kernel.channel.ReleaseCustomerClaimCommand;
import io.attain.kernel.channel.ReverseRebateCommand;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The channel process: turns deal events into customer claims and partner rebates, and a conflict's resolution into
 * the release or drop of the rebates it held. It only gathers facts and sends commands; every rule is the
 * {@code CustomerChannel}'s or the {@code Partner}'s. Built like the commission process (ADR 0005); decisions in
 * ADR 0008.
 *
 * <ul>
 *     <li><b>Opened deal</b> (and a lost deal reopened): {@link ClaimCustomerCommand} for its customer.</li>
 *     <li><b>Lost deal</b>: {@link ReleaseCustomerClaimCommand}; a pending rebate is dropped.</li>
 *     <li><b>Won deal with a partner</b>: {@link AccrueRebateCommand} (line {@code rebate:<dealId>:<won event id>})
 *     with the agreement currency's rate in force on the win's date; without a rate, or while the deal's claim is
 *     in an open conflict, a {@link RebatePendingEvent} instead (nothing is guessed).</li>
 *     <li><b>Reopened won deal</b>: {@link ReverseRebateCommand} of its line; a pending rebate is dropped.</li>
 *     <li><b>Conflict resolved</b>: the winner's pending rebates are accrued, the overruled claims' pending rebates
 *     dropped and their accrued ones reversed.</li>
 *     <li><b>Exchange rate recorded</b>: the deals waiting for the pair are accrued.</li>
 * </ul>
 */
@ProcessingGroup(ChannelProcess.NAME)
public class ChannelProcess implements AutoCloseable {

    public static final String NAME = "channel-process";
    public static final String COLLECTION = "channel_process";
    private static final Logger log = LoggerFactory.getLogger(ChannelProcess.class);

    private final ProcessStore store;
    private final ProcessCommands commands;

    public ChannelProcess(ProcessStore store, ProcessCommands commands) {
        this.store = store;
        this.commands = commands;
    }

    // ------------------------------------------------------------------------------------------------------ partners

    @EventHandler
    void on(PartnerRegisteredEvent event) {
        Session s = new Session();
        PartnerState partner = s.partner(event.partnerId());
        partner.registered = true;
        partner.kind = event.kind();
        s.flush();
    }

    @EventHandler
    void on(AgreementVersionPublishedEvent event) {
        Session s = new Session();
        PartnerState partner = s.partner(event.partnerId());
        if (partner.versions.stream().noneMatch(v -> v.version() == event.version())) {
            partner.versions.add(new AgreementVersion(event.partnerId(), event.version(), event.terms()));
        }
        s.flush();
    }

    @EventHandler
    void on(ExchangeRateRecordedEvent event, EventMessage<?> message) {
        Session s = new Session();
        FxState fx = s.fx(event.pairId());
        fx.rates.put(event.effectiveDate(), event.rate());
        Trigger trigger = new Trigger(message, event.occurredAt());
        for (String dealId : List.copyOf(fx.pendingDeals)) {
            DealState deal = s.deal(dealId);
            if (deal.pending == RebatePendingReason.NO_EXCHANGE_RATE && deal.won) {
                accrue(s, deal, trigger);
            }
            if (deal.pending != RebatePendingReason.NO_EXCHANGE_RATE) {
                fx.pendingDeals.remove(dealId);
            }
        }
        s.flush();
    }

    // --------------------------------------------------------------------------------------------------------- deals

    @EventHandler
    void on(DealOpenedEvent event) {
        Session s = new Session();
        DealState deal = s.deal(event.dealId());
        deal.customer = event.customer();
        deal.channel = event.channel();
        deal.partnerId = event.partnerId();
        deal.ownerRepId = event.ownerRepId();
        deal.amount = event.amount();
        claim(s, deal, event.occurredAt());
        s.flush();
    }

    @EventHandler
    void on(DealAmountChangedEvent event) {
        Session s = new Session();
        s.deal(event.dealId()).amount = event.amount();
        s.flush();
    }

    @EventHandler
    void on(DealWonEvent event, EventMessage<?> message) {
        Session s = new Session();
        DealState deal = s.deal(event.dealId());
        deal.won = true;
        deal.wonAt = event.occurredAt();
        deal.amount = event.amount();
        deal.wonEventId = message.getIdentifier();
        deal.wonPosition = position(message);
        if (deal.customer == null) {
            log.warn("Deal {} won, but its opening was never seen; no rebate", deal.dealId);
        } else if (deal.withPartner()) {
            accrue(s, deal, new Trigger(message, event.occurredAt()));
        }
        s.flush();
    }

    @EventHandler
    void on(DealLostEvent event) {
        Session s = new Session();
        DealState deal = s.deal(event.dealId());
        deal.won = false;
        if (deal.customer != null) {
            send(new ReleaseCustomerClaimCommand(ChannelIds.customerChannelId(deal.customer), deal.dealId,
                    "deal lost: " + event.reason(), event.occurredAt()));
        }
        drop(deal, "deal lost", event.occurredAt());
        s.flush();
    }

    @EventHandler
    void on(DealReopenedEvent event, EventMessage<?> message) {
        Session s = new Session();
        DealState deal = s.deal(event.dealId());
        if (event.fromStage() == Stage.WON) {
            reverse(deal, new Trigger(message, event.occurredAt()), "deal reopened: " + event.reason());
            drop(deal, "deal reopened", event.occurredAt());
        } else if (event.fromStage() == Stage.LOST && deal.customer != null) {
            deal.overruled = false;
            claim(s, deal, event.occurredAt());
        }
        deal.won = false;
        s.flush();
    }

    // ----------------------------------------------------------------------------------------------------- conflicts

    @EventHandler
    void on(CustomerClaimedEvent event) {
        if (event.conflictId() == null) {
            return;
        }
        Session s = new Session();
        s.deal(event.claim().dealId()).conflictId = event.conflictId();
        s.flush();
    }

    @EventHandler
    void on(ChannelConflictRaisedEvent event) {
        Session s = new Session();
        for (ChannelClaim claim : event.claims()) {
            s.deal(claim.dealId()).conflictId = event.conflictId();
        }
        s.flush();
    }

    @EventHandler
    void on(ChannelConflictResolvedEvent event, EventMessage<?> message) {
        Session s = new Session();
        Trigger trigger = new Trigger(message, event.occurredAt());
        for (ChannelClaim claim : event.claims()) {
            DealState deal = s.deal(claim.dealId());
            if (!event.conflictId().equals(deal.conflictId) && deal.conflictId != null) {
                continue; // already in a later conflict
            }
            deal.conflictId = null;
            if (event.overruled().contains(claim.dealId())) {
                deal.overruled = true;
                reverse(deal, trigger, "channel conflict " + event.conflictId() + " resolved for deal "
                        + event.winningClaim().dealId() + ": " + event.reason());
                drop(deal, "channel conflict " + event.conflictId() + " resolved for deal "
                        + event.winningClaim().dealId(), event.occurredAt());
            } else if (deal.pending == RebatePendingReason.CHANNEL_CONFLICT && deal.won) {
                accrue(s, deal, trigger);
            }
        }
        s.flush();
    }

    // ------------------------------------------------------------------------------------------------------- actions

    /**
     * Claims the deal's customer. The answer names the conflict the claim raised or joined and its deals: they are
     * marked at once, so that a win handled next (possibly before the conflict's events) is held.
     */
    private void claim(Session s, DealState deal, Instant at) {
        ChannelClaim claim = new ChannelClaim(deal.dealId, deal.channel, deal.partnerId, deal.ownerRepId);
        Outcome outcome = commands.send(new ClaimCustomerCommand(ChannelIds.customerChannelId(deal.customer),
                deal.customer, claim, at));
        if (outcome.result() instanceof CustomerClaimResult result && result.conflictId() != null) {
            for (String dealId : result.conflictDealIds()) {
                DealState member = dealId.equals(deal.dealId) ? deal : s.deal(dealId);
                member.conflictId = result.conflictId();
            }
        } else if (outcome.kind() != Outcome.Kind.OK) {
            log.debug("claim of deal {} → {}", deal.dealId, outcome);
        }
    }

    /** Accrues the won deal's rebate, or reports why it waits. */
    private void accrue(Session s, DealState deal, Trigger trigger) {
        PartnerState partner = s.partner(deal.partnerId);
        if (!partner.registered) {
            log.info("Deal {} won with {}, which is not a registered partner; no rebate", deal.dealId, deal.partnerId);
            return;
        }
        if (deal.overruled) {
            log.info("Deal {}: its claim lost a channel conflict; no rebate", deal.dealId);
            return;
        }
        LocalDate date = LocalDate.ofInstant(deal.wonAt, ZoneOffset.UTC);
        if (deal.conflictId != null) {
            pending(deal, RebatePendingReason.CHANNEL_CONFLICT, "customer " + deal.customer
                    + " is in the unresolved channel conflict " + deal.conflictId, date, trigger);
            return;
        }
        Optional<AgreementVersion> version = Partner.versionInForceOn(partner.versions, date);
        if (version.isEmpty()) {
            log.info("Deal {}: partner {} has no agreement in force on {}; no rebate", deal.dealId, deal.partnerId,
                    date);
            return;
        }
        String currency = version.get().terms().currency();
        Conversion conversion = null;
        if (!deal.amount.currency().equals(currency)) {
            String pairId = CompensationIds.exchangeRatePairId(deal.amount.currency(), currency);
            FxState fx = s.fx(pairId);
            ExchangeRateTable table = new ExchangeRateTable();
            fx.rates.forEach(table::with);
            if (!(table.rateOn(date) instanceof ExchangeRateTable.Found found)) {
                fx.pendingDeals.add(deal.dealId);
                pending(deal, RebatePendingReason.NO_EXCHANGE_RATE, "no " + deal.amount.currency() + "→" + currency
                        + " rate in force on " + date, date, trigger);
                return;
            }
            conversion = new Conversion(deal.amount.currency(), currency, found.rate(), found.effectiveDate());
        }
        String lineId = ChannelIds.rebateLineId(deal.dealId, deal.wonEventId);
        List<String> sources = new ArrayList<>(List.of(deal.wonEventId));
        List<Long> positions = new ArrayList<>();
        if (deal.wonPosition != null) {
            positions.add(deal.wonPosition);
        }
        if (!trigger.eventId().equals(deal.wonEventId)) {
            sources.add(trigger.eventId());
            if (trigger.position() != null) {
                positions.add(trigger.position());
            }
        }
        RebateDeal facts = new RebateDeal(deal.dealId, deal.customer, deal.channel, deal.partnerId, Stage.WON,
                deal.amount, date);
        Outcome outcome = commands.send(new AccrueRebateCommand(deal.partnerId, lineId, facts, conversion, sources,
                positions, trigger.occurredAt()));
        if (outcome.kind() == Outcome.Kind.OK || outcome.is(Outcome.Kind.DUPLICATE, "lineId")) {
            deal.activeLineId = lineId;
            if (deal.pending != null) {
                commands.publish(new RebatePendingResolvedEvent(deal.partnerId, deal.dealId, deal.pending,
                        RebatePendingOutcome.ACCRUED, lineId, "accrued as " + lineId, trigger.occurredAt()));
                deal.pending = null;
            }
        } else {
            log.warn("Deal {}: rebate of partner {} refused: {}", deal.dealId, deal.partnerId, outcome);
        }
    }

    private void pending(DealState deal, RebatePendingReason reason, String detail, LocalDate date, Trigger trigger) {
        if (deal.pending == reason) {
            return;
        }
        commands.publish(new RebatePendingEvent(deal.partnerId, deal.dealId, reason, detail,
                reason == RebatePendingReason.CHANNEL_CONFLICT ? deal.conflictId : null, date, deal.wonEventId,
                trigger.occurredAt()));
        deal.pending = reason;
    }

    private void drop(DealState deal, String detail, Instant at) {
        if (deal.pending == null) {
            return;
        }
        commands.publish(new RebatePendingResolvedEvent(deal.partnerId, deal.dealId, deal.pending,
                RebatePendingOutcome.DROPPED, null, detail, at));
        deal.pending = null;
    }

    private void reverse(DealState deal, Trigger trigger, String reason) {
        if (deal.activeLineId == null) {
            return;
        }
        Outcome outcome = commands.send(new ReverseRebateCommand(deal.partnerId,
                ChannelIds.reversalLineId(deal.activeLineId, trigger.eventId()), deal.dealId, reason,
                List.of(trigger.eventId()), trigger.position() == null ? List.of() : List.of(trigger.position()),
                trigger.occurredAt()));
        if (outcome.kind() != Outcome.Kind.OK && !outcome.is(Outcome.Kind.DUPLICATE, null)) {
            log.warn("Deal {}: reversal of {} refused: {}", deal.dealId, deal.activeLineId, outcome);
        }
        deal.activeLineId = null;
    }

    private void send(Object command) {
        Outcome outcome = commands.send(command);
        if (outcome.kind() != Outcome.Kind.OK) {
            log.debug("{} → {}", command.getClass().getSimpleName(), outcome);
        }
    }

    private static Long position(EventMessage<?> message) {
        return Trigger.positionOf(message);
    }

    @Override
    public void close() throws Exception {
        if (commands instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The documents one event reads and changes: each loaded once, all written at the end. */
    final class Session {
        private final ProcessDocuments documents = new ProcessDocuments(store);

        DealState deal(String dealId) {
            return get("deal:" + dealId, DealState.class, () -> {
                DealState d = new DealState();
                d.dealId = dealId;
                return d;
            });
        }

        PartnerState partner(String partnerId) {
            return get("partner:" + partnerId, PartnerState.class, () -> {
                PartnerState p = new PartnerState();
                p.partnerId = partnerId;
                return p;
            });
        }

        FxState fx(String pairId) {
            return get(pairId, FxState.class, () -> {
                FxState f = new FxState();
                f.pairId = pairId;
                return f;
            });
        }

        private <T> T get(String id, Class<T> type, java.util.function.Supplier<T> fresh) {
            return documents.get(id, type, fresh);
        }

        void flush() {
            documents.flush();
        }
    }
}
