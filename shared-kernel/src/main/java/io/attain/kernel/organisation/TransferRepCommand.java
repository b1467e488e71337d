package io.attain.kernel.organisation;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Moves a rep to a team and/or manager from {@code effectiveDate} (inclusive) on.
 *
 * @param occurredAt business time of the decision; {@code null} means "now" by the message clock
 */
public record TransferRepCommand(
        @TargetAggregateIdentifier String repId,
        String toTeamId,
        String toManagerId,
        LocalDate effectiveDate,
        Instant occurredAt) {

    public TransferRepCommand {
        InputContract.identifier(repId, "repId");
        InputContract.identifier(toTeamId, "toTeamId");
        InputContract.identifier(toManagerId, "toManagerId");
        InputContract.date(Require.nonNull(effectiveDate, "effectiveDate"), "effectiveDate");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
