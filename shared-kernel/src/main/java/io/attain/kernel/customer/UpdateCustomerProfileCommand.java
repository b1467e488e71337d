package io.attain.kernel.customer;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Changes a customer's profile: every field given ({@code non-null}) is the new value, a field left out stays as it
 * is. A change is a new {@link CustomerProfileUpdatedEvent}, never an edit of the registration (ADR 0017). A field
 * cannot be cleared (a later change may add that).
 *
 * <p>Rules checked by the Customer aggregate: the customer exists; the revenue and the employees are not
 * negative; the parent is not the customer itself; at least one given field differs from the current profile.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record UpdateCustomerProfileCommand(
        @TargetAggregateIdentifier String customerId,
        String name,
        String sector,
        Money annualRevenue,
        Integer employees,
        String location,
        String parentCustomerId,
        Instant occurredAt) {

    public UpdateCustomerProfileCommand {
        InputContract.identifier(customerId, "customerId");
        InputContract.optionalName(name, "name");
        InputContract.optionalName(sector, "sector");
        annualRevenue = InputContract.money(annualRevenue, "annualRevenue");
        InputContract.optionalName(location, "location");
        InputContract.optionalIdentifier(parentCustomerId, "parentCustomerId");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
