package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Version {@code version} (1, 2, …) of a partner's agreement was signed; it never changes. */
@Revision("1")
public record AgreementVersionPublishedEvent(
        String partnerId,
        int version,
        AgreementTerms terms,
        Instant occurredAt) {
}
