package io.attain.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A leaderboard: the reps with a non-zero value for the metric in the period and cut, best first. Order and ranks:
 * value descending, then rep name ascending, then rep id ascending; equal values share a rank and the next value
 * gets the next rank (dense ranking). {@code currency} is set for REVENUE (values are in that currency).
 */
public record LeaderboardView(String period, String metric, String cut,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
                              List<LeaderboardEntry> entries) {
}
