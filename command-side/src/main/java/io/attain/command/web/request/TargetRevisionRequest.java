package io.attain.command.web.request;

import io.attain.kernel.target.ReviseRepTargetCommand;
import io.attain.kernel.target.ReviseTeamTargetCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code POST /api/v1/targets/{targetId}/revisions}: names the rep or (exclusively) the team that owns the target. */
@ExactlyOneOf({"repId", "teamId"})
public record TargetRevisionRequest(
        String repId,
        String teamId,
        @NotNull(message = Rules.REQUIRED) BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) String reason,
        Instant occurredAt) {

    /** A {@code ReviseRepTargetCommand} or a {@code ReviseTeamTargetCommand}. */
    public Object toCommand(String targetId) {
        return repId != null && !repId.isBlank()
                ? new ReviseRepTargetCommand(repId, targetId, amount, reason, occurredAt)
                : new ReviseTeamTargetCommand(teamId, targetId, amount, reason, occurredAt);
    }
}
