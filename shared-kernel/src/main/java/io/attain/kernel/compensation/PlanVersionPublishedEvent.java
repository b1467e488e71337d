package io.attain.kernel.compensation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A version of a plan was published. It never changes afterwards.
 *
 * @param version     1, 2, … in the order of publication; on a business date the version in force
 *                    is the highest-numbered one effective on or before that date
 * @param retroactive {@code true} if the version is effective on or before the effective date of an
 *                    already published version (a retroactive change: earlier calculations need a
 *                    delta adjustment; earlier versions stay as they were)
 */
@Revision("1")
public record PlanVersionPublishedEvent(
        String planId,
        int version,
        PlanTerms terms,
        boolean retroactive,
        Instant occurredAt) {
}
