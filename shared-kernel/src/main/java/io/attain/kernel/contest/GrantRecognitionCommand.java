package io.attain.kernel.contest;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Grants a rep an honorary title or badge outside a contest (e.g. "President's Club 2017"), with the reason.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record GrantRecognitionCommand(
        @TargetAggregateIdentifier String recognitionId,
        String repId,
        String title,
        String reason,
        String grantedBy,
        Instant occurredAt) {

    public GrantRecognitionCommand {
        InputContract.identifier(recognitionId, "recognitionId");
        InputContract.identifier(repId, "repId");
        InputContract.name(title, "title");
        InputContract.text(reason, "reason");
        InputContract.reference(grantedBy, "grantedBy");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
