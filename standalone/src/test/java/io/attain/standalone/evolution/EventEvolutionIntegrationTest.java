package io.attain.standalone.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.attain.eventstore.embedded.EmbeddedMongo;
import io.attain.standalone.AttainApplication;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store written when {@link NoteWritten} was at revision 1 (a commit document of the shape the engine writes,
 * inserted straight into the {@code events} collection before the app starts), read by today's app at revision 3
 * (issue 11, ADR 0011 "Evolution"): the feed and the live stream serve the upcast payload with the current revision
 * and its schema; an aggregate's load and a projection's tracking processor see the same upcast record; the stored
 * event keeps revision 1; a new write records revision 3.
 */
class EventEvolutionIntegrationTest {

    static final String TOKEN = "evolution-admin-token-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    /** What Attain wrote for a note at revision 1: one commit at position 1 (and the counter and format marker). */
    private static void storeRevisionOneNote(MongoDatabase db) {
        db.getCollection("event_positions").insertOne(new Document("_id", "format").append("keys", "per-event"));
        db.getCollection("event_positions").insertOne(new Document("_id", "global").append("value", 1L));
        Instant at = Instant.parse("2026-06-01T09:30:00Z");
        db.getCollection("events").insertOne(new Document("_id", 1L)
                .append("last", 1L).append("aggregateId", "note-1").append("aggregateType", "Note")
                .append("seq", 0L).append("lastSeq", 0L).append("key", "note-1/0").append("ids", "note-event-1")
                .append("at", Date.from(at))
                .append("events", List.of(new Document("eventId", "note-event-1").append("seq", 0L)
                        .append("timestamp", at.toString())
                        .append("payloadType", NoteWritten.class.getName())
                        .append("payloadRevision", "1")
                        .append("payload", "{\"noteId\":\"note-1\",\"text\":\"#crm #q2 call back\"}")
                        .append("metaData", "{}"))));
    }

    @Test
    void anEventStoredAtRevisionOneIsReadEverywhereAtRevisionThree() throws Exception {
        EmbeddedMongo store = EmbeddedMongo.inMemory();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            storeRevisionOneNote(client.getDatabase("attain"));
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AttainApplication.class,
                                                                               EvolutionTestConfiguration.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("attainEmbeddedMongo", store))
                .properties("axoniq.update-checker.disabled=true", "spring.main.banner-mode=off",
                            "attain.integration.base-url=http://attain.test")
                .run("--attain.data-dir=" + dataDir, "--server.port=0", "--ATTAIN_ADMIN_TOKEN=" + TOKEN)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            NoteWritten upcast = new NoteWritten("note-1", "call back", List.of("crm", "q2"));

            // the feed
            JsonNode page = JSON.readTree(get(http, port, "/api/v1/events?after=0&type=io.attain.test.").body());
            assertThat(page.get("events")).hasSize(1);
            JsonNode ce = page.get("events").get(0);
            assertThat(ce.get("type").asText()).isEqualTo(EvolutionTestConfiguration.TYPE);
            assertThat(ce.get("position").asLong()).isEqualTo(1);
            assertThat(ce.get("id").asText()).isEqualTo("note-event-1");
            assertThat(ce.get("revision").asText()).isEqualTo("3");
            assertThat(ce.get("dataschema").asText())
                    .isEqualTo("http://attain.test/api/v1/schemas/" + EvolutionTestConfiguration.TYPE);
            assertThat(ce.get("data")).isEqualTo(JSON.readTree(
                    "{\"noteId\":\"note-1\",\"body\":\"call back\",\"tags\":[\"crm\",\"q2\"]}"));

            // the live stream: the same CloudEvent
            assertThat(JSON.readTree(firstStreamData(http, port))).isEqualTo(ce);

            // the schema list: the type at its current revision; its schema is the current record's
            JsonNode schemas = JSON.readTree(get(http, port, "/api/v1/schemas").body()).get("schemas");
            assertThat(schemas).anySatisfy(s -> {
                assertThat(s.get("type").asText()).isEqualTo(EvolutionTestConfiguration.TYPE);
                assertThat(s.get("revision").asText()).isEqualTo("3");
            });
            JsonNode schema = JSON.readTree(get(http, port, "/api/v1/schemas/" + EvolutionTestConfiguration.TYPE)
                                                    .body());
            assertThat(schema.get("properties").has("tags")).isTrue();
            assertThat(schema.get("properties").has("text")).isFalse();

            // an aggregate's load (EventSourcingRepository reads these) and a projection's tracking processor
            EventStore eventStore = app.getBean(EventStore.class);
            assertThat(eventStore.readEvents("note-1").asStream().map(e -> (Object) e.getPayload()).toList())
                    .containsExactly(upcast);
            EvolutionTestConfiguration.NoteProjection projection =
                    app.getBean(EvolutionTestConfiguration.NoteProjection.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> !projection.seen.isEmpty());
            assertThat(projection.seen).containsExactly(upcast);

            // the stored event is never rewritten
            MongoDatabase db = app.getBean(MongoDatabase.class);
            Document stored = db.getCollection("events").find(eq("_id", 1L)).first()
                                .getList("events", Document.class).get(0);
            assertThat(stored.getString("payloadRevision")).isEqualTo("1");
            assertThat(stored.getString("payload")).contains("\"text\"");

            // a write records the current revision, and is read as written
            NoteWritten fresh = new NoteWritten("note-1", "second", List.of("x"));
            eventStore.publish(new GenericDomainEventMessage<>("Note", "note-1", 1, fresh));
            Document written = db.getCollection("events").find(eq("key", "note-1/1")).first()
                                 .getList("events", Document.class).get(0);
            assertThat(written.getString("payloadRevision")).isEqualTo("3");
            assertThat(eventStore.readEvents("note-1").asStream().map(e -> (Object) e.getPayload()).toList())
                    .containsExactly(upcast, fresh);
            await().atMost(Duration.ofSeconds(30)).until(() -> projection.seen.size() == 2);
            assertThat(projection.seen).containsExactly(upcast, fresh);
        } finally {
            store.close();
        }
    }

    /** The {@code data:} of the first message of {@code /api/v1/events/stream?after=0&type=io.attain.test.}. */
    private static String firstStreamData(HttpClient http, int port) throws Exception {
        HttpResponse<Stream<String>> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                                          + "/api/v1/events/stream?after=0&type=io.attain.test."))
                           .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN)
                           .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    return line.substring("data:".length());
                }
            }
        }
        throw new AssertionError("the stream ended without a message");
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                           .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }
}
