package io.attain.kernel.contest;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Adds a rep or a team (exactly one of them; the contest checks it) to a running contest, before its window ends.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record AddContestParticipantCommand(
        @TargetAggregateIdentifier String contestId,
        String repId,
        String teamId,
        Instant occurredAt) {

    public AddContestParticipantCommand {
        InputContract.identifier(contestId, "contestId");
        InputContract.optionalIdentifier(repId, "repId");
        InputContract.optionalIdentifier(teamId, "teamId");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
