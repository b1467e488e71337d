package io.attain.kernel.activity;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.Require;
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
        Require.nonBlank(repId, "repId");
        Require.nonBlank(activityId, "activityId");
        Require.nonBlank(customer, "customer");
        Require.nonBlank(productLine, "productLine");
        Require.nullOrNonBlank(dealId, "dealId");
    }
}
