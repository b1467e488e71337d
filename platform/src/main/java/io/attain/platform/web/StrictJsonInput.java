package io.attain.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * What request bodies may carry where a string, a date or an instant is expected (ADR 0013), registered in the
 * application's JSON mapper (Spring Boot adds every {@link JacksonModule} bean):
 * <ul>
 *     <li>a <b>date</b> or an <b>instant</b> is ISO text only ({@code 2017-05-31}, {@code 2017-05-31T09:30:00Z}).
 *     Jackson's own readers also take an array ({@code [2017,5,31]}, and {@code []} as {@code null}, which let an
 *     optional date be sent as an empty array and silently dropped) and numbers (epoch days or seconds);</li>
 *     <li>a <b>string</b> is a JSON string or a scalar read as its text, as before; an array or an object is refused.
 *     Jackson's list-of-strings reader mis-reads a nested array ({@code ["a",[1]]}) and fails on a trailing token
 *     with no path, so the error could not name the element; this reader makes it {@code tags[1]: must be a
 *     string}.</li>
 * </ul>
 * Failures are Jackson's own mismatch errors with the target type, which {@code JsonInputErrors} turns into
 * "field: must be …".
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonInput {

    @Bean
    public JacksonModule strictJsonInputModule() {
        return module();
    }

    /** The module, for mappers built outside Spring (tests, tools). */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("attain-strict-json-input");
        module.addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse));
        module.addDeserializer(Instant.class, new IsoText<>(Instant.class, Instant::parse));
        module.addDeserializer(String.class, new ScalarText());
        return module;
    }

    /** A value that is ISO text only. */
    static final class IsoText<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;

        IsoText(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getString().trim();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "not an ISO-8601 value");
            }
        }
    }

    /** A string, or a scalar's text; never an array or an object. */
    static final class ScalarText extends StdScalarDeserializer<String> {

        ScalarText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_TRUE
                    || token == JsonToken.VALUE_FALSE) {
                return p.getString();
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
    }
}
