package io.attain.kernel.contest;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Revokes a granted recognition, with the reason; the grant stays in the history, marked revoked.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record RevokeRecognitionCommand(
        @TargetAggregateIdentifier String recognitionId,
        String reason,
        String revokedBy,
        Instant occurredAt) {

    public RevokeRecognitionCommand {
        InputContract.identifier(recognitionId, "recognitionId");
        InputContract.text(reason, "reason");
        InputContract.reference(revokedBy, "revokedBy");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
