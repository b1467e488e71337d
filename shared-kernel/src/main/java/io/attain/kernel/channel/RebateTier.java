package io.attain.kernel.channel;

import java.math.BigDecimal;

/**
 * A marginal rebate tier: {@code rate} applies to the part of the partner's won revenue in the agreement period
 * that lies in {@code [fromRevenue, toRevenue)} (amounts in the agreement's currency).
 *
 * @param toRevenue {@code null} for the open-ended (last) tier
 * @param rate      a fraction, e.g. {@code 0.05} for 5 %
 */
public record RebateTier(
        BigDecimal fromRevenue,
        BigDecimal toRevenue,
        BigDecimal rate) {
}
