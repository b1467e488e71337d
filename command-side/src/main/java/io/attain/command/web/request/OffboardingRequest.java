package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.organisation.OffboardRepCommand;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;

/** {@code POST /api/v1/reps/{repId}/offboarding}. */
public record OffboardingRequest(
        @NotNull(message = Rules.REQUIRED) LocalDate effectiveDate,
        Instant occurredAt) {

    public OffboardRepCommand toCommand(String repId) {
        return new OffboardRepCommand(repId, effectiveDate, occurredAt);
    }
}
