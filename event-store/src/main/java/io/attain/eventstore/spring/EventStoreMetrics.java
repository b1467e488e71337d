package io.attain.eventstore.spring;

import io.attain.eventstore.MongoEventStorageEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalLong;

/**
 * Event store and processor gauges for the Prometheus endpoint:
 * <ul>
 *     <li>{@code attain.eventstore.positions} — global positions allocated so far (the log's length);</li>
 *     <li>{@code attain.eventstore.missing.positions} — positions this process is timing as missing (gaps);</li>
 *     <li>{@code attain.processor.lag{processor}} — positions between the log's head and the slowest segment of a
 *     streaming processor on this instance (0 when caught up; absent segments are not counted).</li>
 * </ul>
 * Gauges are read at scrape time; the position gauge costs one {@code _id} lookup.
 */
public class EventStoreMetrics implements MeterBinder {

    private final MongoEventStorageEngine engine;
    private final EventProcessingConfiguration processing;
    private final List<StreamingProcessors> others;
    private final Set<String> registered = new HashSet<>();
    private volatile MeterRegistry registry;

    public EventStoreMetrics(MongoEventStorageEngine engine, EventProcessingConfiguration processing) {
        this(engine, processing, List.of());
    }

    /** Also reports the processors of {@code others} (by name; a name's processor may change, e.g. on a rebuild). */
    public EventStoreMetrics(MongoEventStorageEngine engine, EventProcessingConfiguration processing,
                             List<StreamingProcessors> others) {
        this.engine = engine;
        this.processing = processing;
        this.others = List.copyOf(others);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("attain.eventstore.positions", engine, MongoEventStorageEngine::allocatedPositions)
             .description("Global positions allocated in the event log")
             .register(registry);
        Gauge.builder("attain.eventstore.missing.positions", engine, MongoEventStorageEngine::trackedMissingPositions)
             .description("Positions this process is waiting for or has passed as gaps")
             .register(registry);
        this.registry = registry;
        registerProcessors();
    }

    /** Processors are known once Axon's configuration has started: registered then (and again if new ones appear). */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void registerProcessors() {
        if (registry == null) {
            return;
        }
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor && registered.add(entry.getKey())) {
                Gauge.builder("attain.processor.lag", processor, p -> lag(p, engine.allocatedPositions()))
                     .tag("processor", entry.getKey())
                     .description("Positions between the head of the log and the slowest segment on this instance")
                     .register(registry);
            }
        }
        for (StreamingProcessors source : others) {
            for (String name : source.streamingProcessors().keySet()) {
                if (registered.add(name)) {
                    Gauge.builder("attain.processor.lag", source, s -> {
                             StreamingEventProcessor current = s.streamingProcessors().get(name);
                             return current == null ? Double.NaN : lag(current, engine.allocatedPositions());
                         })
                         .tag("processor", name)
                         .description("Positions between the head of the log and the slowest segment on this instance")
                         .register(registry);
                }
            }
        }
    }

    static double lag(StreamingEventProcessor processor, long head) {
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            TrackingToken token = status.getTrackingToken();
            OptionalLong position = token == null ? OptionalLong.of(0) : token.position();
            slowest = Math.min(slowest, position.orElse(0));
        }
        return slowest == Long.MAX_VALUE ? 0 : Math.max(0, head - slowest);
    }
}
