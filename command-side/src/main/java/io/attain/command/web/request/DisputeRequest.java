package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.compensation.DisputeStatementLineCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/statements/{repId}/{period}/disputes}: the rep disputes a line, for a reason. */
public record DisputeRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String disputeId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.REFERENCE_MAX, message = Rules.REFERENCE_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String lineId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        Instant occurredAt) {

    public DisputeStatementLineCommand toCommand(String statementId, String id, String repId) {
        return new DisputeStatementLineCommand(statementId, id, repId, lineId, reason, occurredAt);
    }
}
