package io.attain.query.integration;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads the feed's and snapshot's blocking log reads run on: a pool of their own, so that a long snapshot or
 * many feed readers never hold Reactor's shared bounded-elastic threads (where health indicators run).
 */
public final class IntegrationReads implements AutoCloseable {

    private final Scheduler scheduler = Schedulers.newBoundedElastic(
            Math.max(2, Runtime.getRuntime().availableProcessors()), 10_000, "attain-integration-read", 60, true);

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.dispose();
    }
}
