package io.attain.command.domain.compensation;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.compensation.PlanAssignedEvent;
import io.attain.kernel.compensation.PlanCreatedEvent;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.Spiff;
import io.attain.kernel.compensation.StatementApprovedEvent;
import io.attain.kernel.compensation.StatementDisputeResolvedEvent;
import io.attain.kernel.compensation.StatementLineDisputedEvent;
import io.attain.kernel.compensation.StatementLockedEvent;
import io.attain.kernel.compensation.StatementSubmittedEvent;
import io.attain.kernel.compensation.ThresholdBonus;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.attain.command.domain.compensation.CompensationFixtures.JAN_1;
import static io.attain.command.domain.compensation.CompensationFixtures.dec;
import static io.attain.command.domain.compensation.CompensationFixtures.eur;
import static io.attain.command.domain.compensation.CompensationFixtures.terms;
import static io.attain.command.domain.compensation.CompensationFixtures.withBonuses;
import static io.attain.command.domain.compensation.CompensationFixtures.withCaps;
import static io.attain.command.domain.compensation.CompensationFixtures.withRollUp;
import static io.attain.command.domain.compensation.CompensationFixtures.withSpiffs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every compensation event round-trips through Axon's {@link JacksonSerializer} (the serializer the
 * event store uses) at revision 1, including real calculations with slices, caps, SPIFFs and bonuses.
 */
class CompensationEventSerializationTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final Instant AT = Instant.parse("2017-05-10T15:00:00.123Z");
    private static final String ID = "statement:Anna Snelling:2017-05";

    static List<Object> events() {
        PlanTerms full = withRollUp(withSpiffs(withBonuses(withCaps(terms(JAN_1), eur("1500"), eur("20000")),
                new ThresholdBonus(dec("1.0"), eur("1000"))), new Spiff("s-1", "GTX Pro", Channel.DIRECT, JAN_1,
                LocalDate.of(2017, 12, 31), eur("250"), null)), true, dec("0.01"));
        PlanVersion plan = new PlanVersion("plan-1", 1, full);
        CommissionCalculation accrued = new CommissionCalculator().calculate(plan, CommissionInput.newDeal(
                CompensationFixtures.deal("d-1", "30000"), eur("30000"), eur("90000"), eur("100000"), eur("0")));
        CommissionCalculation back = new CommissionCalculator().calculate(plan, new CommissionInput(
                CompensationFixtures.deal("d-1", "30000"), eur("-30000"), eur("120000"), eur("100000"), eur("30000"),
                accrued.bandCommission(), accrued.commissionBeforePeriodCap()));
        return List.of(
                new PlanCreatedEvent("plan-1", "Field sales", AT),
                new PlanVersionPublishedEvent("plan-1", 1, full, false, AT),
                new PlanVersionPublishedEvent("plan-1", 2, terms(JAN_1), true, AT),
                new PlanAssignedEvent("plan-1", null, Role.SALES_REP, JAN_1, AT),
                new CommissionStatementOpenedEvent(ID, "Anna Snelling", Period.parse("2017-05"), AT),
                new CommissionAccruedEvent(ID, "l-1", "Anna Snelling", Period.parse("2017-05"), "d-1", plan, accrued,
                        List.of("e-1"), List.of(41L), AT),
                new CommissionClawedBackEvent(ID, "l-2", "Anna Snelling", "l-1", "d-1", eur("30000"), back, "reopened",
                        List.of(), List.of(), AT),
                new CommissionAdjustedEvent(ID, "a-1", "Anna Snelling", eur("-12.34"), AdjustmentKind.CLAWBACK, "late",
                        "statement:Anna Snelling:2017-04", "l-9", accrued, AT),
                new StatementSubmittedEvent(ID, "Anna Snelling", "Anna Snelling", List.of(eur("2750.00")), AT),
                new StatementApprovedEvent(ID, "Anna Snelling", "fin-1", ApproverRole.FINANCE, List.of(eur("2750.00")), AT),
                new StatementLockedEvent(ID, "Anna Snelling", "fin-1", AT),
                new CommissionPaidEvent(ID, "Anna Snelling", "b-1", eur("2750.00"), LocalDate.of(2017, 6, 30), true, AT),
                new StatementLineDisputedEvent(ID, "x-1", "Anna Snelling", "l-1", "split", AT),
                new StatementDisputeResolvedEvent(ID, "x-1", "Cara Losch", false, null, null, "agreed", AT),
                new ExchangeRateRecordedEvent("fx:EUR-USD", "EUR", "USD", new BigDecimal("1.0842"), JAN_1, AT),
                // sales and marketing costs (category compensation too)
                new io.attain.kernel.cost.SalesCostRecordedEvent("cost-1", Period.parse("2017-Q2"),
                        io.attain.kernel.cost.CostCategory.MARKETING, Channel.DIRECT, "team-1", eur("12500.00"), AT),
                new io.attain.kernel.cost.SalesCostRecordedEvent("cost-2", Period.parse("2017"),
                        io.attain.kernel.cost.CostCategory.TOOLS, null, null, eur("9000"), AT),
                new io.attain.kernel.cost.SalesCostCorrectedEvent("cost-1", Period.parse("2017-Q2"),
                        io.attain.kernel.cost.CostCategory.MARKETING, Channel.DIRECT, "team-1", eur("12500.00"),
                        eur("11750.00"), eur("-750.00"), "credit note", AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void roundTripsAtRevision1(Object event) {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(event, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        Object restored = SERIALIZER.deserialize(serialized);
        assertThat(restored).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void moneyIsWrittenInItsPublishedForm(Object event) {
        String json = new String(SERIALIZER.serialize(event, byte[].class).getData());
        assertThat(json).doesNotContain("\"positive\"");
        if (event instanceof CommissionPaidEvent) {
            assertThat(json).contains("\"amount\":{\"amount\":2750.00,\"currency\":\"EUR\"}");
        }
    }

}
