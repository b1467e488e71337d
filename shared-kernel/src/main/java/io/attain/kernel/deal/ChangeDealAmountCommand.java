package io.attain.kernel.deal;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Changes the amount of an open deal. The amount must be positive, in the deal's currency and
 * differ from the current amount.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ChangeDealAmountCommand(
        @TargetAggregateIdentifier String dealId,
        Money amount,
        Instant occurredAt) {

    public ChangeDealAmountCommand {
        InputContract.identifier(dealId, "dealId");
        amount = InputContract.money(Require.nonNull(amount, "amount"), "amount");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
