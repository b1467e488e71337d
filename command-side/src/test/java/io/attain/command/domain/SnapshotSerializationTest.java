package io.attain.command.domain;

import io.attain.command.domain.compensation.CommissionCalculator;
import io.attain.command.domain.compensation.CommissionInput;
import io.attain.command.domain.compensation.CommissionStatement;
import io.attain.command.domain.compensation.CompensationPlan;
import io.attain.command.domain.compensation.ExchangeRate;
import io.attain.command.domain.deal.Deal;
import io.attain.command.domain.organisation.Region;
import io.attain.command.domain.organisation.Rep;
import io.attain.command.domain.organisation.Team;
import io.attain.command.domain.product.ProductLine;
import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.DealFacts;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.compensation.PlanAssignedEvent;
import io.attain.kernel.compensation.PlanCreatedEvent;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.StatementApprovedEvent;
import io.attain.kernel.compensation.StatementDisputeResolvedEvent;
import io.attain.kernel.compensation.StatementLineDisputedEvent;
import io.attain.kernel.compensation.StatementSubmittedEvent;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.organisation.RegionCreatedEvent;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregates are snapshotted with Axon's {@link JacksonSerializer}: a snapshot must restore the
 * whole state, including the target entities.
 */
class SnapshotSerializationTest {

    private static final Instant AT = Instant.parse("2017-05-04T09:30:00Z");
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    static Stream<Arguments> aggregates() {
        return Stream.of(
                Arguments.of(Region.class, List.of(new RegionCreatedEvent("east", "East", "Cara Losch", AT))),
                Arguments.of(Team.class, List.of(
                        new TeamCreatedEvent("team-1", "Team Losch", "east", "Cara Losch", AT),
                        new TeamManagerChangedEvent("team-1", "Cara Losch", "Rocco Neubert", AT),
                        new TargetAssignedEvent("tt-1", TargetOwnerType.TEAM, "team-1", Period.parse("2017-Q2"),
                                Metric.DEALS_WON, null, BigDecimal.TEN, null, AT))),
                Arguments.of(Rep.class, List.of(
                        new RepOnboardedEvent("Anna", "Anna", Role.SALES_REP, "team-1", "Cara Losch",
                                LocalDate.of(2016, 10, 20), AT),
                        new RepTransferredEvent("Anna", "team-1", "Cara Losch", "team-2", "Rocco Neubert",
                                LocalDate.of(2017, 1, 1), AT),
                        new TargetAssignedEvent("t-1", TargetOwnerType.REP, "Anna", Period.parse("2017-05"),
                                Metric.PRODUCT_REVENUE, "GTX Pro", new BigDecimal("50000.00"), "EUR", AT),
                        new TargetRevisedEvent("t-1", TargetOwnerType.REP, "Anna", new BigDecimal("50000.00"),
                                new BigDecimal("55000"), "grew", AT),
                        new VisitLoggedEvent("Anna", "a-1", "Acme", "demo", "interested", AT),
                        new CallLoggedEvent("Anna", "a-2", "Acme", "follow-up", "callback", AT),
                        new RepOffboardedEvent("Anna", LocalDate.of(2017, 6, 1), AT))),
                Arguments.of(Deal.class, List.of(
                        new DealOpenedEvent("d-1", "Anna", "Acme", "GTX Pro", Channel.AGENT, "p-1",
                                Money.of("1200.50", "EUR"), null, Stage.LEAD, AT),
                        new DealStageChangedEvent("d-1", Stage.LEAD, Stage.PROPOSAL, false, null, AT),
                        new DealAmountChangedEvent("d-1", Money.of("1200.50", "EUR"), Money.of("1300", "EUR"), AT),
                        new DealCreditSplitEvent("d-1", List.of(new CreditShare("Anna", new BigDecimal("60")),
                                new CreditShare("Boris", new BigDecimal("40"))), AT))),
                Arguments.of(ProductLine.class, List.of(
                        new ProductLineRegisteredEvent("GTX Pro", "GTX", Money.of("5482.00", "USD"), AT))),
                Arguments.of(CompensationPlan.class, List.of(
                        new PlanCreatedEvent("plan-1", "Field sales", AT),
                        new PlanVersionPublishedEvent("plan-1", 1, PLAN_TERMS, false, AT),
                        new PlanAssignedEvent("plan-1", "Anna", null, LocalDate.of(2017, 1, 1), AT))),
                Arguments.of(ExchangeRate.class, List.of(
                        new ExchangeRateRecordedEvent("fx:EUR-USD", "EUR", "USD", new BigDecimal("1.0842"),
                                LocalDate.of(2017, 5, 1), AT))),
                Arguments.of(io.attain.command.domain.cost.SalesCost.class, List.of(
                        new io.attain.kernel.cost.SalesCostRecordedEvent("cost-1", Period.parse("2017-Q2"),
                                io.attain.kernel.cost.CostCategory.EVENTS, Channel.DISTRIBUTOR, "team-1",
                                Money.of("12500.00", "EUR"), AT),
                        new io.attain.kernel.cost.SalesCostCorrectedEvent("cost-1", Period.parse("2017-Q2"),
                                io.attain.kernel.cost.CostCategory.EVENTS, Channel.DISTRIBUTOR, "team-1",
                                Money.of("12500.00", "EUR"), Money.of("11750.00", "EUR"), Money.of("-750.00", "EUR"),
                                "credit note", AT))),
                Arguments.of(io.attain.command.domain.customer.Customer.class, List.of(
                        new io.attain.kernel.customer.CustomerRegisteredEvent("cust-1", "Betasoloin", "medical",
                                Money.of("251.41", "USD"), 495, "Germany", "cust-0", AT),
                        new io.attain.kernel.customer.CustomerProfileUpdatedEvent("cust-1", null, "technolgy", null,
                                500, null, null, AT),
                        new io.attain.kernel.customer.KeyAccountDesignatedEvent("cust-1", "Anna Snelling",
                                LocalDate.of(2017, 4, 1), AT))),
                Arguments.of(CommissionStatement.class, statementEvents()),
                Arguments.of(io.attain.command.domain.channel.Partner.class, partnerEvents()),
                Arguments.of(io.attain.command.domain.channel.CustomerChannel.class, customerChannelEvents()));
    }

    private static List<Object> partnerEvents() {
        var terms = new io.attain.kernel.channel.AgreementTerms(LocalDate.of(2017, 1, 1), "EUR",
                io.attain.kernel.common.PeriodUnit.QUARTER, List.of(new io.attain.kernel.channel.RebateTier(
                BigDecimal.ZERO, null, new BigDecimal("0.02"))));
        var version = new io.attain.kernel.channel.AgreementVersion("acme", 1, terms);
        var deal = new io.attain.kernel.channel.RebateDeal("d-1", "Globex", Channel.DISTRIBUTOR, "acme", Stage.WON,
                Money.of("1000", "EUR"), LocalDate.of(2017, 5, 10));
        var calc = io.attain.command.domain.channel.RebateCalculator.calculate(version, Period.parse("2017-Q2"), deal,
                null, Money.zero("EUR"));
        var deal2 = new io.attain.kernel.channel.RebateDeal("d-2", "Globex", Channel.DISTRIBUTOR, "acme", Stage.WON,
                Money.of("500", "EUR"), LocalDate.of(2017, 5, 11));
        var calc2 = io.attain.command.domain.channel.RebateCalculator.calculate(version, Period.parse("2017-Q2"), deal2,
                null, Money.of("1000", "EUR"));
        return List.of(
                new io.attain.kernel.channel.PartnerRegisteredEvent("acme", "Acme", io.attain.kernel.channel.PartnerKind.DISTRIBUTOR, AT),
                new io.attain.kernel.channel.AgreementVersionPublishedEvent("acme", 1, terms, AT),
                new io.attain.kernel.channel.RebateAccruedEvent("acme", "l-1", "d-1", calc, List.of("e-1"), List.of(1L), AT),
                new io.attain.kernel.channel.RebateAccruedEvent("acme", "l-2", "d-2", calc2, List.of("e-2"), List.of(2L), AT),
                new io.attain.kernel.channel.RebateReversedEvent("acme", "r-1", "l-1", "d-1", Period.parse("2017-Q2"),
                        calc, Money.of("-1000", "EUR"), Money.of("-20.00", "EUR"), "reopened", List.of(), List.of(), AT));
    }

    private static List<Object> customerChannelEvents() {
        String id = "customer:Globex";
        var a = new io.attain.kernel.channel.ChannelClaim("d-1", Channel.DISTRIBUTOR, "acme", "Anna");
        var b = new io.attain.kernel.channel.ChannelClaim("d-2", Channel.DIRECT, null, "Boris");
        return List.of(
                new io.attain.kernel.channel.CustomerClaimedEvent(id, "Globex", a, null, AT),
                new io.attain.kernel.channel.CustomerClaimedEvent(id, "Globex", b, "conflict:1:Globex", AT),
                new io.attain.kernel.channel.ChannelConflictRaisedEvent("conflict:1:Globex", id, "Globex", List.of(a, b), AT),
                new io.attain.kernel.channel.ChannelConflictResolvedEvent("conflict:1:Globex", id, "Globex", a,
                        List.of(a, b), List.of("d-2"), "Cara", "partner first", AT));
    }

    private static final PlanTerms PLAN_TERMS = new PlanTerms(LocalDate.of(2017, 1, 1), "EUR", null,
            List.of(new CommissionBand(BigDecimal.ZERO, null, new BigDecimal("0.05"))), Money.of("1000", "EUR"), null,
            List.of(), List.of(), null, 90, false, null);

    private static List<Object> statementEvents() {
        String id = "statement:Anna:2017-05";
        PlanVersion plan = new PlanVersion("plan-1", 1, PLAN_TERMS);
        DealFacts deal = new DealFacts("d-1", "GTX Pro", Channel.DIRECT, LocalDate.of(2017, 5, 10),
                Money.of("30000", "EUR"));
        CommissionCalculation calculation = new CommissionCalculator().calculate(plan, CommissionInput.newDeal(deal,
                Money.of("30000", "EUR"), Money.zero("EUR"), Money.of("100000", "EUR"), Money.zero("EUR")));
        return List.of(
                new CommissionStatementOpenedEvent(id, "Anna", Period.parse("2017-05"), AT),
                new CommissionAccruedEvent(id, "l-1", "Anna", Period.parse("2017-05"), "d-1", plan, calculation,
                        List.of(), List.of(), AT),
                new CommissionAdjustedEvent(id, "a-1", "Anna", Money.of("10", "USD"), AdjustmentKind.MANUAL, "x", null,
                        null, null, AT),
                new StatementLineDisputedEvent(id, "x-1", "Anna", "l-1", "why", AT),
                new StatementDisputeResolvedEvent(id, "x-1", "Cara", false, null, null, "no", AT),
                new StatementSubmittedEvent(id, "Anna", "Anna", List.of(), AT),
                new StatementApprovedEvent(id, "Anna", "Cara", ApproverRole.MANAGER,
                        List.of(Money.of("1000.00", "EUR"), Money.of("10", "USD")), AT),
                new CommissionPaidEvent(id, "Anna", "b-1", Money.of("500", "EUR"), LocalDate.of(2017, 6, 30), false, AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aggregates")
    <T> void aSnapshotRestoresTheWholeState(Class<T> type, List<Object> events) throws Exception {
        T aggregate = source(type, events);

        SerializedObject<byte[]> snapshot = SERIALIZER.serialize(aggregate, byte[].class);
        T restored = SERIALIZER.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(aggregate);
        assertThat(restored).usingRecursiveComparison().isNotEqualTo(source(type, List.of()));
    }

    @Test
    void dealSnapshotsCarryTheirRevisionSoThatOlderShapesAreIgnored() throws Exception {
        SerializedObject<byte[]> snapshot = SERIALIZER.serialize(source(Deal.class, List.of()), byte[].class);
        assertThat(snapshot.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void eventsAreSerializedAtRevision1() {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(
                new RegionCreatedEvent("east", "East", "Cara Losch", AT), byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        assertThat((Object) SERIALIZER.deserialize(serialized))
                .isEqualTo(new RegionCreatedEvent("east", "East", "Cara Losch", AT));
    }

    /** Builds the aggregate the way a repository does: empty instance, then its event-sourcing handlers. */
    private static <T> T source(Class<T> type, List<Object> events) throws Exception {
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type);
        Constructor<T> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        T aggregate = constructor.newInstance();
        for (Object event : events) {
            model.publish(new GenericEventMessage<>(event), aggregate);
        }
        return aggregate;
    }
}
