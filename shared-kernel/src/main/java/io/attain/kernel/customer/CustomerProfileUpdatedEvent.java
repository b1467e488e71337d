package io.attain.kernel.customer;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A customer's profile changed: each non-null field is a new value that differs from the one before; a
 * {@code null} field did not change (fields are never cleared). {@code occurredAt} is business time; the message
 * timestamp is the recording time.
 */
@Revision("1")
public record CustomerProfileUpdatedEvent(
        String customerId,
        String name,
        String sector,
        Money annualRevenue,
        Integer employees,
        String location,
        String parentCustomerId,
        Instant occurredAt) {
}
