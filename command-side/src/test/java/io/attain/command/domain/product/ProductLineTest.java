package io.attain.command.domain.product;

import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Money;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.product.RegisterProductLineCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

class ProductLineTest {

    private static final Instant NOW = Instant.parse("2017-05-10T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2016-10-20T08:00:00Z");
    private static final Money PRICE = Money.of("5482.00", "USD");

    private FixtureConfiguration<ProductLine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductLine.class);
    }

    @Test
    void registersAtTheMessageClockTimeByDefault() {
        fixture.givenCurrentTime(NOW)
                .when(new RegisterProductLineCommand("GTX Pro", "GTX", PRICE, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProductLineRegisteredEvent("GTX Pro", "GTX", PRICE, NOW));
    }

    @Test
    void registersAtTheGivenBusinessTime() {
        fixture.givenCurrentTime(NOW)
                .when(new RegisterProductLineCommand("MG Special", "MG", Money.of("55", "USD"), EARLIER))
                .expectEvents(new ProductLineRegisteredEvent("MG Special", "MG", Money.of("55", "USD"), EARLIER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1"})
    void refusesANonPositiveListPrice(String price) {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductLineCommand("GTX Pro", "GTX", Money.of(price, "USD"), null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("listPrice: must be positive")
                .expectNoEvents();
    }
}
