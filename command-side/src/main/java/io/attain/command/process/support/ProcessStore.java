package io.attain.command.process.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Where the commission process keeps its state: documents by id, each stored whole as JSON text. Writes are
 * absolute (a document replaced by its new state), so writing the same state twice changes nothing.
 */
public interface ProcessStore {

    /** The document, or {@code null}. */
    String load(String id);

    void save(String id, String json);

    /** Jackson 2 with java.time, for the process's records (the same shapes the event serializer writes). */
    ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    default <T> T load(String id, Class<T> type) {
        String json = load(id);
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable commission process state " + id, e);
        }
    }

    default void saveObject(String id, Object state) {
        try {
            save(id, JSON.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write commission process state " + id, e);
        }
    }
}
