package io.attain.kernel.product;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A product line (the product name) of a series was registered with its list price. */
@Revision("1")
public record ProductLineRegisteredEvent(
        String productLineId,
        String series,
        Money listPrice,
        Instant occurredAt) {
}
