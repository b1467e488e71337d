package io.attain.kernel.contest;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Awards the prize of a rank of a closed contest to a participating rep (each rank once, a rep at most once).
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record AwardContestPrizeCommand(
        @TargetAggregateIdentifier String contestId,
        int rank,
        String repId,
        String awardedBy,
        Instant occurredAt) {

    public AwardContestPrizeCommand {
        InputContract.identifier(contestId, "contestId");
        InputContract.identifier(repId, "repId");
        InputContract.reference(awardedBy, "awardedBy");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
