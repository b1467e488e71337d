package io.attain.command.domain.cost;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.cost.CorrectSalesCostCommand;
import io.attain.kernel.cost.CostCategory;
import io.attain.kernel.cost.RecordSalesCostCommand;
import io.attain.kernel.cost.SalesCostCorrectedEvent;
import io.attain.kernel.cost.SalesCostRecordedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SalesCostTest {

    private static final String COST = "cost-1";
    private static final Instant NOW = Instant.parse("2017-07-03T12:00:00Z");
    private static final Instant BUSINESS = Instant.parse("2017-06-30T00:00:00Z");
    private static final Period Q2 = Period.parse("2017-Q2");

    private FixtureConfiguration<SalesCost> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SalesCost.class);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static RecordSalesCostCommand record(Money amount, Instant occurredAt) {
        return new RecordSalesCostCommand(COST, Q2, CostCategory.EVENTS, Channel.DISTRIBUTOR, "team-east", amount,
                occurredAt);
    }

    private static SalesCostRecordedEvent recorded(Money amount, Instant occurredAt) {
        return new SalesCostRecordedEvent(COST, Q2, CostCategory.EVENTS, Channel.DISTRIBUTOR, "team-east", amount,
                occurredAt);
    }

    @Test
    void aCostIsRecordedWithItsBusinessTime() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(NOW)
                .when(record(eur("12500.00"), BUSINESS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded(eur("12500.00"), BUSINESS))
                .expectState(cost -> assertThat(cost.amount()).isEqualTo(eur("12500.00")));
    }

    @Test
    void withoutBusinessTimeItHappenedWhenItWasRecordedByTheMessageClock() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(NOW)
                .when(record(eur("12500.00"), null))
                .expectEvents(recorded(eur("12500.00"), NOW));
    }

    @Test
    void channelAndTeamAreOptional() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(NOW)
                .when(new RecordSalesCostCommand(COST, Period.parse("2017"), CostCategory.TOOLS, null, null,
                        Money.of("9000", "USD"), BUSINESS))
                .expectEvents(new SalesCostRecordedEvent(COST, Period.parse("2017"), CostCategory.TOOLS, null, null,
                        Money.of("9000", "USD"), BUSINESS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-0.01", "-12500"})
    void refusesAnAmountThatIsNotPositive(String amount) {
        fixture.givenNoPriorActivity()
                .when(record(eur(amount), BUSINESS))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("amount: must be positive")
                .expectNoEvents();
    }

    @Test
    void refusesASecondEntryUnderTheSameId() {
        fixture.given(recorded(eur("12500.00"), BUSINESS))
                .when(record(eur("100"), BUSINESS))
                .expectException(DuplicateException.class)
                .expectExceptionMessage("costId: a cost with this id is already recorded")
                .expectNoEvents();
    }

    @Test
    void aBadAmountIsRefusedAsSuchEvenWhenTheIdExists() {
        fixture.given(recorded(eur("12500.00"), BUSINESS))
                .when(record(eur("-1"), BUSINESS))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("amount: must be positive")
                .expectNoEvents();
    }

    @Test
    void aCorrectionReplacesTheAmountAndRecordsTheDelta() {
        fixture.given(recorded(eur("12500.00"), BUSINESS))
                .andGivenCurrentTime(NOW)
                .when(new CorrectSalesCostCommand(COST, eur("11750.00"), "credit note 2017-118", null))
                .expectEvents(new SalesCostCorrectedEvent(COST, Q2, CostCategory.EVENTS, Channel.DISTRIBUTOR,
                        "team-east", eur("12500.00"), eur("11750.00"), eur("-750.00"), "credit note 2017-118", NOW))
                .expectState(cost -> {
                    assertThat(cost.amount()).isEqualTo(eur("11750.00"));
                    assertThat(cost.corrections()).isEqualTo(1);
                });
    }

    @Test
    void aSecondCorrectionStartsFromTheFirstOnesAmount() {
        fixture.given(recorded(eur("12500.00"), BUSINESS),
                        new SalesCostCorrectedEvent(COST, Q2, CostCategory.EVENTS, Channel.DISTRIBUTOR, "team-east",
                                eur("12500.00"), eur("11750.00"), eur("-750.00"), "credit note", BUSINESS))
                .when(new CorrectSalesCostCommand(COST, eur("0"), "booked twice", BUSINESS))
                .expectEvents(new SalesCostCorrectedEvent(COST, Q2, CostCategory.EVENTS, Channel.DISTRIBUTOR,
                        "team-east", eur("11750.00"), eur("0"), eur("-11750.00"), "booked twice", BUSINESS))
                .expectState(cost -> assertThat(cost.corrections()).isEqualTo(2));
    }

    @Test
    void refusesANegativeCorrectedAmount() {
        fixture.given(recorded(eur("12500.00"), BUSINESS))
                .when(new CorrectSalesCostCommand(COST, eur("-1"), "why", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("amount: must not be negative (zero voids the entry)")
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionThatChangesNothing() {
        fixture.given(recorded(eur("12500.00"), BUSINESS))
                .when(new CorrectSalesCostCommand(COST, eur("12500"), "why", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("amount: must differ from the entry's current amount, 12500.00 EUR")
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionInAnotherCurrency() {
        fixture.given(recorded(eur("12500.00"), BUSINESS))
                .when(new CorrectSalesCostCommand(COST, Money.of("12500", "USD"), "why", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("currency: must be the entry's currency, EUR")
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionOfAnEntryThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new CorrectSalesCostCommand(COST, eur("1"), "why", null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
