package io.attain.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.attain.eventstore.embedded.EmbeddedMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's read paths bring a payload stored at an old revision to the current one (issue 11, ADR 0011
 * "Evolution"): the aggregate load, the tracking read and {@code readLog} all see the same upcast form; writes record
 * the current revision; the stored document is never changed; a revision no upcaster reads is refused.
 */
class PayloadRevisionsTest {

    /** Revision 1 stored {@code text}; revision 2 calls it {@code body}. */
    @Revision("2")
    record Memo(String memoId, String body, BigDecimal amount) {
    }

    /** Upcasts {@link Memo} from revision 1 (renames {@code text}); refuses any other old revision. */
    static final PayloadRevisions MEMO = new PayloadRevisions() {
        @Override
        public String currentRevision(String payloadType) {
            return payloadType.equals(Memo.class.getName()) ? "2" : null;
        }

        @Override
        public boolean isCurrent(String payloadType, String storedRevision) {
            return !payloadType.equals(Memo.class.getName()) || "2".equals(storedRevision);
        }

        @Override
        public Upcast upcast(String payloadType, String storedRevision, Map<String, Object> payload) {
            if (!"1".equals(storedRevision)) {
                throw new IllegalArgumentException("no upcaster reads revision " + storedRevision);
            }
            payload.put("body", payload.remove("text"));
            return new Upcast("2", payload);
        }
    };

    static EmbeddedMongo server;
    static MongoClient client;
    static int databases;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory();
        client = StoreFixture.client(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private MongoDatabase database() {
        return client.getDatabase("revisions_" + (++databases));
    }

    /** Appends a memo at the current revision, then makes its stored form what revision 1 wrote. */
    private static long storeRevisionOne(MongoEventStorageEngine engine, MongoDatabase db, String memoId) {
        engine.appendEvents(List.<EventMessage<?>>of(new GenericDomainEventMessage<>(
                "Memo", memoId, 0, new Memo(memoId, "placeholder", BigDecimal.ONE))));
        Document commit = db.getCollection("events").find(eq("aggregateId", memoId)).first();
        assertThat(commit.getList("events", Document.class).get(0).getString("payloadRevision"))
                .as("a write records the current revision").isEqualTo("2");
        db.getCollection("events").updateOne(eq("_id", commit.get("_id")), combine(
                set("events.0.payloadRevision", "1"),
                set("events.0.payload", "{\"memoId\":\"" + memoId + "\",\"text\":\"hello\",\"amount\":1000.50}")));
        return commit.getLong("_id");
    }

    @Test
    void aggregateLoadTrackingReadAndLogReadAllSeeTheUpcastPayload() {
        MongoDatabase db = database();
        MongoEventStorageEngine engine = new StoreFixture().builder(db).payloadRevisions(MEMO).build();
        long position = storeRevisionOne(engine, db, "memo-1");

        DomainEventMessage<?> loaded = engine.readEvents("memo-1").asStream().findFirst().orElseThrow();
        assertThat(loaded.getPayload()).isEqualTo(new Memo("memo-1", "hello", new BigDecimal("1000.50")));

        Object tracked = StoreFixture.readAll(engine, null).events().get(0).getPayload();
        assertThat(tracked).isEqualTo(new Memo("memo-1", "hello", new BigDecimal("1000.50")));

        LoggedEvent logged = engine.readLog(0, 100).events().get(0);
        assertThat(logged.position()).isEqualTo(position);
        assertThat(logged.payloadRevision()).isEqualTo("2");
        assertThat(logged.payload()).contains("\"body\":\"hello\"").contains("1000.50").doesNotContain("text");

        Document stored = db.getCollection("events").find(eq("_id", position)).first()
                            .getList("events", Document.class).get(0);
        assertThat(stored.getString("payloadRevision")).as("the stored event keeps its revision").isEqualTo("1");
        assertThat(stored.getString("payload")).contains("\"text\":\"hello\"");
    }

    @Test
    void withoutRevisionsTheOldPayloadIsReadAsStored() {
        MongoDatabase db = database();
        MongoEventStorageEngine engine = new StoreFixture().engine(db);
        storeRevisionOne(engine, db, "memo-2");

        assertThat(engine.readLog(0, 100).events().get(0).payloadRevision()).isEqualTo("1");
        // the current record cannot read what revision 1 wrote (the fixture's serializer refuses unknown fields)
        assertThatThrownBy(() -> engine.readEvents("memo-2").asStream().findFirst().orElseThrow().getPayload())
                .hasStackTraceContaining("\"text\"");
    }

    @Test
    void aRevisionNoUpcasterReadsIsRefusedOnEveryPath() {
        MongoDatabase db = database();
        MongoEventStorageEngine engine = new StoreFixture().builder(db).payloadRevisions(MEMO).build();
        long position = storeRevisionOne(engine, db, "memo-3");
        db.getCollection("events").updateOne(eq("_id", position), set("events.0.payloadRevision", "7"));

        assertThatThrownBy(() -> engine.readLog(0, 100)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("position " + position).hasMessageContaining("revision 7");
        assertThatThrownBy(() -> engine.readEvents("memo-3").asStream().findFirst().orElseThrow().getPayload())
                .hasStackTraceContaining("revision 7");
    }
}
