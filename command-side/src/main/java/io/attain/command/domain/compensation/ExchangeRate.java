package io.attain.command.domain.compensation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Money;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.compensation.RecordExchangeRateCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The exchange rates of one currency pair ({@code fx:FROM-TO}), each effective from a date until
 * the next recorded date. Created by its first recorded rate. One rate per effective date: a
 * recorded rate is never overwritten. {@link #rateOn} answers the rate in force on a business date,
 * or explicitly none.
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class ExchangeRate {

    @AggregateIdentifier
    private String pairId;
    private List<RecordedRate> rates = new ArrayList<>();

    record RecordedRate(LocalDate effectiveDate, BigDecimal rate) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordExchangeRateCommand command) {
        String from = command.fromCurrency();
        String to = command.toCurrency();
        if (!Money.isIsoCurrency(from)) {
            throw new InvalidCommandException("fromCurrency", "must be an ISO 4217 currency code");
        }
        if (!Money.isIsoCurrency(to)) {
            throw new InvalidCommandException("toCurrency", "must be an ISO 4217 currency code");
        }
        if (from.equals(to)) {
            throw new InvalidCommandException("toCurrency", "must differ from fromCurrency");
        }
        String expectedId = CompensationIds.exchangeRatePairId(from, to);
        if (!command.pairId().equals(expectedId)) {
            throw new InvalidCommandException("pairId", "must be " + expectedId);
        }
        if (command.rate().signum() <= 0) {
            throw new InvalidCommandException("rate", "must be positive");
        }
        if (table().hasRateFrom(command.effectiveDate())) {
            throw new DuplicateException("effectiveDate", "a rate effective from this date is already recorded");
        }
        apply(new ExchangeRateRecordedEvent(command.pairId(), from, to, command.rate(), command.effectiveDate(),
                BusinessTime.orNow(command.occurredAt())));
    }

    /** The rate in force on the business date, or {@link ExchangeRateTable.NoRate}. */
    public ExchangeRateTable.RateOnDate rateOn(LocalDate date) {
        return table().rateOn(date);
    }

    private ExchangeRateTable table() {
        ExchangeRateTable table = new ExchangeRateTable();
        rates.forEach(r -> table.with(r.effectiveDate(), r.rate()));
        return table;
    }

    @EventSourcingHandler
    void on(ExchangeRateRecordedEvent event) {
        pairId = event.pairId();
        rates.add(new RecordedRate(event.effectiveDate(), event.rate()));
    }

    protected ExchangeRate() {
        // Required by Axon (and the creation policy)
    }
}
