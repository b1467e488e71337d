package io.attain.kernel.customer;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Ends a customer's key account status (ADR 0017); the designation stays in the history.
 *
 * <p>Rules checked by the Customer aggregate: the customer exists and is a key account; {@code until} is not
 * before the designation's {@code from}.
 *
 * @param until      the last day the customer is a key account
 * @param reason     why; optional
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record RevokeKeyAccountCommand(
        @TargetAggregateIdentifier String customerId,
        LocalDate until,
        String reason,
        Instant occurredAt) {

    public RevokeKeyAccountCommand {
        InputContract.identifier(customerId, "customerId");
        InputContract.date(Require.nonNull(until, "until"), "until");
        InputContract.optionalText(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
