package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A channel partner was registered. */
@Revision("1")
public record PartnerRegisteredEvent(
        String partnerId,
        String name,
        PartnerKind kind,
        Instant occurredAt) {
}
