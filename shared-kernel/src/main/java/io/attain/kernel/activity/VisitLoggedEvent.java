package io.attain.kernel.activity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A rep had a customer visit at {@code occurredAt}. */
@Revision("1")
public record VisitLoggedEvent(
        String repId,
        String activityId,
        String customer,
        String purpose,
        String outcome,
        Instant occurredAt) {
}
