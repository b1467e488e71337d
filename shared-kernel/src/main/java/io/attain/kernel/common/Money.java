package io.attain.kernel.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency.
 *
 * <p><b>Validation.</b> The amount is required; the currency is required and must be an upper-case
 * ISO 4217 code known to {@link java.util.Currency} (e.g. {@code "EUR"}, {@code "USD"}). Zero and
 * negative amounts are valid money: whether an amount must be positive is a business rule of the
 * command that carries it.
 *
 * <p><b>Arithmetic.</b> All arithmetic is exact {@link BigDecimal} arithmetic; nothing is ever
 * converted to {@code double}. Combining two amounts requires the same currency; there is no
 * conversion.
 *
 * <p><b>Rounding.</b> No operation rounds implicitly. {@link #rounded()} is the only rounding
 * operation: it rounds {@link RoundingMode#HALF_EVEN HALF_EVEN} ("banker's rounding") to the
 * currency's default fraction digits (2 for EUR and USD, 0 for JPY, 3 for BHD). Call it explicitly
 * where a payable or displayable amount is needed.
 *
 * <p><b>Equality.</b> Like {@link BigDecimal#equals}, record equality is scale-sensitive:
 * {@code 100 EUR} and {@code 100.00 EUR} are different values. Use {@link #isSameAmountAs(Money)}
 * to compare numerically.
 */
public record Money(BigDecimal amount, String currency) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Money {
        Require.nonNull(amount, "amount");
        Require.nonNull(currency, "currency");
        if (!isIsoCurrency(currency)) {
            throw new IllegalArgumentException(
                    "currency: must be an ISO 4217 currency code, was \"" + currency + "\"");
        }
    }

    /** Money from a decimal string, e.g. {@code Money.of("1200.50", "EUR")}. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(Require.nonNull(amount, "amount")), currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** Zero in the given currency. */
    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** {@code true} if {@code code} is an upper-case ISO 4217 code known to {@link Currency}. */
    public static boolean isIsoCurrency(String code) {
        if (code == null || code.length() != 3 || !code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@link Currency} of this amount. */
    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    /** Exact sum; both amounts must be in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** Exact difference; both amounts must be in the same currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Exact product with a factor (no rounding). */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(Objects.requireNonNull(factor, "factor")), currency);
    }

    /** Exact share of this amount for a percentage, e.g. {@code 25} gives a quarter (no rounding). */
    public Money percent(BigDecimal percentage) {
        return new Money(amount.multiply(Objects.requireNonNull(percentage, "percentage")).divide(HUNDRED), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** -1, 0 or 1 as the amount is negative, zero or positive. */
    public int signum() {
        return amount.signum();
    }

    /** {@code true} if the amount is greater than zero. */
    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** {@code true} if both are in the same currency. */
    public boolean hasSameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    /** Numeric equality, ignoring the scale: {@code 100 EUR} is the same amount as {@code 100.00 EUR}. */
    public boolean isSameAmountAs(Money other) {
        return hasSameCurrencyAs(other) && amount.compareTo(other.amount) == 0;
    }

    /**
     * This amount rounded {@link RoundingMode#HALF_EVEN HALF_EVEN} to the currency's default number of
     * fraction digits (e.g. {@code 10.125 EUR → 10.12}, {@code 10.135 EUR → 10.14},
     * {@code 99.5 JPY → 100}). For currencies without default fraction digits (e.g. {@code XAU}) the
     * amount is returned unchanged.
     */
    public Money rounded() {
        int digits = currencyUnit().getDefaultFractionDigits();
        if (digits < 0) {
            return this;
        }
        return new Money(amount.setScale(digits, RoundingMode.HALF_EVEN), currency);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!hasSameCurrencyAs(other)) {
            throw new IllegalArgumentException(
                    "currency: cannot combine " + currency + " with " + other.currency);
        }
    }

    /** For example {@code "1200.50 EUR"}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
