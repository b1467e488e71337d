package io.attain.kernel.cost;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records one sales or marketing cost entry: an amount spent in a period (month, quarter or year), in a category,
 * optionally for a sales channel and/or a team. An entry is never edited: a correction is a
 * {@link CorrectSalesCostCommand} (ADR 0015).
 *
 * <p>Rules checked by the SalesCost aggregate: the amount is positive; the id is new.
 *
 * @param costId     the entry's id (chosen by the client, or generated)
 * @param channel    the sales channel the cost is spent for; {@code null}: not channel-specific
 * @param teamId     the team the cost is spent for; {@code null}: not team-specific
 * @param amount     the amount, in an ISO 4217 currency
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record RecordSalesCostCommand(
        @TargetAggregateIdentifier String costId,
        Period period,
        CostCategory category,
        Channel channel,
        String teamId,
        Money amount,
        Instant occurredAt) {

    public RecordSalesCostCommand {
        InputContract.identifier(costId, "costId");
        InputContract.period(Require.nonNull(period, "period"), "period");
        Require.nonNull(category, "category");
        InputContract.optionalIdentifier(teamId, "teamId");
        amount = InputContract.money(Require.nonNull(amount, "amount"), "amount");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
