package io.attain.query.api;

import java.math.BigDecimal;

/**
 * One stage of a funnel: distinct deals that entered it in the period; for open stages the conversion to the next
 * stage ({@code entered(next) / entered(this)} in the same period, 4 decimals; {@code null} when none entered) and
 * the average days a deal stayed in it (over the deals that left it in the period, 2 decimals).
 */
public record FunnelStage(String stage, long entered, BigDecimal conversionToNext, BigDecimal avgDaysInStage) {
}
