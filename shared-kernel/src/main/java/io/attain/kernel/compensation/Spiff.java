package io.attain.kernel.compensation;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A sales performance incentive: an extra fixed amount per deal, or an extra rate on the deal's
 * credited amount, for deals of a product line and/or a channel whose business date lies within
 * {@code [validFrom, validTo]} (both inclusive).
 *
 * <p>Exactly one of {@code fixedAmount} and {@code rate} is set; at least one of
 * {@code productLine} and {@code channel} (both must match when both are set). Checked by the plan
 * aggregate.
 *
 * @param productLine the product line, or {@code null} for any
 * @param channel     the channel, or {@code null} for any
 * @param fixedAmount a fixed amount per deal, or {@code null}
 * @param rate        a rate on the credited amount (0.02 = 2 %), or {@code null}
 */
public record Spiff(
        String spiffId,
        String productLine,
        Channel channel,
        LocalDate validFrom,
        LocalDate validTo,
        Money fixedAmount,
        BigDecimal rate) {
}
