package io.attain.kernel.compensation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The statement's rep disputed a line. */
@Revision("1")
public record StatementLineDisputedEvent(
        String statementId,
        String disputeId,
        String repId,
        String lineId,
        String reason,
        Instant occurredAt) {
}
