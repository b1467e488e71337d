package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.common.Metric;
import io.attain.kernel.contest.ContestPrize;
import io.attain.kernel.contest.LaunchContestCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/contests}: a sales contest. {@code teamId} is the organising team (a MANAGER's own team by
 * default; left out by an ADMIN for a company-wide contest).
 */
public record ContestRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String contestId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String name,
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String teamId,
        @NotNull(message = Rules.REQUIRED) LocalDate startsOn,
        @NotNull(message = Rules.REQUIRED) LocalDate endsOn,
        @NotNull(message = Rules.REQUIRED) Metric metric,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String currency,
        List<String> participantRepIds,
        List<String> participantTeamIds,
        List<@Valid PrizeBody> prizes,
        Instant occurredAt) {

    /** A prize by rank: {@code {rank, money? {amount, currency}, title?}}. */
    public record PrizeBody(@NotNull(message = Rules.REQUIRED) Integer rank, @Valid MoneyBody money, @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE) @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE) String title) {
    }

    public LaunchContestCommand toCommand(String id, String organizerTeamId, String launchedBy) {
        List<ContestPrize> prizeList = new ArrayList<>();
        if (prizes != null) {
            for (int i = 0; i < prizes.size(); i++) {
                PrizeBody prize = prizes.get(i);
                if (prize == null) {
                    throw new IllegalArgumentException("prizes[" + i + "]: is required");
                }
                prizeList.add(new ContestPrize(prize.rank(), prize.money() == null ? null : prize.money().toMoney(),
                        prize.title()));
            }
        }
        return new LaunchContestCommand(id, name, organizerTeamId, launchedBy, startsOn, endsOn, metric, currency,
                participantRepIds, participantTeamIds, prizeList, occurredAt);
    }
}
