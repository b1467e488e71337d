package io.attain.query.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How boards rank reps — leaderboards and contest standings alike. */
public final class Ranking {

    /** Order of a board: value descending, then rep name, then rep id (both by Unicode code points). */
    public static final Comparator<LeaderboardEntry> ORDER =
            Comparator.comparing(LeaderboardEntry::value, Comparator.reverseOrder())
                      .thenComparing(LeaderboardEntry::repName)
                      .thenComparing(LeaderboardEntry::repId);

    private Ranking() {
    }

    /** Sorts by {@link #ORDER} and gives dense ranks: equal values share a rank, the next value gets the next. */
    public static List<LeaderboardEntry> rank(List<LeaderboardEntry> entries) {
        List<LeaderboardEntry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        List<LeaderboardEntry> ranked = new ArrayList<>(sorted.size());
        int rank = 0;
        BigDecimal last = null;
        for (LeaderboardEntry e : sorted) {
            if (last == null || e.value().compareTo(last) != 0) {
                rank++;
                last = e.value();
            }
            ranked.add(new LeaderboardEntry(rank, e.repId(), e.repName(), e.value()));
        }
        return ranked;
    }
}
