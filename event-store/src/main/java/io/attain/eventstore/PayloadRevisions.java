package io.attain.eventstore;

import java.util.Map;

/**
 * How stored payloads are brought to their type's current revision on every read path of the engine (issue 11, ADR
 * 0011 "Evolution"): Axon's aggregate loads and tracking reads (through {@link RevisionUpcaster} at the head of the
 * engine's upcaster chain) and the integration read {@link MongoEventStorageEngine#readLog}. The engine knows no
 * event types; the application bridges its registry (the kernel's {@code EventRevisions}) to this. Stored documents
 * are never changed.
 */
public interface PayloadRevisions {

    /** Reads every payload as stored. */
    PayloadRevisions NONE = new PayloadRevisions() {
        @Override
        public String currentRevision(String payloadType) {
            return null;
        }

        @Override
        public boolean isCurrent(String payloadType, String storedRevision) {
            return true;
        }

        @Override
        public Upcast upcast(String payloadType, String storedRevision, Map<String, Object> payload) {
            return new Upcast(storedRevision, payload);
        }
    };

    /** The current revision of a payload type, or {@code null} when the type is read as stored. */
    String currentRevision(String payloadType);

    /** Whether a stored payload of this type and revision is read as stored (cheap: asked for every event read). */
    boolean isCurrent(String payloadType, String storedRevision);

    /**
     * The payload (a JSON object as plain Java: maps, lists, strings, numbers, booleans) at the current revision.
     *
     * @throws IllegalArgumentException when the stored revision cannot be brought to the current one
     */
    Upcast upcast(String payloadType, String storedRevision, Map<String, Object> payload);

    /** A payload at {@code revision}. */
    record Upcast(String revision, Map<String, Object> payload) {
    }
}
