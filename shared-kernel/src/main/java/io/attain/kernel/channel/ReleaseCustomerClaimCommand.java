package io.attain.kernel.channel;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A deal's claim ends (the deal was lost). Rules checked by the CustomerChannel aggregate: the deal has an active
 * claim.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ReleaseCustomerClaimCommand(
        @TargetAggregateIdentifier String customerChannelId,
        String dealId,
        String reason,
        Instant occurredAt) {

    public ReleaseCustomerClaimCommand {
        InputContract.reference(customerChannelId, "customerChannelId");
        InputContract.reference(dealId, "dealId");
        InputContract.reference(reason, "reason");
    }
}
