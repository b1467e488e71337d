package io.attain.kernel.activity;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Logs a customer visit by a rep. The rep must be active at {@code occurredAt}; the activity id must
 * be new for the rep.
 *
 * @param occurredAt when the visit took place; {@code null} means "now" by the message clock
 */
public record LogVisitCommand(
        @TargetAggregateIdentifier String repId,
        String activityId,
        String customer,
        String purpose,
        String outcome,
        Instant occurredAt) {

    public LogVisitCommand {
        InputContract.identifier(repId, "repId");
        InputContract.identifier(activityId, "activityId");
        InputContract.name(customer, "customer");
        InputContract.text(purpose, "purpose");
        InputContract.text(outcome, "outcome");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
