package io.attain.kernel.customer;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer became a key account owned by {@code accountOwnerRepId} from {@code from}. {@code occurredAt} is
 * business time; the message timestamp is the recording time.
 */
@Revision("1")
public record KeyAccountDesignatedEvent(
        String customerId,
        String accountOwnerRepId,
        LocalDate from,
        Instant occurredAt) {
}
