package io.attain.command.web.request;

import io.attain.kernel.customer.RegisterCustomerCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * {@code POST /api/v1/customers}: a customer's name and, when known, its sector, annual revenue
 * ({@code {"amount": …, "currency": …}}), employees, location and the customer it is a subsidiary of. The customer id
 * is generated when not given.
 */
public record CustomerRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String customerId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String name,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN)
        @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String sector,
        @Valid MoneyBody annualRevenue,
        @Min(value = 0, message = "must not be negative") Integer employees,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN)
        @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String location,
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String parentCustomerId,
        Instant occurredAt) {

    public RegisterCustomerCommand toCommand(String customerId) {
        return new RegisterCustomerCommand(customerId, name, sector,
                annualRevenue == null ? null : annualRevenue.toMoney(), employees, location, parentCustomerId,
                occurredAt);
    }
}
