package io.attain.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

import java.time.Instant;

/**
 * One event as read from a commit document: its serialized payload and metadata (JSON text), its aggregate
 * coordinates and, when read by a tracking reader, its gap-aware token.
 */
class StoredEvent implements EventData<String> {

    private final String eventIdentifier;
    private final Instant timestamp;
    final String payloadType;
    final String payloadRevision;
    final String payload;
    final String metaData;

    StoredEvent(String eventIdentifier, Instant timestamp, String payloadType, String payloadRevision,
                String payload, String metaData) {
        this.eventIdentifier = eventIdentifier;
        this.timestamp = timestamp;
        this.payloadType = payloadType;
        this.payloadRevision = payloadRevision;
        this.payload = payload;
        this.metaData = metaData;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<String> getMetaData() {
        return new SerializedMetaData<>(metaData, String.class);
    }

    @Override
    public SerializedObject<String> getPayload() {
        return new SimpleSerializedObject<>(payload, String.class, payloadType, payloadRevision);
    }

    /** An event of an aggregate's stream. */
    static class Domain extends StoredEvent implements DomainEventData<String> {
        private final String type;
        private final String aggregateIdentifier;
        private final long sequenceNumber;

        Domain(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
               Instant timestamp, String payloadType, String payloadRevision, String payload, String metaData) {
            super(eventIdentifier, timestamp, payloadType, payloadRevision, payload, metaData);
            this.type = type;
            this.aggregateIdentifier = aggregateIdentifier;
            this.sequenceNumber = sequenceNumber;
        }

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }
    }

    /** An aggregate's event read by a tracking reader. */
    static final class TrackedDomain extends Domain implements TrackedEventData<String> {
        private final TrackingToken token;

        TrackedDomain(TrackingToken token, Domain event) {
            super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                  event.getEventIdentifier(), event.getTimestamp(), event.payloadType, event.payloadRevision,
                  event.payload, event.metaData);
            this.token = token;
        }

        @Override
        public TrackingToken trackingToken() {
            return token;
        }
    }

    /** An event that belongs to no aggregate (published by a saga or a process), read by a tracking reader. */
    static final class Tracked extends StoredEvent implements TrackedEventData<String> {
        private final TrackingToken token;

        Tracked(TrackingToken token, StoredEvent event) {
            super(event.getEventIdentifier(), event.getTimestamp(), event.payloadType, event.payloadRevision,
                  event.payload, event.metaData);
            this.token = token;
        }

        @Override
        public TrackingToken trackingToken() {
            return token;
        }
    }
}
