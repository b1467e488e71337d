package io.attain.command.web;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads commands wait on: a command blocks while the store makes its append durable (and the
 * idempotency filter while it records or completes its key), so commands get their own bounded pool.
 *
 * <p>They used to share Reactor's {@code boundedElastic()} (10 threads per core), which Spring Boot also
 * uses to run the blocking health indicators: 16 concurrent import commands waiting for the journal's
 * fsync held most of its threads, and a health probe queued behind them for over two seconds. A pool of
 * its own keeps health answers (and everything else on the shared pool) independent of the write load.
 */
public final class CommandScheduler {

    /** Enough threads for the clients the command API serves at once; more wait in the queue. */
    static final int THREADS = Math.max(32, 8 * Runtime.getRuntime().availableProcessors());
    static final int QUEUED = 100_000;

    private static final Scheduler COMMANDS =
            Schedulers.newBoundedElastic(THREADS, QUEUED, "attain-commands", 60, true);

    private CommandScheduler() {
    }

    public static Scheduler commands() {
        return COMMANDS;
    }
}
