package io.attain.query.integration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attain.eventstore.LoggedEvent;
import io.attain.kernel.integration.EventType;
import io.attain.kernel.integration.EventTypes;

import java.util.Objects;
import java.util.Optional;

/**
 * The envelope every event leaves Attain in (issue 11, ADR 0011): a CloudEvents 1.0 JSON object, structured mode.
 * <pre>
 * {"specversion":"1.0","id":"&lt;event id&gt;","source":"&lt;source&gt;","type":"io.attain.deal.won.v1",
 *  "subject":"&lt;aggregate id&gt;","time":"&lt;recording time&gt;","datacontenttype":"application/json",
 *  "dataschema":"&lt;base url&gt;/api/v1/schemas/io.attain.deal.won.v1","data":{…payload…},
 *  "position":42,"sequence":"00000000000000000042"}
 * </pre>
 * {@code id} is the stored event's identifier (stable forever), {@code type} its public name from the kernel's
 * {@link EventTypes} registry, {@code time} the recording time, {@code data} the payload exactly as stored (decimals
 * kept as written, with its business time {@code occurredAt}); the extensions {@code position} (the global position, a
 * JSON integer) and {@code sequence} (the same, zero-padded to 20 digits so that it sorts as a string). Metadata
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

    private final String source;
    private final String baseUrl;

    /**
     * @param source  the CloudEvents {@code source} of every event (a URI reference, e.g. {@code urn:attain})
     * @param baseUrl the absolute URL Attain is reached at, without a trailing slash; {@code dataschema} links to
     *                its schemas endpoint
     */
    public CloudEvents(String source, String baseUrl) {
        this.source = Objects.requireNonNull(source);
        String base = Objects.requireNonNull(baseUrl);
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The public type of a stored event, empty when its payload type is not a registered kernel event. */
    public static Optional<EventType> typeOf(LoggedEvent event) {
        return EventTypes.byPayloadType(event.payloadType());
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
        node.set("data", data(event));
        node.put("position", event.position());
        node.put("sequence", sequence(event.position()));
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

    private static JsonNode data(LoggedEvent event) {
        try {
            return MAPPER.readTree(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored payload of " + event.eventId() + " is not JSON", e);
        }
    }
}
