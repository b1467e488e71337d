package io.attain.kernel.organisation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A sales team was created in a region. */
@Revision("1")
public record TeamCreatedEvent(
        String teamId,
        String name,
        String regionId,
        String managerId,
        Instant occurredAt) {
}
