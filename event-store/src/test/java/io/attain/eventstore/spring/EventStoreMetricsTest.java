package io.attain.eventstore.spring;

import com.mongodb.client.MongoClient;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.eventstore.StoreFixture;
import io.attain.eventstore.TestEvents;
import io.attain.eventstore.embedded.EmbeddedMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreMetricsTest {

    @Test
    void positionsGaugeFollowsTheLog() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = StoreFixture.client(server.connectionString())) {
            MongoEventStorageEngine engine = new StoreFixture().engine(client.getDatabase("metrics"));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            EventStoreMetrics metrics = new EventStoreMetrics(engine, null) {
                @Override
                public synchronized void registerProcessors() {
                    // no Axon configuration in this test
                }
            };
            metrics.bindTo(registry);
            assertThat(registry.get("attain.eventstore.positions").gauge().value()).isZero();
            engine.appendEvents(TestEvents.commit("m", 0, 3));
            assertThat(registry.get("attain.eventstore.positions").gauge().value()).isEqualTo(3.0);
        }
    }

    @Test
    void lagIsTheDistanceFromTheHeadToTheSlowestSegment() {
        assertThat(EventStoreMetrics.lag(processorAt(40L, 55L), 60)).isEqualTo(20.0);
        assertThat(EventStoreMetrics.lag(processorAt(60L), 60)).isZero();
        assertThat(EventStoreMetrics.lag(processorAt(), 60)).isZero();
    }

    private static StreamingEventProcessor processorAt(Long... indexes) {
        Map<Integer, EventTrackerStatus> status = new java.util.HashMap<>();
        for (int i = 0; i < indexes.length; i++) {
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(indexes[i], java.util.List.of());
            status.put(i, (EventTrackerStatus) Proxy.newProxyInstance(
                    EventTrackerStatus.class.getClassLoader(), new Class<?>[]{EventTrackerStatus.class},
                    (proxy, method, args) -> method.getName().equals("getTrackingToken") ? token : null));
        }
        return (StreamingEventProcessor) Proxy.newProxyInstance(
                StreamingEventProcessor.class.getClassLoader(), new Class<?>[]{StreamingEventProcessor.class},
                (proxy, method, args) -> method.getName().equals("processingStatus") ? status : null);
    }
}
