package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Claws back (part of) the commission of an accrued line of the same statement, e.g. because the
 * deal was reopened or its amount reduced. The reversal is the exact reversal of the marginal band
 * slices at the top of the period's revenue, plus SPIFFs and threshold bonuses taken back.
 *
 * <p>Rules checked by the CommissionStatement aggregate: the statement is open; the line id is new;
 * the original line is an accrual of this statement; the reduction is positive, in the line's
 * currency and at most what the line still credits; the clawback's business date lies within the
 * plan's clawback window (deal business date + {@code clawbackWindowDays}, inclusive).
 *
 * @param lineId            the id of the new (negative) statement line
 * @param originalLineId    the accrual line whose commission is taken back
 * @param creditedReduction the credited revenue taken back; {@code null} means everything the line
 *                          still credits
 * @param occurredAt        business time; {@code null} means "now" by the message clock
 */
public record ClawBackCommissionCommand(
        @TargetAggregateIdentifier String statementId,
        String lineId,
        String originalLineId,
        Money creditedReduction,
        String reason,
        List<String> sourceEventIds,
        List<Long> sourcePositions,
        Instant occurredAt) {

    public ClawBackCommissionCommand {
        InputContract.reference(statementId, "statementId");
        InputContract.reference(lineId, "lineId");
        InputContract.reference(originalLineId, "originalLineId");
        InputContract.reference(reason, "reason");
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
        sourcePositions = sourcePositions == null ? List.of() : List.copyOf(sourcePositions);
    }
}
