package io.attain.kernel.contest;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A granted recognition was revoked; the grant stays in the rep's history, marked revoked. */
@Revision("1")
public record RecognitionRevokedEvent(
        String recognitionId,
        String repId,
        String reason,
        String revokedBy,
        Instant occurredAt) {
}
