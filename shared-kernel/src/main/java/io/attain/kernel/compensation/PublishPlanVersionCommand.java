package io.attain.kernel.compensation;

import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Publishes the next version of a plan. A published version is immutable; changed terms are a new
 * version.
 *
 * <p>Rules checked by the CompensationPlan aggregate: the currency is an ISO 4217 code and every
 * amount is in it; bands start at 0, are contiguous, do not overlap, end open-ended and have rates
 * ≥ 0; caps and bonuses are positive; SPIFFs are well-formed; the clawback window is not negative;
 * a roll-up rate is given exactly when rolling up. Effective dates strictly increase: a version
 * effective on or before the latest published one's date is accepted only with
 * {@code retroactive = true} (and then flagged so in the event); {@code retroactive} for a version
 * that is not is refused.
 *
 * @param retroactive the publisher knowingly changes terms from a date that an already published
 *                    version covers
 * @param occurredAt  business time; {@code null} means "now" by the message clock
 */
public record PublishPlanVersionCommand(
        @TargetAggregateIdentifier String planId,
        PlanTerms terms,
        boolean retroactive,
        Instant occurredAt) {

    public PublishPlanVersionCommand {
        Require.nonBlank(planId, "planId");
        Require.nonNull(terms, "terms");
    }
}
