package io.attain.kernel.contest;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Removes a participating rep or team (exactly one of them) from a running contest, before its window ends.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record RemoveContestParticipantCommand(
        @TargetAggregateIdentifier String contestId,
        String repId,
        String teamId,
        String reason,
        Instant occurredAt) {

    public RemoveContestParticipantCommand {
        InputContract.identifier(contestId, "contestId");
        InputContract.optionalIdentifier(repId, "repId");
        InputContract.optionalIdentifier(teamId, "teamId");
        InputContract.text(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
