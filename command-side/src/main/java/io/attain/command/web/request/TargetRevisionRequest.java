package io.attain.command.web.request;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.target.ReviseRepTargetCommand;
import io.attain.kernel.target.ReviseTeamTargetCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code POST /api/v1/targets/{targetId}/revisions}: names the rep or (exclusively) the team that owns the target. */
@ExactlyOneOf({"repId", "teamId"})
public record TargetRevisionRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String repId,
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String teamId,
        @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
        @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
        @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
        BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        Instant occurredAt) {

    /** A {@code ReviseRepTargetCommand} or a {@code ReviseTeamTargetCommand}. */
    public Object toCommand(String targetId) {
        return repId != null && !repId.isBlank()
                ? new ReviseRepTargetCommand(repId, targetId, amount, reason, occurredAt)
                : new ReviseTeamTargetCommand(teamId, targetId, amount, reason, occurredAt);
    }
}
