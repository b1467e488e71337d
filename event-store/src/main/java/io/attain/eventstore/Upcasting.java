package io.attain.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Objects;

/**
 * Applies {@link PayloadRevisions} to a stored payload's JSON text: parsed into plain Java (decimals as
 * {@code BigDecimal}, so amounts keep their scale), upcast, written again. Shared by the engine's Axon upcaster and
 * its integration read, so both read the same form.
 */
final class Upcasting {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final PayloadRevisions revisions;

    Upcasting(PayloadRevisions revisions) {
        this.revisions = Objects.requireNonNull(revisions);
    }

    PayloadRevisions revisions() {
        return revisions;
    }

    boolean isCurrent(String payloadType, String storedRevision) {
        return revisions.isCurrent(payloadType, storedRevision);
    }

    /** The payload text at the current revision and that revision. */
    PayloadRevisions.Upcast upcast(String payloadType, String storedRevision, String json) {
        try {
            return revisions.upcast(payloadType, storedRevision, JSON.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + payloadType + " at revision " + storedRevision
                                                    + " is not a JSON object", e);
        }
    }

    String upcastJson(String payloadType, String storedRevision, String json) {
        return write(upcast(payloadType, storedRevision, json).payload());
    }

    static String write(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an upcast payload", e);
        }
    }
}
