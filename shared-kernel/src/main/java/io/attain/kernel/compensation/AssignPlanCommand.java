package io.attain.kernel.compensation;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import io.attain.kernel.common.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Assigns a plan to a rep or to every rep of a role, from a date on.
 *
 * <p>Rules checked by the CompensationPlan aggregate: exactly one of {@code repId} and {@code role};
 * the plan has a published version; the same assignee and date are not assigned twice.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record AssignPlanCommand(
        @TargetAggregateIdentifier String planId,
        String repId,
        Role role,
        LocalDate effectiveFrom,
        Instant occurredAt) {

    public AssignPlanCommand {
        InputContract.identifier(planId, "planId");
        InputContract.optionalIdentifier(repId, "repId");
        InputContract.date(Require.nonNull(effectiveFrom, "effectiveFrom"), "effectiveFrom");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
