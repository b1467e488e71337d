package io.attain.command.web.request;

import io.attain.kernel.contest.AddContestParticipantCommand;
import io.attain.kernel.contest.RemoveContestParticipantCommand;

import java.time.Instant;

/**
 * {@code POST /api/v1/contests/{contestId}/participants} (add) and {@code …/participants/removal} (remove, with a
 * reason): exactly one of {@code repId} and {@code teamId}.
 */
@ExactlyOneOf({"repId", "teamId"})
public record ContestParticipantRequest(String repId, String teamId, String reason, Instant occurredAt) {

    public AddContestParticipantCommand toAddCommand(String contestId) {
        return new AddContestParticipantCommand(contestId, repId, teamId, occurredAt);
    }

    public RemoveContestParticipantCommand toRemoveCommand(String contestId) {
        return new RemoveContestParticipantCommand(contestId, repId, teamId, reason, occurredAt);
    }
}
