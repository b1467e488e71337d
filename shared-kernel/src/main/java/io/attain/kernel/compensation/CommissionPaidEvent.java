package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A payout batch paid {@code amount} of a statement.
 *
 * @param fullyPaid {@code true} if every approved amount is now paid: the statement is PAID
 */
@Revision("1")
public record CommissionPaidEvent(
        String statementId,
        String repId,
        String batchId,
        Money amount,
        LocalDate paymentDate,
        boolean fullyPaid,
        Instant occurredAt) {
}
