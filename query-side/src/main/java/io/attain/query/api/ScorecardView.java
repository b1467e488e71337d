package io.attain.query.api;

import java.util.List;

/** A rep's scorecard for a period; revenue per currency (usually one). */
public record ScorecardView(String period, String repId, String repName, List<Amount> revenue, long dealsWon,
                            long newCustomers, long visits, long calls, long proposals) {
}
