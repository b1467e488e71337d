package io.attain.eventstore.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file backend's BSON maps: every kind of id and document survives a restart; unique indexes still hold. */
class EmbeddedFileFormatTest {

    @Test
    void documentsOfEveryIdTypeAndUniqueIndexesSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("attain.mv");
        ObjectId objectId = new ObjectId();
        List<Object> ids = List.of("text-id", 42L, 7, objectId, new Document("a", 1).append("b", "x"));
        Document body = new Document("name", "Ünïcödé").append("amount", new Decimal128(new BigDecimal("1234.50")))
                                                      .append("nested", new Document("list", List.of(1, "two", 3.0)));
        try (EmbeddedMongo server = EmbeddedMongo.file(file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("format").getCollection("docs");
            docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            int n = 0;
            for (Object id : ids) {
                docs.insertOne(new Document(body).append("_id", id).append("key", "k" + n++));
            }
        }
        try (EmbeddedMongo server = EmbeddedMongo.file(file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("format").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(ids.size());
            for (Object id : ids) {
                Document found = docs.find(new Document("_id", id)).first();
                assertThat(found).as("document " + id).isNotNull();
                assertThat(found.get("amount")).isEqualTo(new Decimal128(new BigDecimal("1234.50")));
                assertThat(found.get("name")).isEqualTo("Ünïcödé");
                assertThat(found.get("nested", Document.class).getList("list", Object.class)).containsExactly(1, "two", 3.0);
            }
            assertThat(docs.find(new Document("key", "k3")).first()).extracting(d -> d.get("_id")).isEqualTo(objectId);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "another").append("key", "k1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 42L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void aFileOfTheOlderJavaSerialisedFormatIsRefusedWithAClearMessage(@TempDir Path dir) {
        Path file = dir.resolve("old.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer old = new MongoServer(new H2Backend(store));
        var address = old.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase("format").getCollection("docs").insertOne(new Document("_id", "x"));
        } finally {
            old.shutdownNow();
        }

        assertThatThrownBy(() -> EmbeddedMongo.file(file))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("older Attain")
                .hasMessageContaining(file.getFileName().toString());
    }
}
