package io.attain.query.integration.webhook;

import io.attain.eventstore.LogSlice;
import io.attain.eventstore.LoggedEvent;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.integration.EventType;
import io.attain.query.integration.CloudEvents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Webhook deliveries from the log as integration tools read it ({@link MongoEventStorageEngine#readLog}: global
 * position order, never past the safe head), each event as its CloudEvent ({@link CloudEvents#json}: the same bytes
 * the feed and the stream carry). Events without a public type are passed over.
 */
public class LogWebhookSource implements WebhookSource {

    private final MongoEventStorageEngine engine;
    private final CloudEvents cloudEvents;

    public LogWebhookSource(MongoEventStorageEngine engine, CloudEvents cloudEvents) {
        this.engine = engine;
        this.cloudEvents = cloudEvents;
    }

    @Override
    public Slice read(long after, int maxPositions) {
        LogSlice slice = engine.readLog(after, maxPositions);
        List<Event> events = new ArrayList<>(slice.events().size());
        for (LoggedEvent logged : slice.events()) {
            Optional<EventType> type = cloudEvents.typeOf(logged);
            if (type.isPresent()) {
                events.add(new Event(logged.position(), logged.eventId(), type.get().name(),
                                     type.get().category().id(),
                                     cloudEvents.json(logged).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new Slice(events, slice.readUpTo());
    }

    @Override
    public long head() {
        return engine.safeHead();
    }
}
