package io.attain.command.domain.compensation;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.compensation.RecordExchangeRateCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeRateTest {

    private static final String PAIR = "fx:EUR-USD";
    private static final Instant NOW = Instant.parse("2017-05-10T12:00:00Z");
    private static final LocalDate MAY_1 = LocalDate.of(2017, 5, 1);
    private static final LocalDate JUNE_1 = LocalDate.of(2017, 6, 1);

    private FixtureConfiguration<ExchangeRate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExchangeRate.class);
    }

    private static ExchangeRateRecordedEvent recorded(String rate, LocalDate date) {
        return new ExchangeRateRecordedEvent(PAIR, "EUR", "USD", new BigDecimal(rate), date, NOW);
    }

    @Test
    void theFirstRateCreatesThePair() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(NOW)
                .when(new RecordExchangeRateCommand(PAIR, "EUR", "USD", new BigDecimal("1.0842"), MAY_1, null))
                .expectEvents(recorded("1.0842", MAY_1));
    }

    @Test
    void laterAndEarlierDatesAreRecordedAndLookedUpByBusinessDate() {
        fixture.given(recorded("1.0842", MAY_1))
                .when(new RecordExchangeRateCommand(PAIR, "EUR", "USD", new BigDecimal("1.1200"), JUNE_1, NOW))
                .expectEvents(recorded("1.1200", JUNE_1))
                .expectState(pair -> {
                    assertThat(pair.rateOn(LocalDate.of(2017, 4, 30)))
                            .isEqualTo(new ExchangeRateTable.NoRate(LocalDate.of(2017, 4, 30)));
                    assertThat(pair.rateOn(MAY_1)).isEqualTo(new ExchangeRateTable.Found(new BigDecimal("1.0842"), MAY_1));
                    assertThat(pair.rateOn(LocalDate.of(2017, 5, 31)))
                            .isEqualTo(new ExchangeRateTable.Found(new BigDecimal("1.0842"), MAY_1));
                    assertThat(pair.rateOn(LocalDate.of(2018, 1, 1)))
                            .isEqualTo(new ExchangeRateTable.Found(new BigDecimal("1.1200"), JUNE_1));
                });
    }

    @Test
    void refusesASecondRateForTheSameDate() {
        fixture.given(recorded("1.0842", MAY_1))
                .when(new RecordExchangeRateCommand(PAIR, "EUR", "USD", new BigDecimal("1.09"), MAY_1, null))
                .expectException(DuplicateException.class)
                .expectExceptionMessage("effectiveDate: a rate effective from this date is already recorded")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} {1}->{2} {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "fx:EUR-USD | EUR | USD | 0     | rate: must be positive",
            "fx:EUR-USD | EUR | USD | -1.08 | rate: must be positive",
            "fx:EUR-USD | eur | USD | 1.08  | fromCurrency: must be an ISO 4217 currency code",
            "fx:EUR-XXY | EUR | XXY | 1.08  | toCurrency: must be an ISO 4217 currency code",
            "fx:EUR-EUR | EUR | EUR | 1     | toCurrency: must differ from fromCurrency",
            "fx:USD-EUR | EUR | USD | 1.08  | pairId: must be fx:EUR-USD"})
    void refusesInvalidRates(String pair, String from, String to, String rate, String message) {
        fixture.givenNoPriorActivity()
                .when(new RecordExchangeRateCommand(pair, from, to, new BigDecimal(rate), MAY_1, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Test
    void theTableNeverGuesses() {
        ExchangeRateTable table = new ExchangeRateTable();
        assertThat(table.rateOn(MAY_1)).isInstanceOf(ExchangeRateTable.NoRate.class);
        table.with(JUNE_1, BigDecimal.ONE);
        assertThat(table.rateOn(MAY_1)).isEqualTo(new ExchangeRateTable.NoRate(MAY_1));
        assertThat(table.rateOn(JUNE_1)).isEqualTo(new ExchangeRateTable.Found(BigDecimal.ONE, JUNE_1));
    }
}
