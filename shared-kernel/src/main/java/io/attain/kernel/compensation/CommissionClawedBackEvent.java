package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Commission of an accrued line was clawed back: a negative line whose amount is
 * {@code calculation.total()}; the calculation has the negative credited amount and the reversed
 * slices.
 *
 * @param creditedReduction the credited revenue taken back (positive)
 */
@Revision("1")
public record CommissionClawedBackEvent(
        String statementId,
        String lineId,
        String repId,
        String originalLineId,
        String dealId,
        Money creditedReduction,
        CommissionCalculation calculation,
        String reason,
        List<String> sourceEventIds,
        List<Long> sourcePositions,
        Instant occurredAt) {

    public CommissionClawedBackEvent {
        sourceEventIds = sourceEventIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sourceEventIds));
        sourcePositions = sourcePositions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sourcePositions));
    }
}
