package io.attain.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Attainment of a rep's or team's target for a period and metric, as of the end of {@code asOf} (UTC).
 *
 * <ul>
 *     <li>{@code target}: in force at that time; {@code actual}: business days of the period up to {@code asOf};
 *     {@code attainment} = actual / target (a fraction, 1 = 100%, 6 decimals); {@code null} without a target.</li>
 *     <li>{@code expectedByNow} = target × elapsed share of the period (days up to and including {@code asOf} /
 *     days of the period); {@code gap} = target − actual (what is still missing; negative when exceeded);
 *     {@code paceGap} = expectedByNow − actual.</li>
 *     <li>{@code atRisk}: attainment trails the elapsed share by more than the configured margin.</li>
 * </ul>
 * {@code currency} is set for money metrics.
 */
public record AttainmentView(String period,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String repId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String teamId,
                             String metric,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String productLine,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
                             LocalDate asOf, BigDecimal target, BigDecimal actual, BigDecimal attainment,
                             BigDecimal expectedByNow, BigDecimal gap, BigDecimal paceGap, boolean atRisk) {
}
