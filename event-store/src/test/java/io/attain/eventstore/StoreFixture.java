package io.attain.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Builds engines on a database and reads them back like a tracking processor does. */
public final class StoreFixture {

    public static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    /** A monotonic clock the tests move by hand, so that no test sleeps to pass a timeout. */
    public final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    /** Engines hand out positions from memory ({@code MongoEventStorageEngine.Builder#inProcessPositions}). */
    public boolean inProcessPositions;

    public MongoEventStorageEngine.Builder builder(MongoDatabase database) {
        return MongoEventStorageEngine.builder()
                                      .database(database)
                                      .inProcessPositions(inProcessPositions)
                                      .eventSerializer(SERIALIZER)
                                      .snapshotSerializer(SERIALIZER)
                                      .nanoTime(nanos::get);
    }

    public MongoEventStorageEngine engine(MongoDatabase database) {
        return builder(database).build();
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    public static MongoClient client(String connectionString) {
        return MongoClients.create(connectionString);
    }

    /** Everything after {@code from}, read with repeated non-blocking streams until one comes back empty. */
    public static Read readAll(MongoEventStorageEngine engine, TrackingToken from) {
        return readAll(engine, from, e -> { });
    }

    public static Read readAll(MongoEventStorageEngine engine, TrackingToken from,
                               Consumer<TrackedEventMessage<?>> each) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        TrackingToken token = from;
        while (true) {
            int before = events.size();
            TrackingToken[] last = {token};
            engine.readEvents(token, false).forEach(e -> {
                events.add(e);
                each.accept(e);
                last[0] = e.trackingToken();
            });
            token = last[0];
            if (events.size() == before) {
                return new Read(events, token);
            }
        }
    }

    public record Read(List<TrackedEventMessage<?>> events, TrackingToken token) {
        public List<Long> positions() {
            return events.stream().map(e -> e.trackingToken().position().orElseThrow()).toList();
        }

        public List<String> ids() {
            return events.stream().map(TrackedEventMessage::getIdentifier).toList();
        }

        public GapAwareTrackingToken gapAwareToken() {
            return (GapAwareTrackingToken) token;
        }
    }
}
