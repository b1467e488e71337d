package io.attain.query.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The funnel of a period and cut. {@code winRate} = won / (won + lost) of the deals closed in the period (4
 * decimals; {@code null} when none closed); {@code avgDaysToClose}: opening to close of those deals (2 decimals);
 * {@code openPipeline}/{@code weightedPipeline}: amounts of the deals open now whose expected close date lies in
 * the period, weighted by the configured probability of their current stage.
 */
public record FunnelView(String period, String cut, List<FunnelStage> stages, long won, long lost,
                         BigDecimal winRate, BigDecimal avgDaysToClose, List<Amount> wonValue,
                         List<Amount> openPipeline, List<Amount> weightedPipeline, List<LostReason> lostReasons) {
}
