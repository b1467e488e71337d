package io.attain.kernel.customer;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer stopped being a key account after {@code until} (the last day); {@code accountOwnerRepId} and
 * {@code from} are the designation's, repeated so that a reader needs no other event. {@code reason} may be
 * {@code null}. {@code occurredAt} is business time; the message timestamp is the recording time.
 */
@Revision("1")
public record KeyAccountRevokedEvent(
        String customerId,
        String accountOwnerRepId,
        LocalDate from,
        LocalDate until,
        String reason,
        Instant occurredAt) {
}
