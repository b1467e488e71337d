package io.attain.kernel.activity;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Logs a proposal a rep sent to a customer. The rep must be active at {@code occurredAt}; the
 * activity id must be new for the rep; a proposed amount, when given, must be positive.
 *
 * @param amount     the proposed amount, optional
 * @param dealId     the deal the proposal belongs to, optional (not checked against the deal)
 * @param occurredAt when the proposal was sent; {@code null} means "now" by the message clock
 */
public record LogProposalCommand(
        @TargetAggregateIdentifier String repId,
        String activityId,
        String customer,
        String productLine,
        Money amount,
        String dealId,
        Instant occurredAt) {

    public LogProposalCommand {
        InputContract.identifier(repId, "repId");
        InputContract.identifier(activityId, "activityId");
        InputContract.name(customer, "customer");
        InputContract.identifier(productLine, "productLine");
        amount = InputContract.money(amount, "amount");
        InputContract.optionalIdentifier(dealId, "dealId");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
