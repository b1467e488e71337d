package io.attain.eventstore.spring;

import com.mongodb.client.MongoClient;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.eventstore.StoreFixture;
import io.attain.eventstore.TestEvents;
import io.attain.eventstore.embedded.EmbeddedMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Attain's event store tells an idle stream's reader when events arrive, once per "nothing to read". */
class AttainEventStoreTest {

    @Test
    void anIdleReaderIsCalledBackWhenEventsArriveAndReadsThem() throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = StoreFixture.client(server.connectionString())) {
            MongoEventStorageEngine engine = new StoreFixture().engine(client.getDatabase("availability"));
            AttainEventStore store = new AttainEventStore(EmbeddedEventStore.builder().storageEngine(engine));
            try (TrackingEventStream stream = store.openStream(null)) {
                AtomicInteger callbacks = new AtomicInteger();
                assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).as("supported").isTrue();

                assertThat(stream.hasNextAvailable()).isFalse();          // idle: the reader waits for the callback
                store.publish(TestEvents.commit("a", 0, 2));

                await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.get() == 1);
                TrackedEventMessage<?> first = stream.nextAvailable();
                TrackedEventMessage<?> second = stream.nextAvailable();
                assertThat(first.getPayload()).isEqualTo(TestEvents.incremented("a", 0).getPayload());
                assertThat(second.getPayload()).isEqualTo(TestEvents.incremented("a", 1).getPayload());

                // idle again: called back again on the next arrival
                assertThat(stream.hasNextAvailable()).isFalse();
                store.publish(TestEvents.commit("c", 0, 1));
                await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.get() == 2);
            } finally {
                store.shutDown();
            }
        }
    }
}
