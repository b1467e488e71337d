package io.attain.command.domain.organisation;

import io.attain.kernel.organisation.CreateRegionCommand;
import io.attain.kernel.organisation.RegionCreatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class RegionTest {

    private static final Instant NOW = Instant.parse("2017-05-10T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2016-01-01T00:00:00Z");

    private FixtureConfiguration<Region> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Region.class);
    }

    @Test
    void createsARegionAtTheMessageClockTimeByDefault() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateRegionCommand("east", "East", "Cara Losch", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RegionCreatedEvent("east", "East", "Cara Losch", NOW));
    }

    @Test
    void createsARegionAtTheGivenBusinessTime() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateRegionCommand("east", "East", "Cara Losch", EARLIER))
                .expectEvents(new RegionCreatedEvent("east", "East", "Cara Losch", EARLIER));
    }
}
