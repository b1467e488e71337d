package io.attain.command.domain.target;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The rules for assigning and revising targets, shared by every aggregate that owns targets. Each
 * method only checks and throws; the owner then applies the event.
 */
public final class TargetRules {

    private TargetRules() {
    }

    /**
     * Checks a new target against the owner's existing targets.
     *
     * @throws DuplicateException      if the target id is taken, or a target for the same period,
     *                                 metric and product line exists (revise that one instead)
     * @throws InvalidCommandException if the product line, amount or currency break a rule
     */
    public static void checkAssignment(Map<String, Target> existing, String targetId, Period period,
                                       Metric metric, String productLine, BigDecimal amount, String currency) {
        if (existing.containsKey(targetId)) {
            throw new DuplicateException("targetId", "target already exists");
        }
        if (metric.requiresProductLine() && productLine == null) {
            throw new InvalidCommandException("productLine", "is required for metric " + metric);
        }
        if (!metric.requiresProductLine() && productLine != null) {
            throw new InvalidCommandException("productLine", "is only allowed for metric " + Metric.PRODUCT_REVENUE);
        }
        checkAmount(metric, amount);
        if (metric.isMonetary() && currency == null) {
            throw new InvalidCommandException("currency", "is required for money metrics");
        }
        if (metric.isMonetary() && !Money.isIsoCurrency(currency)) {
            throw new InvalidCommandException("currency", "must be an ISO 4217 currency code");
        }
        if (!metric.isMonetary() && currency != null) {
            throw new InvalidCommandException("currency", "is not allowed for count metrics");
        }
        boolean taken = existing.values().stream().anyMatch(t -> t.covers(period, metric, productLine));
        if (taken) {
            throw new DuplicateException("period", "a target for this period and metric exists; revise it instead");
        }
    }

    /**
     * Checks a revision of an existing target and returns that target.
     *
     * @throws InvalidCommandException if the target is unknown, or the amount breaks a rule or is unchanged
     */
    public static Target checkRevision(Map<String, Target> existing, String targetId, BigDecimal amount) {
        Target target = existing.get(targetId);
        if (target == null) {
            throw new InvalidCommandException("targetId", "no such target");
        }
        checkAmount(target.metric(), amount);
        if (amount.compareTo(target.amount()) == 0) {
            throw new InvalidCommandException("amount", "must differ from the current amount");
        }
        return target;
    }

    private static void checkAmount(Metric metric, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new InvalidCommandException("amount", "must be positive");
        }
        if (!metric.isMonetary() && amount.stripTrailingZeros().scale() > 0) {
            throw new InvalidCommandException("amount", "must be a whole number for count metrics");
        }
    }
}
