package io.attain.kernel.compensation;

import io.attain.kernel.common.Period;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A rep's commission statement of a period was opened (by its first accrual or adjustment). */
@Revision("1")
public record CommissionStatementOpenedEvent(
        String statementId,
        String repId,
        Period period,
        Instant occurredAt) {
}
