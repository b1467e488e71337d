package io.attain.kernel.contest;

import io.attain.kernel.common.Require;
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
        Require.nonBlank(contestId, "contestId");
        Require.nullOrNonBlank(repId, "repId");
        Require.nullOrNonBlank(teamId, "teamId");
        Require.nonBlank(reason, "reason");
    }
}
