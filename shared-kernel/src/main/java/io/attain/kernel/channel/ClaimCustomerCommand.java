package io.attain.kernel.channel;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A deal claims its customer for its channel (sent by the channel process when a deal is opened or a lost deal
 * reopened). Rules checked by the CustomerChannel aggregate: the id is {@link ChannelIds#customerChannelId}; a deal
 * has at most one active claim. A claim by another claimant (another partner, or direct vs partner) than an active
 * claim raises a channel conflict.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ClaimCustomerCommand(
        @TargetAggregateIdentifier String customerChannelId,
        String customer,
        ChannelClaim claim,
        Instant occurredAt) {

    public ClaimCustomerCommand {
        InputContract.reference(customerChannelId, "customerChannelId");
        InputContract.reference(customer, "customer");
        Require.nonNull(claim, "claim");
    }
}
