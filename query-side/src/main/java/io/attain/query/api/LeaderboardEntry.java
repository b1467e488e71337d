package io.attain.query.api;

import java.math.BigDecimal;

/** One rep on a leaderboard: dense rank (1 = best), id, name and value. */
public record LeaderboardEntry(int rank, String repId, String repName, BigDecimal value) {
}
