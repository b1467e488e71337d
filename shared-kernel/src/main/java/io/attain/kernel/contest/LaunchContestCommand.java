package io.attain.kernel.contest;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Launches a sales contest: a window of business dates (UTC, both inclusive), a metric, participants (reps and/or
 * teams), and prizes by rank. Business rules (window, metric, currency, participants, prizes) are the contest's.
 *
 * @param organizerTeamId the team whose MANAGER runs the contest, or {@code null} for a company-wide contest (ADMIN)
 * @param launchedBy      the principal launching it
 * @param currency        the currency of a REVENUE contest (other currencies do not count); {@code null} otherwise
 * @param occurredAt      business time; {@code null} means "now" by the message clock
 */
public record LaunchContestCommand(
        @TargetAggregateIdentifier String contestId,
        String name,
        String organizerTeamId,
        String launchedBy,
        LocalDate startsOn,
        LocalDate endsOn,
        Metric metric,
        String currency,
        List<String> participantRepIds,
        List<String> participantTeamIds,
        List<ContestPrize> prizes,
        Instant occurredAt) {

    public LaunchContestCommand {
        InputContract.identifier(contestId, "contestId");
        InputContract.name(name, "name");
        InputContract.optionalIdentifier(organizerTeamId, "organizerTeamId");
        InputContract.reference(launchedBy, "launchedBy");
        InputContract.date(Require.nonNull(startsOn, "startsOn"), "startsOn");
        InputContract.date(Require.nonNull(endsOn, "endsOn"), "endsOn");
        Require.nonNull(metric, "metric");
        Require.nullOrNonBlank(currency, "currency");
        InputContract.instant(occurredAt, "occurredAt");
        participantRepIds = copy(participantRepIds, "participantRepIds");
        participantTeamIds = copy(participantTeamIds, "participantTeamIds");
        prizes = copy(prizes, "prizes");
        for (int i = 0; i < participantRepIds.size(); i++) {
            InputContract.identifier(participantRepIds.get(i), "participantRepIds[" + i + "]");
        }
        for (int i = 0; i < participantTeamIds.size(); i++) {
            InputContract.identifier(participantTeamIds.get(i), "participantTeamIds[" + i + "]");
        }
        for (int i = 0; i < prizes.size(); i++) {
            InputContract.money(prizes.get(i).money(), "prizes[" + i + "].money.amount");
            String title = prizes.get(i).title();
            if (title != null && !title.isBlank()) {  // a blank title is the Contest's rule
                InputContract.name(title, "prizes[" + i + "].title");
            }
        }
    }

    private static <T> List<T> copy(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + ": must not contain null");
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(values));
    }
}
