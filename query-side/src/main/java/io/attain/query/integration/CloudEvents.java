package io.attain.query.integration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attain.eventstore.LoggedEvent;
import io.attain.kernel.integration.EventRevisions;
import io.attain.kernel.integration.EventType;
import io.attain.kernel.integration.EventTypes;

import java.util.List;

import java.util.Objects;
import java.util.Optional;

/**
 * The envelope every event leaves Attain in (issue 11, ADR 0011): a CloudEvents 1.0 JSON object, structured mode.
 * <pre>
 * {"specversion":"1.0","id":"&lt;event id&gt;","source":"&lt;source&gt;","type":"io.attain.deal.won.v1",
 *  "subject":"&lt;aggregate id&gt;","time":"&lt;recording time&gt;","datacontenttype":"application/json",
 *  "dataschema":"&lt;base url&gt;/api/v1/schemas/io.attain.deal.won.v1","data":{…payload…},
 *  "position":42,"sequence":"00000000000000000042","revision":"1"}
 * </pre>
 * {@code id} is the stored event's identifier (stable forever), {@code type} its public name from the kernel's
 * {@link EventTypes} registry, {@code time} the recording time, {@code data} the payload (see {@link #data}: instants
 * and dates as ISO-8601 text, decimals kept as written, with its business time {@code occurredAt}); the extensions {@code position} (the global position, a
 * JSON integer), {@code sequence} (the same, zero-padded to 20 digits so that it sorts as a string) and
 * {@code revision} (the revision of {@code data}: always the type's current one, whose schema {@code dataschema} is;
 * the engine's {@code readLog} upcasts events stored at an older revision, ADR 0011 "Evolution"). Metadata
 * (correlation ids, users) is not published. Only events of a registered type have an envelope.
 * <p>
 * The JSON text from {@link #json} is what the feed, the stream and webhook bodies carry: one serialisation, so a
 * signature over it holds byte for byte.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** Path of the schemas endpoint under the base URL; {@code dataschema} = base URL + this + type. */
    public static final String SCHEMA_PATH = "/api/v1/schemas/";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    /** Reads stored payloads as Axon wrote them (instants as epoch seconds, dates as arrays, or ISO text). */
    private static final JsonMapper PAYLOAD_READER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    /** Writes the published form: instants and dates as ISO-8601 text, decimals as written. */
    private static final JsonMapper PAYLOAD_WRITER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final String source;
    private final String baseUrl;
    private final EventRevisions revisions;

    /**
     * @param source  the CloudEvents {@code source} of every event (a URI reference, e.g. {@code urn:attain})
     * @param baseUrl the absolute URL Attain is reached at, without a trailing slash; {@code dataschema} links to
     *                its schemas endpoint
     */
    public CloudEvents(String source, String baseUrl) {
        this(source, baseUrl, EventRevisions.kernel());
    }

    /**
     * @param revisions the published types (the kernel's and any added by configuration) and their revisions
     */
    public CloudEvents(String source, String baseUrl, EventRevisions revisions) {
        this.revisions = Objects.requireNonNull(revisions);
        this.source = Objects.requireNonNull(source);
        String base = Objects.requireNonNull(baseUrl);
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The public type of a stored event, empty when its payload type is not a registered event type. */
    public Optional<EventType> typeOf(LoggedEvent event) {
        return revisions.byPayloadType(event.payloadType());
    }

    /** The type with this public name. */
    public Optional<EventType> byName(String name) {
        return revisions.byName(name);
    }

    /** Every published type: the kernel's {@link EventTypes} and any added by configuration. */
    public List<EventType> types() {
        return revisions.types();
    }

    /** The position zero-padded to 20 digits: the {@code sequence} extension. */
    public static String sequence(long position) {
        return String.format("%020d", position);
    }

    public String source() {
        return source;
    }

    /** The {@code dataschema} of a type: the URL of its JSON Schema. */
    public String dataschema(String typeName) {
        return baseUrl + SCHEMA_PATH + typeName;
    }

    /**
     * The CloudEvent of a stored event as a JSON tree.
     *
     * @throws IllegalArgumentException when the event's payload type is not registered ({@link #typeOf} is empty)
     */
    public ObjectNode envelope(LoggedEvent event) {
        EventType type = typeOf(event).orElseThrow(() -> new IllegalArgumentException(
                "Event " + event.eventId() + " at position " + event.position() + " has no public type ("
                        + event.payloadType() + ")"));
        ObjectNode node = MAPPER.createObjectNode();
        node.put("specversion", SPEC_VERSION);
        node.put("id", event.eventId());
        node.put("source", source);
        node.put("type", type.name());
        if (event.aggregateId() != null) {
            node.put("subject", event.aggregateId());
        }
        node.put("time", event.timestamp().toString());
        node.put("datacontenttype", CONTENT_TYPE);
        node.put("dataschema", dataschema(type.name()));
        node.set("data", data(event, Optional.of(type)));
        node.put("position", event.position());
        node.put("sequence", sequence(event.position()));
        node.put("revision", type.revision());
        return node;
    }

    /** The CloudEvent of a stored event as JSON text (what the feed, the stream and webhooks send). */
    public String json(LoggedEvent event) {
        try {
            return MAPPER.writeValueAsString(envelope(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the CloudEvent of " + event.eventId(), e);
        }
    }

    /**
     * The published {@code data} of a stored event: the payload read into its kernel record and written with instants
     * and dates as ISO-8601 text ({@code "2017-03-01T10:15:30Z"}, {@code "2017-06-01"}), decimals as stored. A payload
     * its record cannot read (it should not happen: kernel records stay readable, ADR 0011) is published as stored.
     * The payload is expected at the type's current revision ({@code readLog} upcasts older ones).
     */
    public static JsonNode data(LoggedEvent event) {
        return data(event, EventTypes.byPayloadType(event.payloadType()));
    }

    private static JsonNode data(LoggedEvent event, Optional<EventType> type) {
        if (type.isPresent()) {
            try {
                Object payload = PAYLOAD_READER.readValue(event.payload(), type.get().eventClass());
                return PAYLOAD_WRITER.valueToTree(payload);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // fall through: as stored
            }
        }
        try {
            return MAPPER.readTree(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored payload of " + event.eventId() + " is not JSON", e);
        }
    }
}
