package io.attain.kernel.target;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Assigns a team a target for a period and a metric.
 *
 * <p>Rules checked by the Team aggregate: the amount is positive (and whole for count metrics); a
 * currency is required for money metrics and forbidden for counts; a product line is required for
 * {@link Metric#PRODUCT_REVENUE} and forbidden otherwise; one target per period, metric and product
 * line (change it with {@link ReviseTeamTargetCommand}).
 *
 * @param productLine only for {@link Metric#PRODUCT_REVENUE}, otherwise {@code null}
 * @param currency    ISO 4217 code for money metrics, otherwise {@code null}
 * @param occurredAt  business time; {@code null} means "now" by the message clock
 */
public record AssignTeamTargetCommand(
        @TargetAggregateIdentifier String teamId,
        String targetId,
        Period period,
        Metric metric,
        String productLine,
        BigDecimal amount,
        String currency,
        Instant occurredAt) {

    public AssignTeamTargetCommand {
        InputContract.identifier(teamId, "teamId");
        InputContract.identifier(targetId, "targetId");
        InputContract.period(Require.nonNull(period, "period"), "period");
        Require.nonNull(metric, "metric");
        InputContract.optionalIdentifier(productLine, "productLine");
        amount = InputContract.amount(Require.nonNull(amount, "amount"), "amount");
        Require.nullOrNonBlank(currency, "currency");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
