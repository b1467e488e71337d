package io.attain.command.web.request;

import io.attain.kernel.compensation.DisputeStatementLineCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/statements/{repId}/{period}/disputes}: the rep disputes a line, for a reason. */
public record DisputeRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String disputeId,
        @NotBlank(message = Rules.NOT_BLANK) String lineId,
        @NotBlank(message = Rules.NOT_BLANK) String reason,
        Instant occurredAt) {

    public DisputeStatementLineCommand toCommand(String statementId, String id, String repId) {
        return new DisputeStatementLineCommand(statementId, id, repId, lineId, reason, occurredAt);
    }
}
