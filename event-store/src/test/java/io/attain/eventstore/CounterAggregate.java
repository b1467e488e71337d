package io.attain.eventstore;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.ArrayList;
import java.util.List;

/** A minimal event-sourced aggregate for the snapshot conformance test. */
public class CounterAggregate {

    @AggregateIdentifier
    private String id;
    private int value;
    private final List<String> names = new ArrayList<>();

    public CounterAggregate() {
    }

    @EventSourcingHandler
    void on(TestEvents.Incremented event) {
        this.id = event.counterId();
        this.value += event.by();
    }

    @EventSourcingHandler
    void on(TestEvents.Renamed event) {
        this.names.add(event.name());
    }

    public String getId() {
        return id;
    }

    public int getValue() {
        return value;
    }

    public List<String> getNames() {
        return names;
    }

    /** The observable state, for comparing two loads. */
    public String state() {
        return id + ":" + value + ":" + names;
    }
}
