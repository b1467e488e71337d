package io.attain.kernel.compensation;

import io.attain.kernel.common.InputContract;
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
        InputContract.reference(statementId, "statementId");
        InputContract.identifier(disputeId, "disputeId");
        InputContract.identifier(repId, "repId");
        InputContract.reference(lineId, "lineId");
        InputContract.text(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
