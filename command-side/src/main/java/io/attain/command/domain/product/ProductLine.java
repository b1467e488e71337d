package io.attain.command.domain.product;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Money;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.product.RegisterProductLineCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product line (identified by the product name, e.g. "GTX Pro") of a series, with its list price.
 *
 * <p>Registered once: a second registration of the same id collides in the event store (HTTP 409).
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class ProductLine {

    @AggregateIdentifier
    private String productLineId;
    private String series;
    private Money listPrice;

    @CommandHandler
    public ProductLine(RegisterProductLineCommand command) {
        if (!command.listPrice().isPositive()) {
            throw new InvalidCommandException("listPrice", "must be positive");
        }
        apply(new ProductLineRegisteredEvent(command.productLineId(), command.series(), command.listPrice(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @EventSourcingHandler
    void on(ProductLineRegisteredEvent event) {
        productLineId = event.productLineId();
        series = event.series();
        listPrice = event.listPrice();
    }

    protected ProductLine() {
        // Required by Axon
    }
}
