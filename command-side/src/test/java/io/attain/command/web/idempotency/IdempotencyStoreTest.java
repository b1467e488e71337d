package io.attain.command.web.idempotency;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.attain.command.web.idempotency.IdempotencyStore.Claim;
import io.attain.eventstore.embedded.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyStoreTest {

    private static EmbeddedMongo server;
    private static MongoClient client;
    private static IdempotencyStore store;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
        store = new IdempotencyStore(client.getDatabase("idempotency-test"));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theFirstClaimRunsAndASecondWaitsForIt() {
        String key = key();
        assertThat(store.claim("anna", key, "f1")).isInstanceOf(Claim.Started.class);
        assertThat(store.claim("anna", key, "f1")).isInstanceOf(Claim.InProgress.class);
        assertThat(store.claim("anna", key, "f2")).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void aCompletedKeyRepeatsItsAnswer() {
        String key = key();
        store.claim("anna", key, "f1");
        store.complete("anna", key, 201, "application/json", "/api/v1/regions/r", "{\"version\":0}".getBytes(StandardCharsets.UTF_8));

        Claim again = store.claim("anna", key, "f1");
        assertThat(again).isInstanceOfSatisfying(Claim.Completed.class, completed -> {
            assertThat(completed.status()).isEqualTo(201);
            assertThat(completed.location()).isEqualTo("/api/v1/regions/r");
            assertThat(completed.contentType()).isEqualTo("application/json");
            assertThat(new String(completed.body(), StandardCharsets.UTF_8)).isEqualTo("{\"version\":0}");
        });
        assertThat(store.claim("anna", key, "f2")).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void aReleasedKeyIsFreeAgainButACompletedOneIsNotReleased() {
        String key = key();
        store.claim("anna", key, "f1");
        store.release("anna", key);
        assertThat(store.claim("anna", key, "f2")).isInstanceOf(Claim.Started.class);

        store.complete("anna", key, 200, null, null, new byte[0]);
        store.release("anna", key);
        assertThat(store.claim("anna", key, "f2")).isInstanceOf(Claim.Completed.class);
    }

    @Test
    void keysArePerPrincipalAndPrincipalsCannotCollide() {
        String key = key();
        assertThat(store.claim("anna", key, "f1")).isInstanceOf(Claim.Started.class);
        assertThat(store.claim("boris", key, "f1")).isInstanceOf(Claim.Started.class);
        assertThat(IdempotencyStore.id("a/b", "c")).isNotEqualTo(IdempotencyStore.id("a", "b/c"));
    }

    @Test
    void keysAreVisibleAscii() {
        assertThat(IdempotencyFilter.isValid("9f1c-2b7e_ABC.~")).isTrue();
        assertThat(IdempotencyFilter.isValid("")).isFalse();
        assertThat(IdempotencyFilter.isValid("with space")).isFalse();
        assertThat(IdempotencyFilter.isValid("ümlaut")).isFalse();
        assertThat(IdempotencyFilter.isValid("k".repeat(256))).isFalse();
    }
}
