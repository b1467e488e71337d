package io.attain.kernel.organisation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A sales region was created. */
@Revision("1")
public record RegionCreatedEvent(
        String regionId,
        String name,
        String managerId,
        Instant occurredAt) {
}
