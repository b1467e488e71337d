package io.attain.query.projection;

import io.attain.eventstore.spring.StreamingProcessors;
import org.axonframework.eventhandling.StreamingEventProcessor;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs the projections' processors — one pooled streaming processor per projection <em>generation</em> — and
 * rebuilds projections without downtime (ADR 0004).
 *
 * <p>Each instance runs a supervisor that, every {@link Settings#pollInterval}, reads every projection's pointer
 * ({@link Generations}) and makes the local processors match it: the active generation's processor, plus the
 * processor of the generation being rebuilt while a rebuild runs; any other is shut down. Every instance starts the
 * same processors; the token store's claims let one of them process each. A rebuild's processor starts from the tail
 * of the log into empty collections of a new generation, with a token of its own. Once its stored token has reached
 * both the head at the start of the rebuild and the active generation's stored token, one instance switches the
 * pointer (one conditional update): queries read the new generation from then on, its processor simply continues as
 * the live one (it never stops, so no event is lost or applied twice), the former processor is shut down on every
 * instance, and after {@link Settings#retireGrace} its collections, tokens and journal are dropped.
 */
public final class ProjectionRuntime implements StreamingProcessors {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRuntime.class);

    /** A projection: its processing group, its (logical) collections, and how to build one for a store. */
    public record Definition(String name, List<String> collections, Function<ProjectionStore, Projection> factory) {
    }

    /**
     * @param batchSize                events per batch
     * @param tokenClaimIntervalMillis how often an idle processor looks for its released segment
     * @param cacheSize                documents cached per collection
     * @param pollInterval             how often the supervisor compares the local processors with the pointers
     * @param retireGrace              how long after a switch the former generation is kept (queries that read it
     *                                 just before the switch, processors on instances that have not noticed yet)
     */
    public record Settings(int batchSize, long tokenClaimIntervalMillis, int cacheSize, Duration pollInterval,
                           Duration retireGrace) {
    }

    /** The projection has a rebuild in progress. */
    public static final class RebuildInProgressException extends RuntimeException {
        private final List<String> projections;

        public RebuildInProgressException(List<String> projections) {
            super("a rebuild is already in progress for " + String.join(", ", projections));
            this.projections = List.copyOf(projections);
        }

        public List<String> projections() {
            return projections;
        }
    }

    /** No projection of that name. */
    public static final class UnknownProjectionException extends RuntimeException {
        public UnknownProjectionException(String name) {
            super("no projection named " + name);
        }
    }

    /** A started rebuild: its id, and the projections it rebuilds with their new generation. */
    public record Started(String id, long headAtStart, Map<String, Integer> generations) {
    }

    /** Progress of a rebuild, for the admin API. */
    public record Progress(String id, int generation, String state, Instant startedAt, Instant finishedAt,
                           long headAtStart, long position, long eventsProcessed, double percent,
                           double eventsPerSecond) {
    }

    /** Status of a projection, for the admin API. */
    public record Status(String name, int generation, String processor, long livePosition, boolean rebuildInProgress,
                         Progress rebuild, Progress lastRebuild) {
    }

    private record Instance(ProjectionStore store, Projection projection) {
    }

    private record Running(int generation, PooledStreamingEventProcessor processor, DeadLetters.Invoker invoker,
                           ScheduledExecutorService coordinator, ScheduledExecutorService worker) {
    }

    /** Dead letters cannot be retried here now (the processor runs on another instance, or not at all). */
    public static final class DeadLetterRetryUnavailableException extends RuntimeException {
        public DeadLetterRetryUnavailableException(String message) {
            super(message);
        }
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final MongoDatabase database;
    private final BatchJournal journal;
    private final Generations generations;
    private final ReadModelPositions positions;
    private final Settings settings;
    private final DeadLetters deadLetters;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile Configuration axon;
    private volatile TokenStore tokenStore;
    private volatile StreamableMessageSource<TrackedEventMessage<?>> source;
    private ScheduledExecutorService supervisor;
    private ScheduledFuture<?> polling;
    private volatile boolean holdSwitches;

    public ProjectionRuntime(List<Definition> definitions, MongoDatabase database, BatchJournal journal,
                             Generations generations, ReadModelPositions positions, Settings settings) {
        for (Definition d : definitions) {
            this.definitions.put(d.name(), d);
        }
        this.database = database;
        this.journal = journal;
        this.generations = generations;
        this.positions = positions;
        this.settings = settings;
        this.deadLetters = new DeadLetters(database);
    }

    /** Starts the processors with Axon's configuration (inbound event connectors phase) and stops them with it. */
    public void attach(Configurer configurer) {
        configurer.onInitialize(config -> {
            config.onStart(Phase.INBOUND_EVENT_CONNECTORS, () -> start(config));
            config.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::stop);
        });
    }

    public List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    public Generations generations() {
        return generations;
    }

    /** Starts the processors the pointers ask for, and the supervisor. */
    public synchronized void start(Configuration configuration) {
        this.axon = configuration;
        this.tokenStore = configuration.getComponent(TokenStore.class);
        this.source = configuration.eventStore();
        deadLetters.serializer(configuration.serializer());
        for (String name : definitions.keySet()) {
            generations.ensure(name);
        }
        reconcile();
        supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "projection-supervisor");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        polling = supervisor.scheduleWithFixedDelay(this::reconcileQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops the supervisor and every processor of this instance. */
    public void stop() {
        synchronized (this) {
            if (polling != null) {
                polling.cancel(false);
                supervisor.shutdown();
                polling = null;
            }
        }
        for (String processor : new ArrayList<>(running.keySet())) {
            stopProcessor(processor);
        }
    }

    /**
     * While held, no rebuild switches (it keeps following the log as a second processor): an operations and test
     * seam, e.g. to look at a rebuilt generation before it goes live.
     */
    public void holdSwitches(boolean hold) {
        this.holdSwitches = hold;
        if (!hold && axon != null) {
            reconcileQuietly();
        }
    }

    /**
     * The active generation's processor of each projection, by projection name; {@code null} for a projection whose
     * processor does not run on this instance (yet).
     */
    @Override
    public Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> active = new LinkedHashMap<>();
        for (String name : definitions.keySet()) {
            Running r = running.get(Generations.processorName(name, generations.read(name).active()));
            active.put(name, r == null ? null : r.processor());
        }
        return active;
    }

    /** The running processor of the projection's active generation on this instance. */
    public PooledStreamingEventProcessor processor(String name) {
        Running r = running.get(Generations.processorName(name, generations.read(name).active()));
        if (r == null) {
            throw new IllegalStateException("processor of " + name + " is not running here");
        }
        return r.processor();
    }

    /**
     * {@code true} if the processor (by processor name, i.e. one generation) runs on this instance and holds a claim
     * on its one segment, not in an error state: then this instance writes the read model.
     */
    public boolean claimsAllSegments(String processorName) {
        Running r = running.get(processorName);
        if (r == null) {
            return false;
        }
        Map<Integer, org.axonframework.eventhandling.EventTrackerStatus> status = r.processor().processingStatus();
        org.axonframework.eventhandling.EventTrackerStatus root = status.get(0);
        return status.size() == 1 && root != null && root.getSegment().getMask() == 0 && !root.isErrorState();
    }

    /** The projection instance of the active generation (created if needed). */
    public Projection projection(String name) {
        return instance(definition(name), generations.read(name).active()).projection();
    }

    private Definition definition(String name) {
        Definition d = definitions.get(name);
        if (d == null) {
            throw new UnknownProjectionException(name);
        }
        return d;
    }

    // --------------------------------------------------------------------------------------------------- rebuild

    /**
     * Starts a rebuild of one projection or of {@code all}: each into a new generation, from the tail of the log.
     *
     * @throws RebuildInProgressException if one of them is being rebuilt already
     * @throws UnknownProjectionException if there is no such projection
     */
    public Started rebuild(String nameOrAll) {
        List<String> names = "all".equals(nameOrAll) ? names() : List.of(definition(nameOrAll).name());
        List<String> busy = new ArrayList<>();
        Map<String, Generations.Pointer> seen = new LinkedHashMap<>();
        for (String name : names) {
            Generations.Pointer p = generations.read(name);
            if (p.rebuild() != null) {
                busy.add(name);
            }
            seen.put(name, p);
        }
        if (!busy.isEmpty()) {
            throw new RebuildInProgressException(busy);
        }
        String id = UUID.randomUUID().toString();
        long head = headPosition();
        Map<String, Integer> started = new LinkedHashMap<>();
        for (String name : names) {
            Generations.Pointer p = seen.get(name);
            int generation = Math.max(p.next(), p.active()) + 1;
            // nothing of a generation is ever left behind, but an earlier crash could have: start clean
            drop(name, generation);
            Generations.Rebuild r = generations.begin(p, generation, id, head);
            if (r == null) {
                if (started.isEmpty()) {
                    throw new RebuildInProgressException(List.of(name));
                }
                log.warn("Rebuild {}: {} changed meanwhile; not rebuilt", id, name);
                continue;
            }
            started.put(name, generation);
            log.info("Rebuild {} of {} into generation {} started (head at {})", id, name, generation, head);
        }
        reconcileQuietly();
        return new Started(id, head, started);
    }

    /** Abandons a running rebuild (its generation is dropped); {@code false} if none runs. */
    public boolean abandon(String name) {
        definition(name);
        boolean abandoned = generations.abandon(name);
        reconcileQuietly();
        return abandoned;
    }

    /** The status of every projection. */
    public List<Status> status() {
        List<Status> all = new ArrayList<>();
        for (String name : definitions.keySet()) {
            all.add(status(name));
        }
        return all;
    }

    public Status status(String name) {
        definition(name);
        Generations.Pointer p = generations.read(name);
        String processor = Generations.processorName(name, p.active());
        return new Status(name, p.active(), processor, position(processor), p.rebuild() != null,
                          progress(p.rebuild()), progress(p.last()));
    }

    private Progress progress(Generations.Rebuild r) {
        if (r == null) {
            return null;
        }
        Instant end = r.finishedAt() != null ? r.finishedAt() : generations.now();
        double seconds = Math.max(0.001, Duration.between(r.startedAt(), end).toMillis() / 1000.0);
        long position = r.finishedAt() != null ? Math.max(r.position(), r.headAtStart()) : r.position();
        double percent = r.headAtStart() <= 0 ? 100.0
                : Math.min(100.0, Math.floor(position * 1000.0 / r.headAtStart()) / 10.0);
        if (r.finishedAt() == null && percent >= 100.0) {
            percent = 99.9; // caught up, not switched yet
        }
        double rate = Math.round(r.processed() / seconds * 10) / 10.0;
        return new Progress(r.id(), r.generation(), r.finishedAt() == null ? "RUNNING" : "DONE", r.startedAt(),
                            r.finishedAt(), r.headAtStart(), position, r.processed(), percent, rate);
    }

    private long headPosition() {
        return index(source.createHeadToken());
    }

    private static long index(TrackingToken token) {
        TrackingToken t = Tokens.current(token);
        if (t == null) {
            return 0;
        }
        if (t instanceof GapAwareTrackingToken g) {
            return Math.max(0, g.getIndex());
        }
        return Math.max(0, t.position().orElse(0));
    }

    /** The lowest stored token index over the processor's segments; -1 when it stored none yet. */
    private long position(String processor) {
        List<TrackingToken> tokens = positions.tokens(processor);
        if (tokens.isEmpty()) {
            return -1;
        }
        long min = Long.MAX_VALUE;
        for (TrackingToken t : tokens) {
            min = Math.min(min, index(t));
        }
        return min;
    }

    // ---------------------------------------------------------------------------------------------- dead letters

    /**
     * The dead letters of a projection's processors (every generation), or of all projections ({@code null}).
     *
     * @throws UnknownProjectionException if there is no such projection
     */
    public List<DeadLetters.Letter> deadLetters(String projection) {
        if (projection != null) {
            definition(projection);
        }
        return deadLetters.list(projection);
    }

    /** How many dead-letter sequences the processor of the projection's active generation has. */
    public long deadLetterSequences(String projection) {
        return deadLetters.sequences(Generations.processorName(projection, generations.cached(projection).active()));
    }

    /**
     * Retries dead letters of a projection's processor — of one sequence (a deal id), or all ({@code null}) — each
     * sequence in order until its first failure (ADR 0007). {@code projectionOrProcessor} is a projection name (its
     * active generation) or a processor name ({@code funnel@g2}). The processor is paused on this instance and its
     * segment claimed for the retry, so no batch runs meanwhile; every retried letter is written through the
     * journal and bulk write like a batch, before it leaves the queue.
     *
     * @throws UnknownProjectionException           if there is no such projection
     * @throws DeadLetterRetryUnavailableException if the processor does not run here or another instance holds it
     */
    public DeadLetters.RetryResult retryDeadLetters(String projectionOrProcessor, String sequenceId) {
        int at = projectionOrProcessor.indexOf('@');
        String projection = at < 0 ? projectionOrProcessor : projectionOrProcessor.substring(0, at);
        definition(projection);
        String processor = at < 0 ? Generations.processorName(projection, generations.read(projection).active())
                : projectionOrProcessor;
        synchronized (this) {
            Running r = running.get(processor);
            Instance instance = instances.get(processor);
            if (r == null || instance == null) {
                throw new DeadLetterRetryUnavailableException(processor + " does not run on this instance");
            }
            r.processor().shutDown();
            try {
                RecoveringTokenStore claims = new RecoveringTokenStore(tokenStore, instance.store());
                TrackingToken token;
                try {
                    token = claims.fetchToken(processor, 0); // claims the segment (and rolls a batch forward)
                } catch (org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException e) {
                    throw new DeadLetterRetryUnavailableException(
                            processor + " is being processed by another instance; retry on that instance or later");
                }
                DeadLetters.Session session = new DeadLetters.Session(projection, processor, token);
                try {
                    return deadLetters.retry(r.invoker(), session, sequenceId);
                } finally {
                    if (!session.commitFailed) {
                        journal.clear(processor); // every retried batch is written: nothing to roll forward
                    }
                    claims.releaseClaim(processor, 0);
                }
            } finally {
                r.processor().start();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ supervisor

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Projection supervisor: {}", e.toString(), e);
        }
    }

    /** Makes this instance's processors match the pointers; switches and cleans up where due. */
    public synchronized void reconcile() {
        if (axon == null) {
            return;
        }
        for (Definition definition : definitions.values()) {
            try {
                reconcile(definition);
            } catch (RuntimeException e) {
                log.warn("Projection supervisor, {}: {}", definition.name(), e.toString(), e);
            }
        }
    }

    private void reconcile(Definition definition) {
        String name = definition.name();
        Generations.Pointer p = generations.read(name);
        if (p.rebuild() != null && !holdSwitches && caughtUp(p) && generations.complete(p)) {
            log.info("Projection {}: switched from generation {} to {} (rebuild {})", name, p.active(),
                     p.rebuild().generation(), p.rebuild().id());
            p = generations.read(name);
        }
        Set<Integer> wanted = new LinkedHashSet<>();
        wanted.add(p.active());
        if (p.rebuild() != null) {
            wanted.add(p.rebuild().generation());
        }
        for (Map.Entry<String, Running> e : new ArrayList<>(running.entrySet())) {
            Instance instance = instances.get(e.getKey());
            if (instance != null && instance.store().projection().equals(name)
                    && !wanted.contains(e.getValue().generation())) {
                stopProcessor(e.getKey());
            }
        }
        for (int generation : wanted) {
            String processor = Generations.processorName(name, generation);
            if (!running.containsKey(processor)) {
                startProcessor(definition, generation);
            }
        }
        Instant now = generations.now();
        for (Map.Entry<Integer, Instant> retired : p.retired().entrySet()) {
            int generation = retired.getKey();
            if (!wanted.contains(generation) && !retired.getValue().plus(settings.retireGrace()).isAfter(now)
                    && generations.claimRetired(name, generation)) {
                drop(name, generation);
                log.info("Projection {}: dropped retired generation {}", name, generation);
            }
        }
    }

    /**
     * The rebuild may switch when its stored token has reached the head at its start and the active generation's
     * stored token: from then on its documents are at least as current as the active ones.
     */
    private boolean caughtUp(Generations.Pointer p) {
        String rebuilding = Generations.processorName(p.projection(), p.rebuild().generation());
        long rebuilt = position(rebuilding);
        if (rebuilt < 0) {
            return false;
        }
        long live = position(Generations.processorName(p.projection(), p.active()));
        return rebuilt >= p.rebuild().headAtStart() && rebuilt >= live;
    }

    /** Drops everything of a generation: its collections, its processor's tokens and its journal. */
    private void drop(String name, int generation) {
        Definition definition = definition(name);
        String processor = Generations.processorName(name, generation);
        if (running.containsKey(processor)) {
            stopProcessor(processor);
        }
        Set<String> existing = database.listCollectionNames().into(new java.util.HashSet<>());
        for (String c : definition.collections()) {
            String physical = Generations.collectionName(c, generation);
            if (existing.contains(physical)) {
                database.getCollection(physical).drop();
            }
        }
        positions.deleteTokens(processor);
        journal.clear(processor);
        deadLetters.clear(processor);
        instances.remove(processor);
    }

    private Instance instance(Definition definition, int generation) {
        return instances.computeIfAbsent(Generations.processorName(definition.name(), generation), processor -> {
            ProjectionStore store = new ProjectionStore(definition.name(), generation, database,
                                                        definition.collections(), journal, settings.cacheSize());
            store.writeGuard(() -> {
                if (!generations.isLive(definition.name(), generation)) {
                    throw new IllegalStateException(processor + ": generation " + generation
                                                            + " is retired; not writing");
                }
            });
            return new Instance(store, definition.factory().apply(store));
        });
    }

    private void startProcessor(Definition definition, int generation) {
        Instance instance = instance(definition, generation);
        Projection projection = instance.projection();
        String name = projection.name();
        Configuration config = axon;
        // one dead-letter queue per processor (processing group = processor name), sequenced per aggregate (ADR 0007)
        DeadLetters.Invoker invoker = deadLetters.invoker(projection, config, deadLetters.queue(name));
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                daemon("Coordinator[" + name + "]"));
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(daemon("WorkPackage[" + name + "]"));
        TransactionManager tx = config.getComponent(TransactionManager.class, NoTransactionManager::instance);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(source)
                .tokenStore(new RecoveringTokenStore(tokenStore, instance.store()))
                .transactionManager(tx)
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .batchSize(settings.batchSize())
                .initialSegmentCount(1)
                .maxClaimedSegments(1)
                .tokenClaimInterval(settings.tokenClaimIntervalMillis())
                .messageMonitor(config.messageMonitor(PooledStreamingEventProcessor.class, name))
                .build();
        processor.registerHandlerInterceptor(new RebuildProgress(definition.name(), generation));
        processor.registerHandlerInterceptor(new BatchCommitInterceptor(projection));
        running.put(name, new Running(generation, processor, invoker, coordinator, worker));
        processor.start();
        log.debug("Started processor {}", name);
    }

    private void stopProcessor(String processor) {
        Running r = running.remove(processor);
        if (r == null) {
            return;
        }
        try {
            r.processor().shutDown();
        } finally {
            r.coordinator().shutdown();
            r.worker().shutdown();
        }
        log.debug("Stopped processor {}", processor);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Counts the events a rebuild's processor handles and adds them to the rebuild's progress once per batch (a
     * no-op for the processor of an active generation: the pointer is only written while that generation is being
     * rebuilt).
     */
    private final class RebuildProgress implements MessageHandlerInterceptor<EventMessage<?>> {
        private final String projection;
        private final int generation;
        private final String counterKey;
        private final String tokenKey;

        RebuildProgress(String projection, int generation) {
            this.projection = projection;
            this.generation = generation;
            String processor = Generations.processorName(projection, generation);
            this.counterKey = "attain.query.rebuild-progress." + processor;
            this.tokenKey = "Processor[" + processor + "]/Token";
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Generations.Rebuild rebuild = generations.cached(projection).rebuild();
            if (rebuild == null || rebuild.generation() != generation) {
                return chain.proceed();
            }
            AtomicLong count = unitOfWork.root().getOrComputeResource(counterKey, k -> new AtomicLong());
            count.incrementAndGet();
            Object result = chain.proceed();
            boolean last = !(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage();
            if (last) {
                TrackingToken token = unitOfWork.root().getResource(tokenKey);
                if (token == null && unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
                    token = tracked.trackingToken();
                }
                generations.progress(projection, generation, count.getAndSet(0), index(token));
            }
            return result;
        }
    }
}
