package io.attain.kernel.compensation;

import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The statement's rep disputes one of its lines. Rules checked by the CommissionStatement
 * aggregate: the statement is open or submitted; {@code repId} is the statement's rep; the line
 * exists and has no open dispute; the dispute id is new.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record DisputeStatementLineCommand(
        @TargetAggregateIdentifier String statementId,
        String disputeId,
        String repId,
        String lineId,
        String reason,
        Instant occurredAt) {

    public DisputeStatementLineCommand {
        Require.nonBlank(statementId, "statementId");
        Require.nonBlank(disputeId, "disputeId");
        Require.nonBlank(repId, "repId");
        Require.nonBlank(lineId, "lineId");
        Require.nonBlank(reason, "reason");
    }
}
