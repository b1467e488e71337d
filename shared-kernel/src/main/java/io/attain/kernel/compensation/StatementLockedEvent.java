package io.attain.kernel.compensation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An approved statement was locked: its period accepts no change any more. */
@Revision("1")
public record StatementLockedEvent(
        String statementId,
        String repId,
        String lockedBy,
        Instant occurredAt) {
}
