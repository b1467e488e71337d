package io.attain.kernel.target;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A rep or a team got a target.
 *
 * @param ownerId     the rep id or team id, as told by {@code ownerType}
 * @param productLine set only for {@link Metric#PRODUCT_REVENUE}
 * @param currency    set only for money metrics
 */
@Revision("1")
public record TargetAssignedEvent(
        String targetId,
        TargetOwnerType ownerType,
        String ownerId,
        Period period,
        Metric metric,
        String productLine,
        BigDecimal amount,
        String currency,
        Instant occurredAt) {
}
