package io.attain.command.process.channel;

import io.attain.command.domain.channel.CustomerChannel;
import io.attain.command.domain.channel.Partner;
import io.attain.command.process.support.BusProcessCommands;
import io.attain.command.process.support.ProcessCommands;
import io.attain.command.process.support.InMemoryProcessStore;
import io.attain.kernel.channel.AccrueRebateCommand;
import io.attain.kernel.channel.AgreementTerms;
import io.attain.kernel.channel.ChannelConflictRaisedEvent;
import io.attain.kernel.channel.ChannelIds;
import io.attain.kernel.channel.ClaimCustomerCommand;
import io.attain.kernel.channel.PartnerKind;
import io.attain.kernel.channel.PublishAgreementVersionCommand;
import io.attain.kernel.channel.RebateAccruedEvent;
import io.attain.kernel.channel.RebatePendingEvent;
import io.attain.kernel.channel.RebatePendingOutcome;
import io.attain.kernel.channel.RebatePendingReason;
import io.attain.kernel.channel.RebatePendingResolvedEvent;
import io.attain.kernel.channel.RebateReversedEvent;
import io.attain.kernel.channel.RebateTier;
import io.attain.kernel.channel.RegisterPartnerCommand;
import io.attain.kernel.channel.ResolveChannelConflictCommand;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.PeriodUnit;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel process against the real {@link Partner} and {@link CustomerChannel} aggregates (Axon's in-memory
 * event store and command bus): every command it sends is recorded, and every event the aggregates (and the process
 * itself) append is fed back to the process, as the log would.
 *
 * <p>The agreement: EUR, quarterly, marginal tiers 0–100,000 at 2 %, 100,000–250,000 at 3.5 %, above at 5 %.
 */
class ChannelProcessTest {

    static final String ACME = "acme";
    static final String CUSTOMER = "Globex";
    static final Instant MAY_10 = Instant.parse("2017-05-10T10:00:00Z");

    Configuration axon;
    InMemoryEventStorageEngine engine;
    TrackingToken seen;
    Recording commands;
    ChannelProcess process;
    AnnotationEventHandlerAdapter adapter;
    final Deque<EventMessage<?>> feedback = new ArrayDeque<>();
    final List<Object> appended = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = new InMemoryEventStorageEngine();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(Partner.class)
                .configureAggregate(CustomerChannel.class)
                .buildConfiguration();
        axon.start();
        commands = new Recording(new BusProcessCommands(axon.commandBus(), axon.eventBus(), "test-channel"));
        process = new ChannelProcess(new InMemoryProcessStore(), commands);
        adapter = new AnnotationEventHandlerAdapter(process);
        direct(new RegisterPartnerCommand(ACME, "Acme Distribution", PartnerKind.DISTRIBUTOR, at("2016-12-01")));
        direct(new PublishAgreementVersionCommand(ACME, new AgreementTerms(LocalDate.of(2017, 1, 1), "EUR",
                PeriodUnit.QUARTER, List.of(new RebateTier(BigDecimal.ZERO, new BigDecimal("100000"), new BigDecimal("0.02")),
                new RebateTier(new BigDecimal("100000"), new BigDecimal("250000"), new BigDecimal("0.035")),
                new RebateTier(new BigDecimal("250000"), null, new BigDecimal("0.05")))), at("2016-12-01")));
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    @Test
    void aWonIndirectDealAccruesThePartnersRebate() {
        // 90,000 then 30,000 in Q2: 1,800.00; then 10,000 × 2 % = 200 + 20,000 × 3.5 % = 700 → 900.00
        open("d-1", Channel.DISTRIBUTOR, ACME, eur("90000"));
        EventMessage<?> won = win("d-1", eur("90000"), MAY_10);
        open("d-2", Channel.DISTRIBUTOR, ACME, eur("30000"));
        win("d-2", eur("30000"), MAY_10);

        List<RebateAccruedEvent> lines = appended(RebateAccruedEvent.class);
        assertThat(lines).extracting(l -> l.calculation().rebate()).containsExactly(eur("1800.00"), eur("900.00"));
        assertThat(lines.get(0).lineId()).isEqualTo(ChannelIds.rebateLineId("d-1", won.getIdentifier()));
        assertThat(lines.get(0).sourceEventIds()).containsExactly(won.getIdentifier());
        assertThat(lines.get(1).calculation().revenueBefore()).isEqualTo(eur("90000"));
        assertThat(appended(ChannelConflictRaisedEvent.class)).isEmpty();
    }

    @Test
    void aDirectDealForThePartnersCustomerHoldsTheRebateUntilTheManagerResolvesForThePartner() {
        // d-1 (Acme) and d-2 (direct) claim Globex: conflict. d-1 wins 40,000: pending, nothing accrued.
        // The manager resolves for d-1: released, 40,000 × 2 % = 800.00.
        open("d-1", Channel.DISTRIBUTOR, ACME, eur("40000"));
        open("d-2", Channel.DIRECT, null, eur("5000"));
        ChannelConflictRaisedEvent conflict = appended(ChannelConflictRaisedEvent.class).get(0);
        assertThat(conflict.claims()).extracting(c -> c.dealId()).containsExactly("d-1", "d-2");

        win("d-1", eur("40000"), MAY_10);
        assertThat(appended(RebateAccruedEvent.class)).isEmpty();
        assertThat(appended(RebatePendingEvent.class)).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(RebatePendingReason.CHANNEL_CONFLICT);
            assertThat(p.conflictId()).isEqualTo(conflict.conflictId());
        });

        direct(new ResolveChannelConflictCommand(ChannelIds.customerChannelId(CUSTOMER), conflict.conflictId(), "d-1",
                "cara", "the distributor brought the customer", at("2017-05-20")));
        assertThat(appended(RebateAccruedEvent.class)).singleElement()
                .satisfies(l -> assertThat(l.calculation().rebate()).isEqualTo(eur("800.00")));
        assertThat(appended(RebatePendingResolvedEvent.class)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RebatePendingOutcome.ACCRUED));
    }

    @Test
    void aWinThatOvertakesTheConflictsEventsInTheLogIsHeldToo() {
        // d-2 (direct) is opened and d-1 (Acme) won before the claim's events reach the log: the claim's answer
        // already told the process about the conflict, so the win is held, not accrued
        open("d-1", Channel.DISTRIBUTOR, ACME, eur("40000"));
        handleOnly(new DealOpenedEvent("d-2", "boris", CUSTOMER, "Widget", Channel.DIRECT, null, eur("5000"), null,
                Stage.QUALIFIED, at("2017-04-02")));
        handleOnly(new DealWonEvent("d-1", Stage.NEGOTIATION, eur("40000"), null, MAY_10));
        drainFeedback();

        assertThat(appended(RebateAccruedEvent.class)).isEmpty();
        assertThat(appended(RebatePendingEvent.class)).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo(RebatePendingReason.CHANNEL_CONFLICT));
        resolveFor("d-1");
        assertThat(appended(RebateAccruedEvent.class)).singleElement()
                .satisfies(l -> assertThat(l.calculation().rebate()).isEqualTo(eur("800.00")));
    }

    @Test
    void aConflictResolvedForTheDirectDealDropsTheHeldRebate() {
        open("d-1", Channel.DISTRIBUTOR, ACME, eur("40000"));
        open("d-2", Channel.DIRECT, null, eur("5000"));
        win("d-1", eur("40000"), MAY_10);
        resolveFor("d-2");

        assertThat(appended(RebateAccruedEvent.class)).isEmpty();
        assertThat(appended(RebatePendingResolvedEvent.class)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RebatePendingOutcome.DROPPED));
        // the overruled deal earns nothing later either (won again after a reopen)
        deliver(new DealReopenedEvent("d-1", Stage.WON, Stage.NEGOTIATION, "re-quote", at("2017-05-21")));
        win("d-1", eur("40000"), at("2017-05-22"));
        assertThat(appended(RebateAccruedEvent.class)).isEmpty();
    }

    @Test
    void anAccruedRebateIsReversedWhenALaterConflictIsLost() {
        // won before the direct deal appeared: 800.00 accrued; the conflict is then resolved for the direct deal:
        // reversed by a new line, −800.00
        open("d-1", Channel.DISTRIBUTOR, ACME, eur("40000"));
        win("d-1", eur("40000"), MAY_10);
        open("d-2", Channel.DIRECT, null, eur("5000"));
        resolveFor("d-2");

        assertThat(appended(RebateAccruedEvent.class)).hasSize(1);
        assertThat(appended(RebateReversedEvent.class)).singleElement().satisfies(r -> {
            assertThat(r.rebate()).isEqualTo(eur("-800.00"));
            assertThat(r.reason()).startsWith("channel conflict ");
        });
    }

    @Test
    void aReopenedDealReversesItsRebateAndAccruesAgainWhenWonAgain() {
        // 40,000 → 800.00; reopened → −800.00 (new line); re-won at 45,000 → quarter back at 0: 900.00
        open("d-1", Channel.DISTRIBUTOR, ACME, eur("40000"));
        win("d-1", eur("40000"), MAY_10);
        deliver(new DealReopenedEvent("d-1", Stage.WON, Stage.NEGOTIATION, "customer wants more", at("2017-05-15")));
        win("d-1", eur("45000"), at("2017-05-20"));

        assertThat(appended(RebateReversedEvent.class)).singleElement()
                .satisfies(r -> assertThat(r.rebate()).isEqualTo(eur("-800.00")));
        assertThat(appended(RebateAccruedEvent.class)).extracting(l -> l.calculation().rebate())
                .containsExactly(eur("800.00"), eur("900.00"));
        assertThat(appended(RebateAccruedEvent.class).get(1).calculation().revenueBefore()).isEqualTo(eur("0"));
    }

    @Test
    void aDealInAnotherCurrencyWaitsForTheRateAndIsNotGuessed() {
        // 10,000 USD on 2017-05-10, no USD→EUR rate: pending. A rate 0.9 from 2017-05-01 is recorded:
        // 10,000 × 0.9 = 9,000 EUR × 2 % = 180.00
        open("d-1", Channel.DISTRIBUTOR, ACME, Money.of("10000", "USD"));
        win("d-1", Money.of("10000", "USD"), MAY_10);
        assertThat(appended(RebatePendingEvent.class)).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo(RebatePendingReason.NO_EXCHANGE_RATE));
        assertThat(appended(RebateAccruedEvent.class)).isEmpty();

        deliver(new ExchangeRateRecordedEvent("fx:USD-EUR", "USD", "EUR", new BigDecimal("0.9"),
                LocalDate.of(2017, 5, 1), at("2017-05-25")));
        assertThat(appended(RebateAccruedEvent.class)).singleElement().satisfies(l -> {
            assertThat(l.calculation().revenue().amount()).isEqualByComparingTo("9000");
            assertThat(l.calculation().conversion().effectiveDate()).isEqualTo(LocalDate.of(2017, 5, 1));
            assertThat(l.calculation().rebate()).isEqualTo(eur("180.00"));
        });
        assertThat(appended(RebatePendingResolvedEvent.class)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RebatePendingOutcome.ACCRUED));
    }

    @Test
    void aRedeliveredWonEventIsNotAccruedTwice() {
        open("d-1", Channel.DISTRIBUTOR, ACME, eur("40000"));
        EventMessage<?> won = win("d-1", eur("40000"), MAY_10);
        redeliver(won);
        assertThat(appended(RebateAccruedEvent.class)).hasSize(1);
        assertThat(commands.sent(AccrueRebateCommand.class)).hasSize(2);
    }

    @Test
    void aLostDealReleasesItsClaimSoALaterDirectDealIsNoConflict() {
        open("d-1", Channel.DISTRIBUTOR, ACME, eur("40000"));
        deliver(new DealLostEvent("d-1", Stage.PROPOSAL, "price", at("2017-05-01")));
        open("d-2", Channel.DIRECT, null, eur("5000"));
        assertThat(appended(ChannelConflictRaisedEvent.class)).isEmpty();
        assertThat(commands.sent(ClaimCustomerCommand.class)).hasSize(2);
    }

    @Test
    void aPartnerThatIsNotRegisteredGetsNoRebateAndTheProcessGoesOn() {
        open("d-1", Channel.AGENT, "unknown", eur("40000"));
        win("d-1", eur("40000"), MAY_10);
        assertThat(commands.sent(AccrueRebateCommand.class)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------ support

    private void open(String dealId, Channel channel, String partnerId, Money amount) {
        deliver(new DealOpenedEvent(dealId, "anna", CUSTOMER, "Widget", channel, partnerId, amount, null,
                Stage.QUALIFIED, at("2017-04-01")));
    }

    private EventMessage<?> win(String dealId, Money amount, Instant at) {
        return deliver(new DealWonEvent(dealId, Stage.NEGOTIATION, amount, null, at));
    }

    private void resolveFor(String dealId) {
        ChannelConflictRaisedEvent conflict = appended(ChannelConflictRaisedEvent.class).get(0);
        direct(new ResolveChannelConflictCommand(ChannelIds.customerChannelId(CUSTOMER), conflict.conflictId(), dealId,
                "cara", "decided", at("2017-05-20")));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    private EventMessage<?> deliver(Object payload) {
        EventMessage<?> message = new GenericEventMessage<Object>(new GenericMessage<Object>(
                UUID.randomUUID().toString(), payload, MetaData.emptyInstance()), Instant::now);
        redeliver(message);
        return message;
    }

    /** Handles an event without feeding back what it appended (yet): later events overtake them in the log. */
    private void handleOnly(Object payload) {
        handle(new GenericEventMessage<Object>(new GenericMessage<Object>(UUID.randomUUID().toString(), payload,
                MetaData.emptyInstance()), Instant::now));
    }

    private void drainFeedback() {
        while (!feedback.isEmpty()) {
            handle(feedback.poll());
        }
    }

    private void redeliver(EventMessage<?> message) {
        handle(message);
        while (!feedback.isEmpty()) {
            handle(feedback.poll());
        }
    }

    private void handle(EventMessage<?> message) {
        try {
            var result = DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> adapter.handle(message));
            if (result.isExceptional()) {
                Throwable e = result.exceptionResult();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        } finally {
            collect();
        }
    }

    private void collect() {
        List<? extends TrackedEventMessage<?>> events = engine.readEvents(seen, false).collect(Collectors.toList());
        for (TrackedEventMessage<?> event : events) {
            seen = event.trackingToken();
            appended.add(event.getPayload());
            feedback.add(event);
        }
    }

    /** A command straight to an aggregate (as the HTTP API would send it), then what follows from it. */
    private void direct(Object command) {
        axon.commandGateway().sendAndWait(command);
        collect();
        while (!feedback.isEmpty()) {
            handle(feedback.poll());
        }
    }

    private <T> List<T> appended(Class<T> type) {
        return appended.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Records what the process sends. */
    static final class Recording implements ProcessCommands {
        private final ProcessCommands delegate;
        private final List<Object> sent = new ArrayList<>();

        Recording(ProcessCommands delegate) {
            this.delegate = delegate;
        }

        @Override
        public Outcome send(Object command) {
            sent.add(command);
            return delegate.send(command);
        }

        @Override
        public void publish(Object event) {
            delegate.publish(event);
        }

        <T> List<T> sent(Class<T> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
