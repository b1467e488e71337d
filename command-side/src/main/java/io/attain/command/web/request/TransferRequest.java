package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.organisation.TransferRepCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;

/** {@code POST /api/v1/reps/{repId}/transfers}. */
public record TransferRequest(
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String toTeamId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String toManagerId,
        @NotNull(message = Rules.REQUIRED) LocalDate effectiveDate,
        Instant occurredAt) {

    public TransferRepCommand toCommand(String repId) {
        return new TransferRepCommand(repId, toTeamId, toManagerId, effectiveDate, occurredAt);
    }
}
