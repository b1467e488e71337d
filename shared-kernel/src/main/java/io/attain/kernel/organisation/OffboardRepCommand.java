package io.attain.kernel.organisation;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Offboards a rep: the rep is no longer active from {@code effectiveDate} (inclusive) on, i.e. the
 * last working day is the day before.
 *
 * @param occurredAt business time of the decision; {@code null} means "now" by the message clock
 */
public record OffboardRepCommand(
        @TargetAggregateIdentifier String repId,
        LocalDate effectiveDate,
        Instant occurredAt) {

    public OffboardRepCommand {
        InputContract.identifier(repId, "repId");
        InputContract.date(Require.nonNull(effectiveDate, "effectiveDate"), "effectiveDate");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
