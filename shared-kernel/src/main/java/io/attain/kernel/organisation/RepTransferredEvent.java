package io.attain.kernel.organisation;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A rep belongs to {@code toTeamId} under {@code toManagerId} from {@code effectiveDate} (inclusive). */
@Revision("1")
public record RepTransferredEvent(
        String repId,
        String fromTeamId,
        String fromManagerId,
        String toTeamId,
        String toManagerId,
        LocalDate effectiveDate,
        Instant occurredAt) {
}
