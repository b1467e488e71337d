package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A deal claimed its customer for its channel.
 *
 * @param conflictId the open conflict the claim joined or raised, else {@code null}
 */
@Revision("1")
public record CustomerClaimedEvent(
        String customerChannelId,
        String customer,
        ChannelClaim claim,
        String conflictId,
        Instant occurredAt) {
}
