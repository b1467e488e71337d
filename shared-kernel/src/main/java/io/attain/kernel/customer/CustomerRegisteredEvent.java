package io.attain.kernel.customer;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A customer was registered with its name and, when known ({@code null} otherwise), its sector, annual revenue,
 * employees, location and parent customer. {@code occurredAt} is business time; the message timestamp is the
 * recording time.
 */
@Revision("1")
public record CustomerRegisteredEvent(
        String customerId,
        String name,
        String sector,
        Money annualRevenue,
        Integer employees,
        String location,
        String parentCustomerId,
        Instant occurredAt) {
}
