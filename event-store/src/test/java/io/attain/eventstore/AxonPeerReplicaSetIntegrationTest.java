package io.attain.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Axon's storage-engine tests ({@link AxonPeerSuite}) on a real MongoDB replica set with majority writes and reads.
 * Needs Docker: skipped where there is none, run by the GitHub Actions workflow.
 */
@Testcontainers(disabledWithoutDocker = true)
class AxonPeerReplicaSetIntegrationTest extends AxonPeerSuite {

    private static MongoDBContainer mongo;
    private static MongoClient client;
    private static int databases;

    @BeforeAll
    static void start() {
        mongo = new MongoDBContainer("mongo:8.0");
        mongo.start();
        client = MongoClients.create(MongoClientSettings.builder()
                                                       .applyConnectionString(new ConnectionString(mongo.getReplicaSetUrl()))
                                                       .writeConcern(WriteConcern.MAJORITY)
                                                       .readConcern(ReadConcern.MAJORITY)
                                                       .build());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.stop();
        }
    }

    @Override
    protected MongoDatabase freshDatabase() {
        return client.getDatabase("peer_" + (++databases));
    }
}
