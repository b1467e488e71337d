package io.attain.kernel.deal;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import io.attain.kernel.common.Stage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Opens a deal owned by a rep.
 *
 * <p>Rules checked by the Deal aggregate: the amount is positive; a partner is required for
 * {@link Channel#DISTRIBUTOR} and {@link Channel#AGENT} and forbidden for {@link Channel#DIRECT};
 * the initial stage, when given, is an open stage. That the owner rep exists and is active is
 * <em>not</em> checked by the deal.
 *
 * @param productLine       the product (line) sold
 * @param partnerId         the distributor, agent or platform, see {@link Channel}
 * @param expectedCloseDate optional
 * @param initialStage      optional, {@link Stage#LEAD} when {@code null}
 * @param occurredAt        business time; {@code null} means "now" by the message clock
 */
public record OpenDealCommand(
        @TargetAggregateIdentifier String dealId,
        String ownerRepId,
        String customer,
        String productLine,
        Channel channel,
        String partnerId,
        Money amount,
        LocalDate expectedCloseDate,
        Stage initialStage,
        Instant occurredAt) {

    public OpenDealCommand {
        InputContract.identifier(dealId, "dealId");
        InputContract.identifier(ownerRepId, "ownerRepId");
        InputContract.name(customer, "customer");
        InputContract.identifier(productLine, "productLine");
        Require.nonNull(channel, "channel");
        InputContract.optionalIdentifier(partnerId, "partnerId");
        amount = InputContract.money(Require.nonNull(amount, "amount"), "amount");
        InputContract.date(expectedCloseDate, "expectedCloseDate");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
