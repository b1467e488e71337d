package io.attain.kernel.product;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Registers a product line that deals, proposals and product targets name (e.g. "GTX Pro" of the
 * series "GTX"), with its list price.
 *
 * <p>Rules checked by the ProductLine aggregate: the list price is positive; a product line is
 * registered once.
 *
 * @param productLineId the product name, which is also how deals and targets refer to it
 * @param series        the product series the line belongs to
 * @param listPrice     the list price of one unit
 * @param occurredAt    business time; {@code null} means "now" by the message clock
 */
public record RegisterProductLineCommand(
        @TargetAggregateIdentifier String productLineId,
        String series,
        Money listPrice,
        Instant occurredAt) {

    public RegisterProductLineCommand {
        InputContract.identifier(productLineId, "productLineId");
        InputContract.name(series, "series");
        listPrice = InputContract.money(Require.nonNull(listPrice, "listPrice"), "listPrice");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
