package io.attain.kernel.compensation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A compensation plan was created. */
@Revision("1")
public record PlanCreatedEvent(
        String planId,
        String name,
        Instant occurredAt) {
}
