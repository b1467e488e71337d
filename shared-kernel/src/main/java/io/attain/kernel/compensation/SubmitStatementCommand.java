package io.attain.kernel.compensation;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Submits an open statement for approval; it then accepts no new lines.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record SubmitStatementCommand(
        @TargetAggregateIdentifier String statementId,
        String submittedBy,
        Instant occurredAt) {

    public SubmitStatementCommand {
        InputContract.reference(statementId, "statementId");
        InputContract.reference(submittedBy, "submittedBy");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
