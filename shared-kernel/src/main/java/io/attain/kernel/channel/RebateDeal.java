package io.attain.kernel.channel;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Stage;

import java.time.LocalDate;

/**
 * The facts of a deal a rebate follows from, as of the event the rebate is calculated for.
 *
 * @param stage        the deal's stage (a rebate needs WON)
 * @param amount       the won amount, in the deal's currency
 * @param businessDate the business date of the win (UTC)
 */
public record RebateDeal(
        String dealId,
        String customer,
        Channel channel,
        String partnerId,
        Stage stage,
        Money amount,
        LocalDate businessDate) {
}
