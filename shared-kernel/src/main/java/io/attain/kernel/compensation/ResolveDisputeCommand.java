package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A manager resolves an open dispute: accepted with a (non-zero) adjustment, which is added to the
 * statement as a line, or rejected with a reason.
 *
 * <p>Rules checked by the CommissionStatement aggregate: the statement is open or submitted; the
 * dispute exists and is open; the manager is not the statement's rep; an accepted dispute needs an
 * adjustment in the disputed line's currency, a rejected one a reason and no adjustment.
 *
 * @param adjustment only when accepted
 * @param reason     required when rejected
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ResolveDisputeCommand(
        @TargetAggregateIdentifier String statementId,
        String disputeId,
        String managerId,
        boolean accepted,
        Money adjustment,
        String reason,
        Instant occurredAt) {

    public ResolveDisputeCommand {
        InputContract.reference(statementId, "statementId");
        InputContract.identifier(disputeId, "disputeId");
        InputContract.reference(managerId, "managerId");
        adjustment = InputContract.money(adjustment, "adjustment");
        InputContract.optionalText(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
