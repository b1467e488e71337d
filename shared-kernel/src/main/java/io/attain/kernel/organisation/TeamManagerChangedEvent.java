package io.attain.kernel.organisation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A team got a new manager as of {@code occurredAt}. */
@Revision("1")
public record TeamManagerChangedEvent(
        String teamId,
        String previousManagerId,
        String managerId,
        Instant occurredAt) {
}
