package io.attain.standalone;

import io.attain.eventstore.MongoEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone app starts on the embedded default, answers health, and stores events in Attain's engine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "attain.embedded.backend=memory")
@AutoConfigureWebTestClient(timeout = "60s")
class StandaloneIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    TokenStore tokenStore;

    @Test
    void healthIsUpWithoutCredentials() {
        web.get().uri("/actuator/health").exchange()
           .expectStatus().isOk()
           .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void axonUsesAttainsEngineAndTheMongoTokenStore() {
        assertThat(engine).isInstanceOf(MongoEventStorageEngine.class);
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
    }
}
