package io.attain.eventstore.spring;

import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.Map;

/**
 * Streaming processors a module runs itself, outside Axon's {@code EventProcessingConfiguration} (e.g. the query
 * side's projection generations), by a stable name: {@link EventStoreMetrics} reports their lag like Axon's own.
 */
public interface StreamingProcessors {

    /** The processors running now, by the name their lag is reported under. */
    Map<String, StreamingEventProcessor> streamingProcessors();
}
