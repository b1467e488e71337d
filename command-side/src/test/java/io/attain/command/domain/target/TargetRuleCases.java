package io.attain.command.domain.target;

import io.attain.command.domain.DomainRuleViolation;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Metric;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.math.BigDecimal;
import java.util.stream.Stream;

/**
 * Target specifications that break one rule each, with the exception they must cause. Used by the
 * tests of every aggregate that owns targets.
 */
public final class TargetRuleCases {

    private TargetRuleCases() {
    }

    /** Arguments: metric, productLine, amount, currency, expected exception type, expected message. */
    public static Stream<Arguments> invalidTargets() {
        return Stream.of(
                invalid(Metric.PRODUCT_REVENUE, null, "1000", "EUR", "productLine: is required for metric PRODUCT_REVENUE"),
                invalid(Metric.REVENUE, "GTX Pro", "1000", "EUR", "productLine: is only allowed for metric PRODUCT_REVENUE"),
                invalid(Metric.VISITS, "GTX Pro", "10", null, "productLine: is only allowed for metric PRODUCT_REVENUE"),
                invalid(Metric.REVENUE, null, "0", "EUR", "amount: must be positive"),
                invalid(Metric.PRODUCT_REVENUE, "GTX Pro", "-1", "EUR", "amount: must be positive"),
                invalid(Metric.VISITS, null, "-3", null, "amount: must be positive"),
                invalid(Metric.DEALS_WON, null, "2.5", null, "amount: must be a whole number for count metrics"),
                invalid(Metric.NEW_CUSTOMERS, null, "0.1", null, "amount: must be a whole number for count metrics"),
                invalid(Metric.REVENUE, null, "1000", null, "currency: is required for money metrics"),
                invalid(Metric.PRODUCT_REVENUE, "GTX Pro", "1000", null, "currency: is required for money metrics"),
                invalid(Metric.REVENUE, null, "1000", "EURO", "currency: must be an ISO 4217 currency code"),
                invalid(Metric.REVENUE, null, "1000", "eur", "currency: must be an ISO 4217 currency code"),
                invalid(Metric.NEW_CUSTOMERS, null, "5", "EUR", "currency: is not allowed for count metrics"),
                invalid(Metric.PROPOSALS, null, "5", "USD", "currency: is not allowed for count metrics"));
    }

    private static Arguments invalid(Metric metric, String productLine, String amount, String currency, String message) {
        Class<? extends DomainRuleViolation> type = InvalidCommandException.class;
        return Arguments.of(Named.of(metric + " " + productLine + " " + amount + " " + currency + " -> " + message, metric),
                productLine, new BigDecimal(amount), currency, type, message);
    }
}
