package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.contest.AwardContestPrizeCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** {@code POST /api/v1/contests/{contestId}/awards}: the prize of a rank goes to a rep. */
public record ContestAwardRequest(
        @NotNull(message = Rules.REQUIRED) Integer rank,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String repId,
        Instant occurredAt) {

    public AwardContestPrizeCommand toCommand(String contestId, String awardedBy) {
        return new AwardContestPrizeCommand(contestId, rank, repId, awardedBy, occurredAt);
    }
}
