package io.attain.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.List;

/** The Jackson 2 mappers the published language must work with. */
final class JsonMappers {

    private JsonMappers() {
    }

    /** Dates and instants as ISO-8601 text, the form we store. */
    static ObjectMapper iso() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** Jackson's defaults plus the JavaTimeModule (dates and instants as numbers). */
    static ObjectMapper defaults() {
        return new ObjectMapper().registerModule(new JavaTimeModule());
    }

    static List<ObjectMapper> all() {
        return List.of(iso(), defaults());
    }
}
