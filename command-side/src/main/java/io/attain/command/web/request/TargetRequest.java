package io.attain.command.web.request;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Size;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.target.AssignRepTargetCommand;
import io.attain.kernel.target.AssignTeamTargetCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code POST /api/v1/targets}: a target for a rep or (exclusively) a team. {@code period} is
 * {@code 2017-05}, {@code 2017-Q2} or {@code 2017}; {@code currency} for money metrics only;
 * {@code productLine} for {@code PRODUCT_REVENUE} only. The target id is generated when not given.
 */
@ExactlyOneOf({"repId", "teamId"})
public record TargetRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String repId,
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String teamId,
        @NotNull(message = Rules.REQUIRED) Period period,
        @NotNull(message = Rules.REQUIRED) Metric metric,
        @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
        @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
        @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
        BigDecimal amount,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String currency,
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String productLine,
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String targetId,
        Instant occurredAt) {

    public boolean forRep() {
        return repId != null && !repId.isBlank();
    }

    /** The aggregate that owns the target: the rep or the team. */
    public String ownerId() {
        return forRep() ? repId : teamId;
    }

    /** An {@code AssignRepTargetCommand} or an {@code AssignTeamTargetCommand}. */
    public Object toCommand(String targetId) {
        return forRep()
                ? new AssignRepTargetCommand(repId, targetId, period, metric, productLine, amount, currency, occurredAt)
                : new AssignTeamTargetCommand(teamId, targetId, period, metric, productLine, amount, currency, occurredAt);
    }
}
