package io.attain.kernel.compensation;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Approves a submitted statement. Rules checked by the CommissionStatement aggregate: the statement
 * is submitted, has no open dispute, and the approver is not the statement's rep.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ApproveStatementCommand(
        @TargetAggregateIdentifier String statementId,
        String approverId,
        ApproverRole approverRole,
        Instant occurredAt) {

    public ApproveStatementCommand {
        InputContract.reference(statementId, "statementId");
        InputContract.reference(approverId, "approverId");
        Require.nonNull(approverRole, "approverRole");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
