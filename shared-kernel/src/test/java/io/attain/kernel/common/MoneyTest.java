package io.attain.kernel.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

    @Test
    void acceptsIsoCurrencies() {
        assertThat(Money.of("10.50", "EUR").currencyUnit().getCurrencyCode()).isEqualTo("EUR");
        assertThat(Money.isIsoCurrency("USD")).isTrue();
        assertThat(Money.isIsoCurrency("JPY")).isTrue();
    }

    @Test
    void rejectsUnknownOrMalformedCurrencies() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "EURO"))
                .withMessageStartingWith("currency: must be an ISO 4217 currency code");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "eur"))
                .withMessageStartingWith("currency:");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "ABC"))
                .withMessageStartingWith("currency:");
        assertThat(Money.isIsoCurrency(null)).isFalse();
    }

    @Test
    void requiresAmountAndCurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(null, "EUR"))
                .withMessage("amount: is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(BigDecimal.ONE, null))
                .withMessage("currency: is required");
    }

    @Test
    void arithmeticIsExact() {
        Money a = Money.of("0.10", "EUR");
        Money b = Money.of("0.20", "EUR");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(b.minus(a)).isEqualTo(Money.of("0.10", "EUR"));
        assertThat(Money.of("10.00", "EUR").times(new BigDecimal("0.333")))
                .isEqualTo(Money.of("3.33000", "EUR"));
        assertThat(Money.of("100.00", "EUR").percent(new BigDecimal("33.34")))
                .isEqualTo(Money.of("33.3400", "EUR"));
        assertThat(a.negate()).isEqualTo(Money.of("-0.10", "EUR"));
    }

    @Test
    void refusesToCombineCurrencies() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .withMessage("currency: cannot combine EUR with USD");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "EUR").minus(Money.of("1", "USD")))
                .withMessageStartingWith("currency:");
    }

    @Test
    void roundsHalfEvenToTheCurrencyFractionDigits() {
        assertThat(Money.of("10.125", "EUR").rounded()).isEqualTo(Money.of("10.12", "EUR"));
        assertThat(Money.of("10.135", "EUR").rounded()).isEqualTo(Money.of("10.14", "EUR"));
        assertThat(Money.of("10", "EUR").rounded()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("99.5", "JPY").rounded()).isEqualTo(Money.of("100", "JPY"));
        assertThat(Money.of("98.5", "JPY").rounded()).isEqualTo(Money.of("98", "JPY"));
        assertThat(Money.of("1.2345", "BHD").rounded()).isEqualTo(Money.of("1.234", "BHD"));
        assertThat(Money.of("1.23456", "XAU").rounded()).isEqualTo(Money.of("1.23456", "XAU"));
    }

    @Test
    void equalityIsScaleSensitiveButSameAmountIsNot() {
        assertThat(Money.of("100", "EUR")).isNotEqualTo(Money.of("100.00", "EUR"));
        assertThat(Money.of("100", "EUR").isSameAmountAs(Money.of("100.00", "EUR"))).isTrue();
        assertThat(Money.of("100", "EUR").isSameAmountAs(Money.of("100", "USD"))).isFalse();
    }

    @Test
    void signAndText() {
        assertThat(Money.of("0.01", "EUR").isPositive()).isTrue();
        assertThat(Money.zero("EUR").isPositive()).isFalse();
        assertThat(Money.of("-1", "EUR").signum()).isEqualTo(-1);
        assertThat(Money.of("1200.50", "EUR")).hasToString("1200.50 EUR");
    }
}
