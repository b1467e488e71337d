package io.attain.command.web.request;

import io.attain.kernel.customer.DesignateKeyAccountCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/** {@code POST /api/v1/customers/{customerId}/key-account}: the rep who owns the key account, from a date. */
public record KeyAccountRequest(
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String accountOwnerRepId,
        @NotNull(message = Rules.REQUIRED) LocalDate from,
        Instant occurredAt) {

    public DesignateKeyAccountCommand toCommand(String customerId) {
        return new DesignateKeyAccountCommand(customerId, accountOwnerRepId, from, occurredAt);
    }
}
