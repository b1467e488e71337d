package io.attain.standalone;

import io.attain.eventstore.PayloadRevisions;
import io.attain.kernel.integration.EventRevisions;
import io.attain.kernel.integration.EventType;
import io.attain.kernel.integration.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Event evolution for the whole process (issue 11, ADR 0011 "Evolution"): the kernel's {@link EventRevisions} plus
 * any {@link EventType} and {@link EventUpcaster} beans (added by configuration), checked when built, and the bridge
 * that makes the event store's every read path (Axon's aggregate loads and tracking reads, {@code readLog} for the
 * integrator feed, stream and webhooks) bring stored payloads to their current revision with them.
 */
@Configuration(proxyBeanMethods = false)
public class EventEvolutionConfiguration {

    @Bean
    public EventRevisions attainEventRevisions(ObjectProvider<EventType> types, ObjectProvider<EventUpcaster> upcasters) {
        return EventRevisions.of(types.orderedStream().toList(), upcasters.orderedStream().toList());
    }

    @Bean
    public PayloadRevisions attainPayloadRevisions(EventRevisions revisions) {
        return new PayloadRevisions() {
            @Override
            public String currentRevision(String payloadType) {
                return revisions.currentRevision(payloadType).orElse(null);
            }

            @Override
            public boolean isCurrent(String payloadType, String storedRevision) {
                return revisions.isCurrent(payloadType, storedRevision);
            }

            @Override
            public Upcast upcast(String payloadType, String storedRevision, Map<String, Object> payload) {
                EventRevisions.Upcast up = revisions.upcast(payloadType, storedRevision, payload);
                return new Upcast(up.revision(), up.payload());
            }
        };
    }
}
