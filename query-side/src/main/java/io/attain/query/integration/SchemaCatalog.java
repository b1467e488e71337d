package io.attain.query.integration;

import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import io.attain.kernel.common.Period;
import io.attain.kernel.integration.EventType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The integrator schemas (ADR 0011): one JSON Schema (draft 2020-12) per event type, generated from the kernel's
 * record with victools' jsonschema-generator (record components as properties, every property nullable, instants and
 * dates as strings, decimals as numbers, enums as their names, {@link Period} as its text form), with {@code $id} =
 * the CloudEvent's {@code dataschema}; the list of every type with its revision and category; and the AsyncAPI 3.0
 * document of the live stream and the webhooks channel. Generated once at start.
 */
public final class SchemaCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CloudEvents cloudEvents;
    private final Map<String, String> schemas = new LinkedHashMap<>();
    private final String list;
    private final String asyncApi;

    public SchemaCatalog(CloudEvents cloudEvents) {
        this.cloudEvents = cloudEvents;
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                                                                               OptionPreset.PLAIN_JSON)
                .with(Option.SCHEMA_VERSION_INDICATOR, Option.ADDITIONAL_FIXED_TYPES, Option.NULLABLE_FIELDS_BY_DEFAULT,
                      Option.STANDARD_FORMATS);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.getErasedType() == Period.class) {
                ObjectNode period = context.getGeneratorConfig().createObjectNode();
                period.put("type", "string");
                period.put("description", "a month (2017-05), a quarter (2017-Q2) or a year (2017)");
                return new CustomDefinition(period);
            }
            return null;
        });
        SchemaGenerator generator = new SchemaGenerator(config.build());
        ArrayNode types = JSON.createArrayNode();
        for (EventType type : cloudEvents.types()) {
            ObjectNode schema = generator.generateSchema(type.eventClass());
            ObjectNode ordered = JSON.createObjectNode();
            ordered.set("$schema", schema.get("$schema"));
            ordered.put("$id", cloudEvents.dataschema(type.name()));
            ordered.put("title", type.name());
            ordered.put("description", type.eventClass().getSimpleName() + ", revision " + type.revision()
                    + ", category " + type.category().id());
            schema.properties().forEach(e -> {
                if (!e.getKey().equals("$schema")) {
                    ordered.set(e.getKey(), e.getValue());
                }
            });
            schemas.put(type.name(), JSON.writeValueAsString(ordered));
            ObjectNode entry = types.addObject();
            entry.put("type", type.name());
            entry.put("revision", type.revision());
            entry.put("category", type.category().id());
            entry.put("schema", cloudEvents.dataschema(type.name()));
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("schemas", types);
        this.list = JSON.writeValueAsString(body);
        this.asyncApi = JSON.writeValueAsString(asyncApi());
    }

    /** {@code {"schemas":[{"type","revision","category","schema"}…]}}. */
    public String list() {
        return list;
    }

    /** The JSON Schema of a type's {@code data}. */
    public Optional<String> schema(String typeName) {
        return Optional.ofNullable(schemas.get(typeName));
    }

    /** The AsyncAPI 3.0 document. */
    public String asyncApiJson() {
        return asyncApi;
    }

    private ObjectNode asyncApi() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Attain events");
        info.put("version", "1");
        info.put("description", "Every event of Attain's log as a CloudEvents 1.0 JSON object (structured mode), in one "
                + "global order: id = the event id, type = a stable versioned name, subject = the aggregate id, "
                + "extensions position (integer) and sequence (20-digit string). Resume with the last position "
                + "handled; never past the safe head. Compensation events only to consumers granted that category.");
        doc.put("defaultContentType", "application/json");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode stream = channels.putObject("eventStream");
        stream.put("address", "/api/v1/events/stream");
        stream.put("title", "Server-sent events");
        stream.put("description", "GET /api/v1/events/stream?after=<position>[&type=<prefix>…], text/event-stream, "
                + "bearer token (ADMIN or INTEGRATOR). Each message: id = position, event = type, data = the "
                + "CloudEvent. Reconnect with Last-Event-ID to resume right after it. A keep-alive comment at least "
                + "every 15 s; a client too slow to keep up is disconnected and resumes with its last id.");
        ObjectNode webhooks = channels.putObject("webhooks");
        webhooks.put("address", "{webhookUrl}");
        webhooks.put("title", "Webhooks");
        webhooks.put("description", "POST of the CloudEvent to each registered URL, one in flight per webhook in "
                + "position order, at least once, signed per Standard Webhooks: headers webhook-id (the event id), "
                + "webhook-timestamp (Unix seconds), webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>).");
        webhooks.putObject("parameters").putObject("webhookUrl")
                .put("description", "the URL given when registering the webhook (POST /api/v1/webhooks)");
        ObjectNode streamMessages = stream.putObject("messages");
        ObjectNode webhookMessages = webhooks.putObject("messages");

        ObjectNode operations = doc.putObject("operations");
        operations.putObject("receiveEventStream").put("action", "receive")
                  .putObject("channel").put("$ref", "#/channels/eventStream");
        operations.putObject("receiveWebhook").put("action", "receive")
                  .putObject("channel").put("$ref", "#/channels/webhooks");

        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode webhookHeaders = components.putObject("schemas").putObject("WebhookHeaders");
        webhookHeaders.put("type", "object");
        ObjectNode headerProps = webhookHeaders.putObject("properties");
        headerProps.putObject("webhook-id").put("type", "string");
        headerProps.putObject("webhook-timestamp").put("type", "string");
        headerProps.putObject("webhook-signature").put("type", "string");
        for (EventType type : cloudEvents.types()) {
            ObjectNode message = messages.putObject(type.name());
            message.put("name", type.name());
            message.put("title", type.eventClass().getSimpleName());
            message.put("summary", "category " + type.category().id() + ", revision " + type.revision());
            message.put("contentType", "application/json");
            message.set("payload", envelopeSchema(type));
            streamMessages.putObject(type.name()).put("$ref", "#/components/messages/" + type.name());
            webhookMessages.putObject(type.name()).put("$ref", "#/components/messages/" + type.name());
        }
        return doc;
    }

    private ObjectNode envelopeSchema(EventType type) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        for (String field : new String[]{"specversion", "id", "source", "type", "time", "datacontenttype",
                                         "dataschema", "data", "position", "sequence", "revision"}) {
            required.add(field);
        }
        ObjectNode props = schema.putObject("properties");
        props.putObject("specversion").put("const", CloudEvents.SPEC_VERSION);
        props.putObject("id").put("type", "string");
        props.putObject("source").put("const", cloudEvents.source());
        props.putObject("type").put("const", type.name());
        props.putObject("subject").put("type", "string");
        props.putObject("time").put("type", "string").put("format", "date-time");
        props.putObject("datacontenttype").put("const", CloudEvents.CONTENT_TYPE);
        props.putObject("dataschema").put("const", cloudEvents.dataschema(type.name()));
        props.putObject("data").put("$ref", cloudEvents.dataschema(type.name()));
        props.putObject("position").put("type", "integer").put("minimum", 1);
        props.putObject("sequence").put("type", "string").put("pattern", "^[0-9]{20}$");
        props.putObject("revision").put("const", type.revision());
        return schema;
    }
}
