package io.attain.kernel.target;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/** The amount of a target changed from {@code previousAmount} to {@code amount}, for a reason. */
@Revision("1")
public record TargetRevisedEvent(
        String targetId,
        TargetOwnerType ownerType,
        String ownerId,
        BigDecimal previousAmount,
        BigDecimal amount,
        String reason,
        Instant occurredAt) {
}
