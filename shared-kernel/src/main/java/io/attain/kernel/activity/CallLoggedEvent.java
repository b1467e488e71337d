package io.attain.kernel.activity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A rep had a customer call at {@code occurredAt}. */
@Revision("1")
public record CallLoggedEvent(
        String repId,
        String activityId,
        String customer,
        String purpose,
        String outcome,
        Instant occurredAt) {
}
