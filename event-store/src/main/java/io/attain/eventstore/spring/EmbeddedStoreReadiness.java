package io.attain.eventstore.spring;

import io.attain.eventstore.embedded.EmbeddedMongo;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * When the embedded store stops writing, the application stops being ready: Boot's readiness state becomes
 * {@code REFUSING_TRAFFIC}, so the readiness probe answers 503 and the HTTP APIs refuse writes with 503
 * problem+json (platform's {@code WriteRefusal}) instead of letting clients wait.
 */
public final class EmbeddedStoreReadiness {

    public EmbeddedStoreReadiness(EmbeddedMongo store, ApplicationEventPublisher publisher) {
        store.onFailure(reason -> AvailabilityChangeEvent.publish(publisher, store, ReadinessState.REFUSING_TRAFFIC));
    }
}
