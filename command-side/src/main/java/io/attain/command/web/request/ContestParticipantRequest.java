package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.contest.AddContestParticipantCommand;
import io.attain.kernel.contest.RemoveContestParticipantCommand;

import java.time.Instant;

/**
 * {@code POST /api/v1/contests/{contestId}/participants} (add) and {@code …/participants/removal} (remove, with a
 * reason): exactly one of {@code repId} and {@code teamId}.
 */
@ExactlyOneOf({"repId", "teamId"})
public record ContestParticipantRequest(@Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE) String repId, @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE) String teamId, @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE) @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE) String reason, Instant occurredAt) {

    public AddContestParticipantCommand toAddCommand(String contestId) {
        return new AddContestParticipantCommand(contestId, repId, teamId, occurredAt);
    }

    public RemoveContestParticipantCommand toRemoveCommand(String contestId) {
        return new RemoveContestParticipantCommand(contestId, repId, teamId, reason, occurredAt);
    }
}
