package io.attain.kernel.contest;

import io.attain.kernel.common.Require;
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
        Require.nonBlank(recognitionId, "recognitionId");
        Require.nonBlank(repId, "repId");
        Require.nonBlank(title, "title");
        Require.nonBlank(reason, "reason");
        Require.nonBlank(grantedBy, "grantedBy");
    }
}
