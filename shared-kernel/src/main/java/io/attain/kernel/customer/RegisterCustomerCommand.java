package io.attain.kernel.customer;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Registers a customer (an account of the CRM): its name and, when known, its sector, size and location, and the
 * customer it is a subsidiary of (ADR 0017).
 *
 * <p>Rules checked by the Customer aggregate: the annual revenue and the employees are not negative; the parent is
 * not the customer itself; the id is new. That the parent exists is not checked (an import may register a
 * subsidiary before its parent).
 *
 * @param customerId       the customer's id (chosen by the client, or generated)
 * @param name             the customer's name, as deals name their customer
 * @param sector           the customer's sector (free text, e.g. {@code software}); optional
 * @param annualRevenue    the annual revenue in an ISO 4217 currency; optional
 * @param employees        the number of employees; optional
 * @param location         where the customer's office is; optional
 * @param parentCustomerId the customer this one is a subsidiary of; optional
 * @param occurredAt       business time; {@code null} means "now" by the message clock
 */
public record RegisterCustomerCommand(
        @TargetAggregateIdentifier String customerId,
        String name,
        String sector,
        Money annualRevenue,
        Integer employees,
        String location,
        String parentCustomerId,
        Instant occurredAt) {

    public RegisterCustomerCommand {
        InputContract.identifier(customerId, "customerId");
        InputContract.name(name, "name");
        InputContract.optionalName(sector, "sector");
        annualRevenue = InputContract.money(annualRevenue, "annualRevenue");
        InputContract.optionalName(location, "location");
        InputContract.optionalIdentifier(parentCustomerId, "parentCustomerId");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
