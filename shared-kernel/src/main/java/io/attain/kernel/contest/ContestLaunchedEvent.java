package io.attain.kernel.contest;

import io.attain.kernel.common.Metric;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sales contest was launched: its window ({@code startsOn}–{@code endsOn}, business dates in UTC, inclusive),
 * metric (REVENUE in {@code currency}, DEALS_WON, VISITS or PROPOSALS), participants and prizes by rank.
 */
@Revision("1")
public record ContestLaunchedEvent(
        String contestId,
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

    public ContestLaunchedEvent {
        participantRepIds = copy(participantRepIds);
        participantTeamIds = copy(participantTeamIds);
        prizes = copy(prizes);
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
