package io.attain.kernel.compensation;

import io.attain.kernel.common.Period;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A commission line was accrued for a deal; {@code calculation.total()} is the line's amount.
 *
 * @param plan            the plan version the line was calculated with (its whole terms, so that a
 *                        clawback of the line uses the same terms)
 * @param sourceEventIds  the events the accrual follows from, possibly empty
 * @param sourcePositions their global positions, possibly empty
 */
@Revision("1")
public record CommissionAccruedEvent(
        String statementId,
        String lineId,
        String repId,
        Period period,
        String dealId,
        PlanVersion plan,
        CommissionCalculation calculation,
        List<String> sourceEventIds,
        List<Long> sourcePositions,
        Instant occurredAt) {

    public CommissionAccruedEvent {
        sourceEventIds = sourceEventIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sourceEventIds));
        sourcePositions = sourcePositions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sourcePositions));
    }
}
