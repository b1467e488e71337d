package io.attain.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.attain.eventstore.embedded.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.attain.eventstore.TestEvents.commit;
import static io.attain.eventstore.TestEvents.incremented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conformance suite on the embedded wire server, durable (journaled) backend; plus restart durability (9). */
class EmbeddedFileConformanceTest extends EventStoreConformance {

    @TempDir
    static Path dir;
    private static EmbeddedMongo server;
    private static MongoClient client;
    private static int databases;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.durable(dir.resolve("conformance"));
        client = StoreFixture.client(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Override
    protected MongoDatabase freshDatabase() {
        return client.getDatabase("conformance_" + (++databases));
    }

    /** The file backend is slower; the heavy tests run at a tenth of the size here (full size on memory). */
    @Override
    protected double scale() {
        return 0.1;
    }

    @Test
    void fileStoreKeepsEventsPositionsAndIndexesAcrossARestart(@TempDir Path restartDir) {
        Path file = restartDir.resolve("store");
        try (EmbeddedMongo first = EmbeddedMongo.durable(file); MongoClient c = StoreFixture.client(first.connectionString())) {
            MongoEventStorageEngine e = fixture.engine(c.getDatabase("attain"));
            e.appendEvents(commit("deal-9", 0, 3));
            e.appendEvents(incremented("deal-10", 0));
        }
        try (EmbeddedMongo second = EmbeddedMongo.durable(file); MongoClient c = StoreFixture.client(second.connectionString())) {
            MongoEventStorageEngine e = fixture.engine(c.getDatabase("attain"));
            assertThat(StoreFixture.readAll(e, null).positions()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(e.readEvents("deal-9").asStream().count()).isEqualTo(3);
            // the unique index survived: a stale writer is still refused
            e.appendEvents(incremented("deal-9", 3));
            assertThatThrownBy(() -> e.appendEvents(incremented("deal-9", 3)))
                    .isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);
            // and the counter continues (the stale writer, whose sequence number this engine had seen written, was
            // refused before it allocated a position)
            e.appendEvents(incremented("deal-9", 4));
            assertThat(StoreFixture.readAll(e, null).positions()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(e.readEvents("deal-9").asStream().count()).isEqualTo(5);
        }
    }
}
