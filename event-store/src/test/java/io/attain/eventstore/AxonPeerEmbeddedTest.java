package io.attain.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.attain.eventstore.embedded.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Axon's storage-engine tests ({@link AxonPeerSuite}) on the embedded wire server, memory backend. */
class AxonPeerEmbeddedTest extends AxonPeerSuite {

    private static EmbeddedMongo server;
    private static MongoClient client;
    private static int databases;

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

    @Override
    protected MongoDatabase freshDatabase() {
        return client.getDatabase("peer_" + (++databases));
    }
}
