package io.attain.kernel.customer;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Makes a customer a key account, owned by a rep from a date (ADR 0017).
 *
 * <p>Rules checked by the Customer aggregate: the customer exists and is not a key account already.
 *
 * @param accountOwnerRepId the rep who owns the key account
 * @param from              the first day the customer is a key account
 * @param occurredAt        business time; {@code null} means "now" by the message clock
 */
public record DesignateKeyAccountCommand(
        @TargetAggregateIdentifier String customerId,
        String accountOwnerRepId,
        LocalDate from,
        Instant occurredAt) {

    public DesignateKeyAccountCommand {
        InputContract.identifier(customerId, "customerId");
        InputContract.identifier(accountOwnerRepId, "accountOwnerRepId");
        InputContract.date(Require.nonNull(from, "from"), "from");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
