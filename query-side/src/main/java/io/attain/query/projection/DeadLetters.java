package io.attain.query.projection;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

/**
 * Dead letters of the projections (ADR 0007): one Axon {@link MongoSequencedDeadLetterQueue} per processor
 * (processing group = processor name, so every generation has its own queue), sequenced per aggregate: an event
 * whose handler throws is parked, and so are the later events of the same aggregate, while the processor carries
 * on with the others.
 *
 * <ul>
 *     <li>{@link Invoker}: Axon's {@link DeadLetteringEventHandlerInvoker} with a savepoint around each event, so
 *     that a failing event leaves nothing in its batch's documents before it is dead-lettered;</li>
 *     <li>{@link Queue}: the Mongo queue, made safe for a batch that is delivered again after a crash (a letter is
 *     never enqueued twice, and an event that came <em>before</em> a dead letter of its aggregate is not parked
 *     behind it);</li>
 *     <li>retries ({@link #retry}): each dead letter is handled in a batch of its own, written through the same
 *     journal and bulk write as a processor's batch, with a marker that makes it exactly-once.</li>
 * </ul>
 */
public final class DeadLetters {

    /** The collection of the dead letters of every processor. */
    public static final String COLLECTION = "query_dead_letters";
    /** Markers of retried dead letters whose changes were written (written with them, in the same batch). */
    public static final String APPLIED = "query_dead_letters_applied";

    /** A dead letter, for the admin API. */
    public record Letter(String projection, String processor, String sequenceId, String eventId, String type,
                         Long position, String causeType, String causeMessage, Instant enqueuedAt,
                         Instant lastTouched, int retries) {
    }

    /** One event of a retry: processed, or failed again (with the cause). */
    public record Attempt(String sequenceId, String eventId, String type, String outcome, String causeType,
                          String causeMessage) {
    }

    /** What a retry did. */
    public record RetryResult(String projection, String processor, List<Attempt> processed, List<Attempt> failed,
                              long remaining) {
    }

    private final MongoDatabase database;
    private final MongoTemplate template;

    public DeadLetters(MongoDatabase database) {
        this.database = database;
        this.template = DefaultMongoTemplate.builder().mongoDatabase(database).build()
                                            .withDeadLetterCollection(COLLECTION);
    }

    private volatile Serializer serializer;

    /** The serializer of the letters (Axon's general serializer; set when the processors start). */
    void serializer(Serializer serializer) {
        this.serializer = serializer;
    }

    /** The queue of a processor. */
    public Queue queue(String processor) {
        return new Queue(MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                 .processingGroup(processor)
                                 .mongoTemplate(template)
                                 .serializer(serializer)
                                 .transactionManager(NoTransactionManager.instance())
                                 .build());
    }

    /** The dead-lettering invoker of a projection's processor. */
    Invoker invoker(Projection projection, Configuration config, Queue queue) {
        DeadLetteringEventHandlerInvoker.Builder builder = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new Savepoints(projection, new AnnotationEventHandlerAdapter(
                        projection, config.parameterResolverFactory(),
                        config.handlerDefinition(projection.getClass()))))
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .queue(queue)
                .enqueuePolicy(POLICY)
                .transactionManager(NoTransactionManager.instance())
                .allowReset(true);
        return new Invoker(builder, projection, queue);
    }

    /** Everything of a processor: its dead letters and retry markers (a dropped generation). */
    void clear(String processor) {
        template.deadLetterCollection().deleteMany(eq("processingGroup", processor));
        database.getCollection(APPLIED).deleteMany(regex("_id", "^" + Pattern.quote(processor + "|")));
    }

    /** The dead letters of every processor whose name is {@code projection} or starts with {@code projection@}. */
    public List<Letter> list(String projection) {
        List<Letter> letters = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        template.deadLetterCollection().distinct("processingGroup", String.class).into(new ArrayList<>())
                .forEach(groups::add);
        for (String group : groups.stream().sorted().toList()) {
            int at = group.indexOf('@');
            String owner = at < 0 ? group : group.substring(0, at);
            if (projection != null && !projection.equals(owner)) {
                continue;
            }
            letters.addAll(listGroup(owner, group));
        }
        return letters;
    }

    private List<Letter> listGroup(String projection, String processor) {
        List<Letter> out = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(processor).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                out.add(letter(projection, processor, letter));
            }
        }
        return out;
    }

    /** Dead-letter sequences of a processor (for the gauge). */
    long sequences(String processor) {
        return template.deadLetterCollection().distinct("sequenceIdentifier",
                                                        eq("processingGroup", processor), String.class)
                       .into(new ArrayList<>()).size();
    }

    static Letter letter(String projection, String processor, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> m = letter.message();
        Long position = m instanceof TrackedEventMessage<?> t ? index(t.trackingToken()) : null;
        Cause cause = letter.cause().orElse(null);
        Object retries = letter.diagnostics().get(RETRIES);
        return new Letter(projection, processor, sequenceOf(m), m.getIdentifier(), m.getPayloadType().getSimpleName(),
                          position, cause == null ? null : cause.type(), cause == null ? null : cause.message(),
                          letter.enqueuedAt(), letter.lastTouched(),
                          retries instanceof Number n ? n.intValue() : 0);
    }

    private static Long index(TrackingToken token) {
        TrackingToken t = Tokens.current(token);
        return t == null ? null : t.position().isPresent() ? t.position().getAsLong() : null;
    }

    /** The sequence of an event: its aggregate, as {@link SequentialPerAggregatePolicy} decides. */
    static String sequenceOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : message.getIdentifier();
    }

    static Op appliedMarker(String processor, String eventId) {
        String id = processor + "|" + eventId;
        return new Op(APPLIED, id, Op.Kind.REPLACE,
                      new Document("_id", id).append("processor", processor).append("eventId", eventId),
                      List.of(), List.of());
    }

    boolean applied(String processor, String eventId) {
        return database.getCollection(APPLIED).find(eq("_id", processor + "|" + eventId)).first() != null;
    }

    static final String RETRIES = "retries";
    static final String TIMESTAMP = "timestamp";

    @SuppressWarnings({"rawtypes", "unchecked"})
    static EventMessage<?> withTimestamp(EventMessage<?> m, Instant timestamp) {
        GenericMessage<?> message = new GenericMessage(m.getIdentifier(), m.getPayloadType(), m.getPayload(),
                                                       m.getMetaData());
        TrackingToken token = m instanceof TrackedEventMessage<?> t ? t.trackingToken() : null;
        if (m instanceof DomainEventMessage<?> d) {
            return new GenericTrackedDomainEventMessage(token, d.getType(), d.getAggregateIdentifier(),
                                                        d.getSequenceNumber(), message, () -> timestamp);
        }
        return new GenericTrackedEventMessage(token, message, () -> timestamp);
    }

    /** First failure: enqueue (retries 0); a failed retry: requeue with retries + 1. Causes truncated. */
    private static final EnqueuePolicy<EventMessage<?>> POLICY = (letter, cause) -> {
        if (letter instanceof MongoDeadLetter<?>) { // a retry failed (the live path builds a new letter)
            Object retries = letter.diagnostics().get(RETRIES);
            int n = retries instanceof Number number ? number.intValue() : 0;
            return Decisions.requeue(ThrowableCause.truncated(cause), l -> l.diagnostics().and(RETRIES, n + 1));
        }
        return Decisions.enqueue(ThrowableCause.truncated(cause), l -> MetaData.with(RETRIES, 0));
    };

    // ------------------------------------------------------------------------------------------------- retry

    /** A running retry of one processor's dead letters: the token it claimed, what happened. */
    static final class Session {
        final String projection;
        final String processor;
        final TrackingToken token;
        final List<Attempt> processed = new ArrayList<>();
        final List<Attempt> failed = new ArrayList<>();
        boolean commitFailed;

        Session(String projection, String processor, TrackingToken token) {
            this.projection = projection;
            this.processor = processor;
            this.token = token;
        }
    }

    /**
     * Processes the processor's dead letters — of one sequence, or of every sequence ({@code sequenceId == null}) —
     * each sequence in order until its first failure. The caller holds the processor's segment claim (no batch of
     * the processor runs meanwhile).
     */
    RetryResult retry(Invoker invoker, Session session, String sequenceId) {
        Set<String> attempted = new HashSet<>();
        Predicate<DeadLetter<? extends EventMessage<?>>> filter = letter -> {
            String seq = sequenceOf(letter.message());
            if ((sequenceId != null && !sequenceId.equals(seq)) || attempted.contains(seq)) {
                return false;
            }
            attempted.add(seq);
            return true;
        };
        invoker.session = session;
        try {
            int before;
            do {
                before = attempted.size();
                invoker.process(filter);
            } while (attempted.size() > before && sequenceId == null);
        } finally {
            invoker.session = null;
        }
        long remaining = sequenceId == null ? invoker.queue.size() : invoker.queue.sequenceSize(sequenceId);
        return new RetryResult(session.projection, session.processor, session.processed, session.failed, remaining);
    }

    /**
     * The projection's handlers with a savepoint around each event: when a handler throws, everything the event did
     * to the batch's documents is undone before the exception reaches the dead-lettering invoker (ADR 0007). Live
     * and retried events both pass here.
     */
    static final class Savepoints implements EventMessageHandler {
        private final Projection projection;
        private final EventMessageHandler handlers;

        Savepoints(Projection projection, EventMessageHandler handlers) {
            this.projection = projection;
            this.handlers = handlers;
        }

        @Override
        public Object handle(EventMessage<?> event) throws Exception {
            Batch batch = projection.batchOf(CurrentUnitOfWork.get());
            batch.savepoint();
            try {
                Object result = handlers.handle(event);
                projection.store().faults().afterHandlers(projection.name(), event);
                batch.releaseSavepoint();
                return result;
            } catch (Exception | Error e) {
                batch.rollbackToSavepoint();
                throw e;
            }
        }

        @Override
        public boolean canHandle(EventMessage<?> message) {
            return handlers.canHandle(message);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return handlers.canHandleType(payloadType);
        }

        @Override
        public Class<?> getTargetType() {
            return handlers.getTargetType();
        }

        @Override
        public void prepareReset() {
            handlers.prepareReset();
        }

        @Override
        public <R> void prepareReset(R resetContext) {
            handlers.prepareReset(resetContext);
        }

        @Override
        public boolean supportsReset() {
            return handlers.supportsReset();
        }
    }

    /**
     * Axon's dead-lettering invoker of a projection. A retried letter (Axon runs it in a unit of work of its own,
     * with this invoker's interceptors) gets a batch of its own, written before the letter is evicted.
     */
    final class Invoker extends DeadLetteringEventHandlerInvoker {
        private final Projection projection;
        final Queue queue;
        volatile Session session;

        Invoker(DeadLetteringEventHandlerInvoker.Builder builder, Projection projection, Queue queue) {
            super(builder);
            this.projection = projection;
            this.queue = queue;
            registerHandlerInterceptor((unitOfWork, chain) -> {
                // the queue keeps timestamps to the millisecond: give the handlers the exact one (ADR 0007)
                DeadLetter<?> letter = unitOfWork.getResource(DeadLetter.class.getName());
                Object exact = letter == null ? null : letter.diagnostics().get(TIMESTAMP);
                if (exact != null) {
                    Instant timestamp = Instant.parse(exact.toString());
                    unitOfWork.transformMessage(m -> withTimestamp((EventMessage<?>) m, timestamp));
                }
                return retried(unitOfWork.getMessage(), chain::proceed);
            });
        }

        private Object retried(EventMessage<?> message, java.util.concurrent.Callable<Object> proceed)
                throws Exception {
            Session s = session;
            if (s == null) {
                throw new IllegalStateException(projection.name() + ": dead letters are retried through the "
                                                        + "projection runtime only");
            }
            Attempt ok = new Attempt(sequenceOf(message), message.getIdentifier(),
                                     message.getPayloadType().getSimpleName(), "PROCESSED", null, null);
            if (applied(s.processor, message.getIdentifier())) {
                // written by an earlier retry that failed before evicting the letter: only evict it now
                s.processed.add(new Attempt(ok.sequenceId(), ok.eventId(), ok.type(), "ALREADY_APPLIED", null,
                                            null));
                return null;
            }
            Batch batch = projection.freshBatch(CurrentUnitOfWork.get());
            batch.retry(s.processor, message.getIdentifier());
            try {
                Object result = proceed.call();
                try {
                    batch.commit(0, s.token);
                } catch (RuntimeException e) {
                    s.commitFailed = true;
                    throw e;
                }
                s.processed.add(ok);
                return result;
            } catch (Exception e) {
                s.failed.add(new Attempt(ok.sequenceId(), ok.eventId(), ok.type(), "FAILED",
                                         e.getClass().getName(), e.getMessage()));
                throw e;
            }
        }
    }

    /**
     * The Mongo queue of one processor, safe for a batch that is delivered again (after a crash before its token
     * was stored): {@link #enqueueIfPresent} parks an event only behind a letter of its sequence that came at or
     * before it in the stream (so an earlier event of the aggregate, delivered again, is handled normally), and
     * never enqueues the same event twice.
     */
    public static final class Queue implements SequencedDeadLetterQueue<EventMessage<?>> {
        private final SequencedDeadLetterQueue<EventMessage<?>> delegate;

        Queue(SequencedDeadLetterQueue<EventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean enqueueIfPresent(Object sequenceIdentifier,
                                        Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder)
                throws DeadLetterQueueOverflowException {
            if (!delegate.contains(sequenceIdentifier)) {
                return false;
            }
            DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
            EventMessage<?> message = letter.message();
            TrackingToken token = message instanceof TrackedEventMessage<?> t ? t.trackingToken() : null;
            boolean behind = token == null;
            for (DeadLetter<? extends EventMessage<?>> queued : delegate.deadLetterSequence(sequenceIdentifier)) {
                EventMessage<?> q = queued.message();
                if (q.getIdentifier().equals(message.getIdentifier())) {
                    return true; // already here (a batch delivered again): still parked
                }
                if (!behind && q instanceof TrackedEventMessage<?> t && Tokens.covers(token, t.trackingToken())) {
                    behind = true;
                }
            }
            if (!behind) {
                return false; // it came before every letter of its sequence: handle it
            }
            enqueue(sequenceIdentifier, letter);
            return true;
        }

        /** Keeps the exact timestamp of the event in the diagnostics (the queue stores milliseconds). */
        @Override
        public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
                throws DeadLetterQueueOverflowException {
            String timestamp = letter.message().getTimestamp().toString();
            delegate.enqueue(sequenceIdentifier, letter.withDiagnostics(d -> d.and(TIMESTAMP, timestamp)));
        }

        @Override
        public void evict(DeadLetter<? extends EventMessage<?>> letter) {
            delegate.evict(letter);
        }

        @Override
        public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                            UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
                throws NoSuchDeadLetterException {
            delegate.requeue(letter, letterUpdater);
        }

        @Override
        public boolean contains(Object sequenceIdentifier) {
            return delegate.contains(sequenceIdentifier);
        }

        @Override
        public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
            return delegate.deadLetterSequence(sequenceIdentifier);
        }

        @Override
        public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
            return delegate.deadLetters();
        }

        @Override
        public boolean isFull(Object sequenceIdentifier) {
            return delegate.isFull(sequenceIdentifier);
        }

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public long sequenceSize(Object sequenceIdentifier) {
            return delegate.sequenceSize(sequenceIdentifier);
        }

        @Override
        public long amountOfSequences() {
            return delegate.amountOfSequences();
        }

        @Override
        public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                               Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
            return delegate.process(sequenceFilter, task);
        }

        @Override
        public void clear() {
            delegate.clear();
        }
    }
}
