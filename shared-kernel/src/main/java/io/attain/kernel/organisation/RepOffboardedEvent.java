package io.attain.kernel.organisation;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A rep is no longer active from {@code effectiveDate} (inclusive) on. */
@Revision("1")
public record RepOffboardedEvent(
        String repId,
        LocalDate effectiveDate,
        Instant occurredAt) {
}
