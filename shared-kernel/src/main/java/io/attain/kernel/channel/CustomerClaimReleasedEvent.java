package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A deal's claim on its customer ended. */
@Revision("1")
public record CustomerClaimReleasedEvent(
        String customerChannelId,
        String customer,
        String dealId,
        String reason,
        Instant occurredAt) {
}
