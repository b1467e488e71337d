package io.attain.command.domain.cost;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.cost.CorrectSalesCostCommand;
import io.attain.kernel.cost.CostCategory;
import io.attain.kernel.cost.RecordSalesCostCommand;
import io.attain.kernel.cost.SalesCostCorrectedEvent;
import io.attain.kernel.cost.SalesCostRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One sales or marketing cost entry (id = cost id): an amount spent in a period on a category, optionally for a
 * channel and a team. Recorded once; never edited: a correction is a new event that replaces the amount and keeps
 * the earlier one in the history (ADR 0015).
 *
 * <p>Every rule that needs only the command is checked before the entry's state is looked at, so the same bad request
 * gets the same answer whether or not the entry exists.
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class SalesCost {

    @AggregateIdentifier
    private String costId;
    private Period period;
    private CostCategory category;
    private Channel channel;
    private String teamId;
    /** The current amount: the recorded one, or the last correction's. */
    private Money amount;
    private int corrections;

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordSalesCostCommand command) {
        if (!command.amount().isPositive()) {
            throw new InvalidCommandException("amount", "must be positive");
        }
        if (costId != null) {
            throw new DuplicateException("costId", "a cost with this id is already recorded");
        }
        apply(new SalesCostRecordedEvent(command.costId(), command.period(), command.category(), command.channel(),
                command.teamId(), command.amount(), BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(CorrectSalesCostCommand command) {
        Money corrected = command.amount();
        if (corrected.signum() < 0) {
            throw new InvalidCommandException("amount", "must not be negative (zero voids the entry)");
        }
        if (!corrected.hasSameCurrencyAs(amount)) {
            throw new InvalidCommandException("currency", "must be the entry's currency, " + amount.currency());
        }
        if (corrected.isSameAmountAs(amount)) {
            throw new InvalidCommandException("amount", "must differ from the entry's current amount, " + amount);
        }
        apply(new SalesCostCorrectedEvent(costId, period, category, channel, teamId, amount, corrected,
                corrected.minus(amount), command.reason(), BusinessTime.orNow(command.occurredAt())));
    }

    /** The current amount (the last correction's, or the recorded one). */
    public Money amount() {
        return amount;
    }

    /** How many times the amount was corrected. */
    public int corrections() {
        return corrections;
    }

    @EventSourcingHandler
    void on(SalesCostRecordedEvent event) {
        costId = event.costId();
        period = event.period();
        category = event.category();
        channel = event.channel();
        teamId = event.teamId();
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(SalesCostCorrectedEvent event) {
        amount = event.amount();
        corrections++;
    }

    protected SalesCost() {
        // Required by Axon (and the creation policy)
    }
}
