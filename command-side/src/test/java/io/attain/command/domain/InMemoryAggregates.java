package io.attain.command.domain;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;

import java.util.concurrent.Callable;

/**
 * A real event-sourced repository of one aggregate type over an in-memory event store, for fixture
 * tests of command handlers that load a second aggregate (the fixture itself knows only one type).
 */
public final class InMemoryAggregates<T> {

    private final Class<T> type;
    private final EmbeddedEventStore eventStore;
    private final EventSourcingRepository<T> repository;

    private InMemoryAggregates(Class<T> type) {
        this.type = type;
        this.eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        this.repository = EventSourcingRepository.builder(type).eventStore(eventStore).build();
    }

    public static <T> InMemoryAggregates<T> of(Class<T> type) {
        return new InMemoryAggregates<>(type);
    }

    /** Appends the events (sequence numbers 0, 1, …) to the stream of the aggregate with this id. */
    public InMemoryAggregates<T> given(String aggregateId, Object... events) {
        for (int i = 0; i < events.length; i++) {
            eventStore.publish(new GenericDomainEventMessage<>(type.getSimpleName(), aggregateId, i, events[i]));
        }
        return this;
    }

    public Repository<T> repository() {
        return repository;
    }

    /** Runs the action in a unit of work of its own (repositories load only inside one). */
    public static <R> R inUnitOfWork(Callable<R> action) throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            R result = action.call();
            unitOfWork.rollback();
            return result;
        } catch (Exception | Error e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback();
            }
            throw e;
        }
    }
}
