package io.attain.command.web.request;

import io.attain.kernel.customer.RevokeKeyAccountCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code POST /api/v1/customers/{customerId}/key-account/revocation}: the last day the customer is a key account
 * (not before the designation's first), and why (optional).
 */
public record KeyAccountRevocationRequest(
        @NotNull(message = Rules.REQUIRED) LocalDate until,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN)
        @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        Instant occurredAt) {

    public RevokeKeyAccountCommand toCommand(String customerId) {
        return new RevokeKeyAccountCommand(customerId, until, reason, occurredAt);
    }
}
