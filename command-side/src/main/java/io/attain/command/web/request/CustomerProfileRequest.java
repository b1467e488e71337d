package io.attain.command.web.request;

import io.attain.kernel.customer.UpdateCustomerProfileCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * {@code PUT /api/v1/customers/{customerId}/profile}: the profile fields that change; a field left out stays as it
 * is (fields are not cleared). At least one given field must differ from the current profile.
 */
public record CustomerProfileRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN)
        @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
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

    public UpdateCustomerProfileCommand toCommand(String customerId) {
        return new UpdateCustomerProfileCommand(customerId, name, sector,
                annualRevenue == null ? null : annualRevenue.toMoney(), employees, location, parentCustomerId,
                occurredAt);
    }
}
