package io.attain.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.util.ArrayList;
import java.util.List;

/** Small payloads and message factories for the event store tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public record Incremented(String counterId, int by) {
    }

    public record Renamed(String counterId, String name) {
    }

    public static DomainEventMessage<Incremented> incremented(String aggregateId, long seq) {
        return new GenericDomainEventMessage<>("Counter", aggregateId, seq, new Incremented(aggregateId, 1),
                                               MetaData.with("writer", "test"));
    }

    public static List<DomainEventMessage<?>> commit(String aggregateId, long firstSeq, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(incremented(aggregateId, firstSeq + i));
        }
        return events;
    }
}
