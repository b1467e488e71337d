package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records a payment of a payout batch against an approved or locked statement.
 *
 * <p>Rules checked by the CommissionStatement aggregate: the statement is approved or locked (not
 * yet fully paid); the batch has not paid this statement before; the amount is positive and at most
 * the approved and still unpaid amount in its currency.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record PayCommissionCommand(
        @TargetAggregateIdentifier String statementId,
        String batchId,
        Money amount,
        LocalDate paymentDate,
        Instant occurredAt) {

    public PayCommissionCommand {
        InputContract.reference(statementId, "statementId");
        InputContract.identifier(batchId, "batchId");
        amount = InputContract.money(Require.nonNull(amount, "amount"), "amount");
        InputContract.date(Require.nonNull(paymentDate, "paymentDate"), "paymentDate");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
