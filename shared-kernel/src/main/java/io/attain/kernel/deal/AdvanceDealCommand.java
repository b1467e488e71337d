package io.attain.kernel.deal;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import io.attain.kernel.common.Stage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Moves an open deal to another stage: forward (stages may be skipped), back to an earlier open
 * stage, or to a closing stage (WON, LOST).
 *
 * <p>Rules checked by the Deal aggregate: the deal is open; the stage differs from the current
 * one; LOST needs a reason; a final amount is only for WON, positive and in the deal's currency.
 *
 * @param reason      why; required for LOST, optional otherwise
 * @param finalAmount the amount the deal was won for; optional, only with WON
 * @param occurredAt  business time; {@code null} means "now" by the message clock
 */
public record AdvanceDealCommand(
        @TargetAggregateIdentifier String dealId,
        Stage toStage,
        String reason,
        Money finalAmount,
        Instant occurredAt) {

    public AdvanceDealCommand {
        InputContract.identifier(dealId, "dealId");
        Require.nonNull(toStage, "toStage");
        InputContract.optionalText(reason, "reason");
        finalAmount = InputContract.money(finalAmount, "finalAmount");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
