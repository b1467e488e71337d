package io.attain.eventstore.spring;

import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's {@link EmbeddedEventStore} whose tracking streams tell their reader when events arrive
 * ({@link AvailabilityNotifyingStream}). Without that, Axon's pooled streaming processors look for new events only
 * every 500 ms when they are idle; with it, a projection starts on an event as soon as the store's producer has
 * fetched it, which is what keeps command-to-live-view latency low.
 */
public class AttainEventStore extends EmbeddedEventStore {

    public AttainEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new AvailabilityNotifyingStream(super.openStream(trackingToken));
    }
}
