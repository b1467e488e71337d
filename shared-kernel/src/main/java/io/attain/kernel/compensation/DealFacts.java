package io.attain.kernel.compensation;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;

import java.time.LocalDate;

/**
 * The facts of a deal that a commission depends on.
 *
 * @param businessDate the (UTC) day the deal was won: picks the plan version and the SPIFFs, and
 *                     starts the clawback window
 * @param dealSize     the whole deal's amount, before any credit split (for the minimum deal size)
 */
public record DealFacts(String dealId, String productLine, Channel channel, LocalDate businessDate, Money dealSize) {
}
