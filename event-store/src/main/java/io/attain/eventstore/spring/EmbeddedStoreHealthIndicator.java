package io.attain.eventstore.spring;

import io.attain.eventstore.embedded.EmbeddedMongo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code embeddedStore}: UP with the store's directory, size on disk, compactions
 * and what start-up replayed; DOWN with the reason once the journal cannot write (disk full, I/O error).
 */
public class EmbeddedStoreHealthIndicator implements HealthIndicator {

    private final EmbeddedMongo store;

    public EmbeddedStoreHealthIndicator(EmbeddedMongo store) {
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder health = store.failure().map(reason -> Health.down().withDetail("reason", reason))
                                     .orElseGet(Health::up);
        if (store.directory() == null) {
            return health.withDetail("backend", "memory").build();
        }
        EmbeddedMongo.Recovery recovery = store.recovery();
        return health.withDetail("backend", "journal")
                     .withDetail("directory", store.directory().toString())
                     .withDetail("diskBytes", store.diskBytes())
                     .withDetail("compactions", store.compactions())
                     .withDetail("recoveredRecords", recovery.records())
                     .withDetail("recoveryMillis", recovery.millis())
                     .build();
    }
}
