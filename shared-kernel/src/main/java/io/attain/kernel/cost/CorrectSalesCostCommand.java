package io.attain.kernel.cost;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Corrects the amount of a recorded cost entry: {@code amount} is what the entry should have been (a replacement,
 * not a delta); the entry's history keeps every earlier amount. Zero voids the entry. Period, category, channel and
 * team are not corrected: a misbooked entry is corrected to zero and recorded anew (ADR 0015).
 *
 * <p>Rules checked by the SalesCost aggregate: the entry exists; the amount is not negative, in the entry's
 * currency, and differs from its current amount.
 *
 * @param occurredAt business time of the correction; {@code null} means "now" by the message clock
 */
public record CorrectSalesCostCommand(
        @TargetAggregateIdentifier String costId,
        Money amount,
        String reason,
        Instant occurredAt) {

    public CorrectSalesCostCommand {
        InputContract.identifier(costId, "costId");
        amount = InputContract.money(Require.nonNull(amount, "amount"), "amount");
        InputContract.text(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
