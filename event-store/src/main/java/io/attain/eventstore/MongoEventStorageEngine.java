package io.attain.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import com.mongodb.bulk.BulkWriteError;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Indexes.ascending;

/**
 * Attain's event storage engine on MongoDB.
 *
 * <h2>Layout</h2>
 * <ul>
 *     <li>{@code events}: one document per <em>commit</em>: the events of one append (one unit of work), so that
 *     every append is atomic without transactions, however many aggregates it touches. {@code _id} is the global
 *     position of the commit's first event, {@code last} that of its last; every event has its own position in
 *     between.</li>
 *     <li>{@code event_positions}: the counter that allocates global positions ({@code findOneAndUpdate $inc} by the
 *     number of events appended), and the log's format marker.</li>
 *     <li>{@code snapshots}: the latest snapshot per aggregate, {@code _id} = aggregate id.</li>
 * </ul>
 * Two unique indexes besides {@code _id}: {@code key}, one {@code aggregateId/seq} per event of the commit
 * (optimistic concurrency: two writers that loaded the same version both append the same sequence number and only
 * one insert succeeds, also when one of them starts inside the other's commit; and the aggregate loads below, with
 * equality and {@code $in} lookups — the only lookups the embedded wire server answers from an index), and
 * {@code ids}, the commit's event identifiers (a re-used identifier is refused). Appends never leave a hole in a
 * stream, and loads refuse a stream with one rather than load it short. Non-unique indexes for real MongoDB
 * ({@code (aggregateId, seq)}, {@code last}, {@code at}) cost the embedded server nothing. ADR 0002, "Log
 * correctness".
 *
 * <h2>Tracking</h2>
 * Readers use Axon's {@link GapAwareTrackingToken}: the index is the highest position delivered, the gaps are lower
 * positions not yet seen. Reads ask for explicit windows of positions ({@code _id $in [...]}). A position that is
 * allocated but not (yet) visible holds back delivery of later positions for at most {@code gapHoldBack} so that
 * events are normally delivered in global order; after that the reader passes it and keeps it as a gap for
 * {@code gapTimeout} (and within {@code maxGapOffset} of the index), so that a late commit is still delivered once.
 * A writer that loses a race, or whose insert the server rejects, writes a tombstone over the positions it had
 * allocated, so readers pass them at once. Waiting is measured on the reader's monotonic clock: no wall clock
 * decides order or delivery.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);

    static final String EVENTS = "events";
    static final String POSITIONS = "event_positions";
    static final String SNAPSHOTS = "snapshots";
    static final String COUNTER_ID = "global";
    /** A document of {@code event_positions} that marks a log written with one key per event from its start. */
    static final String FORMAT_ID = "format";
    /** How many aggregates {@link KnownStreams} remembers. */
    static final int KNOWN_STREAMS = 100_000;
    static final String TOMBSTONE_PREFIX = "\u0000tombstone/";
    /** Largest group of concurrent single-aggregate commits written with one counter update and one insert. */
    static final int MAX_GROUP = 256;
    /** How many positions or sequence numbers a look-up for "the commit that contains X" asks for at once. */
    static final int LOOK_BACK = 64;
    /** Sequence numbers asked for in the first look-up of an aggregate load; doubled for each further one. */
    static final int FIRST_LOAD_WINDOW = 16;
    /** MongoDB's document size limit (16 MiB) less room for the wire envelope. */
    static final int MAX_COMMIT_BYTES = 16 * 1024 * 1024 - 16 * 1024;
    private static final DocumentCodec DOCUMENT_CODEC = new DocumentCodec();

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> snapshots;
    private final GapAwareReader reader;
    private final LogReader logReader;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();
    private final PositionAllocator allocator;
    private final boolean tombstones;
    private final Receipts receipts = new Receipts(10_000);
    private final KnownStreams known = new KnownStreams(KNOWN_STREAMS);
    private final boolean legacyFormat;
    private final boolean groupCommit;
    private final Queue<PendingCommit> groupQueue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock groupLock = new ReentrantLock();
    private final Upcasting upcasting;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.upcasting = builder.upcasting;
        MongoDatabase db = builder.database;
        this.events = db.getCollection(builder.prefix + EVENTS);
        this.positions = db.getCollection(builder.prefix + POSITIONS);
        this.snapshots = db.getCollection(builder.prefix + SNAPSHOTS);
        this.allocator = builder.inProcessPositions ? new PositionAllocator.InProcess(positions, events)
                : new PositionAllocator.Counter(positions);
        GapClock gapClock = new GapClock(builder.nanoTime);
        this.reader = new GapAwareReader(events, allocator, gapClock, builder.gapHoldBack,
                                         builder.gapTimeout, builder.maxGapOffset);
        this.tombstones = builder.tombstones;
        this.logReader = new LogReader(events, allocator, reader, gapClock, builder.gapTimeout, builder.tombstones);
        this.groupCommit = builder.groupCommit;
        this.legacyFormat = detectLegacyFormat(positions, events);
        if (legacyFormat) {
            log.info("The event log holds commits written before every event had its own key; aggregate loads keep "
                             + "the look-up for them (ADR 0002, Log correctness)");
        }
        if (builder.createIndexes) {
            ensureIndexes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the collections' indexes; idempotent. */
    public void ensureIndexes() {
        // Optimistic concurrency and aggregate loads: one key `aggregateId/seq` per event of a commit (an array for
        // a commit of several events; unique across documents). The index keeps its first name from the time it held
        // only the commit's first sequence number, so that existing stores keep the index they have.
        events.createIndex(ascending("key"), new IndexOptions().unique(true).name("aggregate_first_seq"));
        // Every event identifier once in the log (sparse: tombstones and commits written before it carry none).
        events.createIndex(ascending("ids"), new IndexOptions().unique(true).sparse(true).name("event_ids"));
        // Used by real MongoDB only (the embedded server ignores non-unique indexes, so they cost it nothing).
        events.createIndex(ascending("aggregateId", "seq"), new IndexOptions().name("aggregate_seq"));
        events.createIndex(ascending("last"), new IndexOptions().name("last"));
        events.createIndex(ascending("at"), new IndexOptions().name("at"));
    }

    /**
     * Whether the log may hold commits written before every event had its own key (ADR 0002, "Log correctness"): a
     * store that had events but no format marker when this engine first met it. Decided once per engine.
     */
    private static boolean detectLegacyFormat(MongoCollection<Document> positions, MongoCollection<Document> events) {
        if (positions.find(eq("_id", FORMAT_ID)).first() != null) {
            return false;
        }
        if (events.find().projection(Projections.include("_id")).first() != null) {
            return true;
        }
        try {
            positions.insertOne(new Document("_id", FORMAT_ID).append("keys", "per-event"));
        } catch (MongoException e) {
            if (!MongoPersistenceExceptionResolver.isDuplicateKey(e)) {
                throw e;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ appending

    /**
     * Appends the events of one unit of work as <em>one</em> document, so that the append is all-or-nothing on every
     * server without transactions, however many aggregates it touches. Refused before anything is allocated: a
     * repeated event identifier or (aggregate, sequence number), an aggregate's sequence numbers that are not
     * consecutive, and an aggregate's first sequence number whose predecessor is not in the log (a hole).
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        Commit commit = toCommit(events, serializer);
        requirePredecessor(commit);
        PendingCommit pending = new PendingCommit(commit);
        if (groupCommit) {
            groupQueue.add(pending);
            while (!pending.done) {
                if (groupLock.tryLock()) {
                    try {
                        writeQueuedCommits();
                    } finally {
                        groupLock.unlock();
                    }
                } else {
                    pending.awaitDone();
                }
            }
        } else {
            try {
                writeGroup(List.of(pending));
            } catch (RuntimeException e) {
                pending.fail(e);
            }
        }
        if (pending.failure != null) {
            handlePersistenceException(pending.failure, failedEvent(commit, pending.failure));
        }
    }

    /**
     * The event Axon's exception translation is told about: for a commit of one aggregate its first event; for a
     * refused commit of several streams the first event whose key or identifier is already taken (one look-up, on
     * the failure path only), so that a lost race on an aggregate's creation reads as one.
     */
    private EventMessage<?> failedEvent(Commit commit, Exception failure) {
        if (!commit.mixed || !MongoPersistenceExceptionResolver.isDuplicateKey(failure)) {
            return commit.events.get(0).message;
        }
        Set<String> taken = new HashSet<>();
        for (Document d : events.find(in("key", commit.keyList())).projection(Projections.include("key"))) {
            taken.addAll(CommitDocuments.strings(d.get("key")));
        }
        for (PendingEvent e : commit.events) {
            if (e.domain && taken.contains(e.aggregateId + "/" + e.seq)) {
                return e.message;
            }
        }
        return commit.events.get(0).message;
    }

    /**
     * An aggregate's events that do not start at 0 need their predecessor in the log: otherwise they would leave a
     * hole that loads cannot see past. Known without a look-up when this process has seen the stream reach that far
     * (the usual case: the aggregate was just loaded or appended here); otherwise one look-up by key. An append of a
     * sequence number this process has seen written is refused at once.
     */
    private void requirePredecessor(Commit commit) {
        for (Map.Entry<String, long[]> stream : commit.streams.entrySet()) {
            String aggregateId = stream.getKey();
            long firstSeq = stream.getValue()[0];
            long lastKnown = known.lastKnown(aggregateId);
            if (lastKnown >= firstSeq) {
                // sequence number firstSeq is in the log already: a stale writer, refused without allocating (and,
                // in a log from before every event had its key, the only refusal of a number inside an old commit)
                handlePersistenceException(new DuplicateEventException(String.format(
                        "Aggregate [%s] already has an event with sequence number %d", aggregateId, firstSeq)),
                        commit.first(aggregateId));
            }
            long predecessor = firstSeq - 1;
            if (firstSeq == 0 || lastKnown >= predecessor) {
                continue;
            }
            boolean exists = events.find(eq("key", aggregateId + "/" + predecessor))
                                   .projection(Projections.include("_id")).first() != null
                    || legacyFormat && commitContaining(aggregateId, predecessor) != null;
            if (!exists) {
                throw new ConcurrencyException(String.format(
                        "Aggregate [%s] has no event with sequence number %d: an append from %d would leave a hole "
                                + "(the stream is shorter than the writer expected)",
                        aggregateId, predecessor, firstSeq));
            }
            known.sawUpTo(aggregateId, predecessor);
        }
    }

    /**
     * Group commit: the thread holding the lock writes every commit queued by concurrent appenders — one counter
     * update for all of them and one unordered {@code insertMany} — and tells each appender its own outcome.
     */
    private void writeQueuedCommits() {
        List<PendingCommit> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            PendingCommit next;
            while (batch.size() < MAX_GROUP && (next = groupQueue.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                writeGroup(batch);
            } catch (RuntimeException e) {
                for (PendingCommit p : batch) {
                    p.fail(e);
                }
            }
        }
    }

    private void writeGroup(List<PendingCommit> batch) {
        int total = 0;
        for (PendingCommit p : batch) {
            total += p.commit.events.size();
        }
        long next = allocate(total) - total + 1;
        List<Document> documents = new ArrayList<>(batch.size());
        for (PendingCommit p : batch) {
            Document doc = p.commit.toDocument(next);
            next += p.commit.events.size();
            documents.add(doc);
        }
        // A commit larger than a document may be is refused before anything is sent.
        List<Document> tombstones = new ArrayList<>();
        List<Document> toInsert = new ArrayList<>(documents.size());
        List<PendingCommit> inserted = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            Document doc = documents.get(i);
            if (batch.get(i).commit.maxBsonSize() > MAX_COMMIT_BYTES && bsonSize(doc) > MAX_COMMIT_BYTES) {
                tombstones.add(tombstone(doc.getLong("_id"), doc.getLong("last")));
                batch.get(i).fail(new EventStoreException(
                        "A commit of " + batch.get(i).commit.events.size() + " events exceeds the document size limit"));
            } else {
                toInsert.add(doc);
                inserted.add(batch.get(i));
            }
        }
        boolean[] refused = new boolean[toInsert.size()];
        try {
            if (toInsert.size() == 1) {
                events.insertOne(toInsert.get(0));
            } else if (!toInsert.isEmpty()) {
                events.insertMany(toInsert, new InsertManyOptions().ordered(false));
            }
        } catch (MongoWriteException e) {
            refused[0] = true;
            inserted.get(0).fail(new CommitRefusedException(e.getError().getCode(), e.getError().getMessage(), e));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                refused[error.getIndex()] = true;
                inserted.get(error.getIndex()).fail(new CommitRefusedException(error.getCode(), error.getMessage(), e));
            }
            if (e.getWriteConcernError() != null) {
                // written, but not confirmed by a majority: the outcome is not known
                for (int i = 0; i < inserted.size(); i++) {
                    if (!refused[i]) {
                        inserted.get(i).fail(e);
                        refused[i] = true;
                    }
                }
            }
        }
        for (int i = 0; i < toInsert.size(); i++) {
            Document doc = toInsert.get(i);
            if (refused[i]) {
                if (inserted.get(i).failure instanceof CommitRefusedException) {
                    tombstones.add(tombstone(doc.getLong("_id"), doc.getLong("last")));
                }
            } else {
                Commit written = inserted.get(i).commit;
                written.recordReceipt(receipts, doc.getLong("last"));
                written.streams.forEach((aggregateId, seqs) -> known.sawUpTo(aggregateId, seqs[1]));
                inserted.get(i).succeed();
            }
        }
        writeTombstones(tombstones);
        notifyAppended();
    }

    private void notifyAppended() {
        for (Runnable listener : appendListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("An append listener failed", e);
            }
        }
    }

    private static int bsonSize(Document doc) {
        return new RawBsonDocument(doc, DOCUMENT_CODEC).getByteBuffer().remaining();
    }

    /** One appender waiting for the group commit to write its commit. */
    private static final class PendingCommit {
        final Commit commit;
        volatile boolean done;
        volatile Exception failure;

        PendingCommit(Commit commit) {
            this.commit = commit;
        }

        void succeed() {
            finish();
        }

        void fail(Exception e) {
            if (!done) {
                failure = e;
                finish();
            }
        }

        private synchronized void finish() {
            done = true;
            notifyAll();
        }

        synchronized void awaitDone() {
            if (!done) {
                try {
                    // bounded: the lock holder may have drained the queue before this commit was added
                    wait(0, 200_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EventStoreException("Interrupted while waiting for the group commit", e);
                }
            }
        }
    }

    private long allocate(int count) {
        return allocator.allocate(count);
    }

    /** Allocates positions as an append does, without writing them (tests simulate slow or crashed writers). */
    long allocateUnwritten(int count) {
        return allocator.allocate(count);
    }

    static Document tombstone(long first, long last) {
        String id = TOMBSTONE_PREFIX + first;
        return new Document("_id", first)
                .append("last", last)
                .append("aggregateId", id)
                .append("seq", 0L)
                .append("key", id)
                .append("tombstone", true)
                .append("at", null)
                .append("events", List.of());
    }

    /** Marks positions whose commit the server refused as never written, so that readers pass them at once. */
    private void writeTombstones(List<Document> refused) {
        if (!tombstones || refused.isEmpty()) {
            return;
        }
        try {
            events.insertMany(refused, new InsertManyOptions().ordered(false));
        } catch (MongoException e) {
            log.warn("Could not write {} tombstone(s); readers pass those positions after the gap hold-back",
                     refused.size(), e);
        }
    }

    /** Checks the events of one append and serialises them into one commit; see {@link #appendEvents}. */
    private Commit toCommit(List<? extends EventMessage<?>> messages, Serializer serializer) {
        Commit commit = new Commit();
        Set<String> ids = new HashSet<>(Math.max(4, messages.size() * 2));
        for (EventMessage<?> message : messages) {
            if (!ids.add(message.getIdentifier())) {
                handlePersistenceException(new DuplicateEventException(
                        "Event identifier [" + message.getIdentifier() + "] appears twice in one append"), message);
            }
            boolean domain = message instanceof DomainEventMessage<?>;
            DomainEventMessage<?> event = asDomainEventMessage(message);
            if (domain) {
                String aggregateId = event.getAggregateIdentifier();
                long seq = event.getSequenceNumber();
                long[] stream = commit.streams.get(aggregateId);
                if (stream == null) {
                    if (seq < 0) {
                        throw new ConcurrencyException(
                                "Aggregate [" + aggregateId + "]: sequence numbers start at 0, not " + seq);
                    }
                    commit.streams.put(aggregateId, new long[]{seq, seq});
                } else if (seq <= stream[1]) {
                    handlePersistenceException(new DuplicateEventException(String.format(
                            "Aggregate [%s]: sequence number %d follows %d in one append",
                            aggregateId, seq, stream[1])), message);
                } else if (seq != stream[1] + 1) {
                    throw new ConcurrencyException(String.format(
                            "Aggregate [%s]: sequence number %d follows %d in one append; a stream has no holes",
                            aggregateId, seq, stream[1]));
                } else {
                    stream[1] = seq;
                }
            }
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            commit.events.add(new PendingEvent(message, domain, event.getType(), event.getAggregateIdentifier(),
                                               domain ? event.getSequenceNumber() : 0L, payload, metaData));
        }
        commit.mixed = commit.streams.size() > 1
                || commit.streams.size() == 1 && commit.events.stream().anyMatch(e -> !e.domain);
        return commit;
    }

    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain
                ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private record PendingEvent(EventMessage<?> message, boolean domain, String type, String aggregateId, long seq,
                                SerializedObject<String> payload, SerializedObject<String> metaData) {
    }

    /**
     * The events of one append, written as one document. Usually one aggregate's events; a unit of work that touched
     * several aggregates (or published events of no aggregate next to an aggregate's) is one <em>mixed</em> commit
     * whose events each name their aggregate. The document's top-level fields describe its first event's stream.
     */
    private static final class Commit {
        final List<PendingEvent> events = new ArrayList<>();
        /** aggregate id → {first, last} sequence number in this commit, in order of appearance. */
        final Map<String, long[]> streams = new LinkedHashMap<>();
        boolean mixed;

        PendingEvent head() {
            return events.get(0);
        }

        /** The first event of the aggregate in this commit. */
        EventMessage<?> first(String aggregateId) {
            for (PendingEvent e : events) {
                if (e.domain && e.aggregateId.equals(aggregateId)) {
                    return e.message;
                }
            }
            return head().message;
        }

        long firstSeq() {
            return head().domain ? streams.get(head().aggregateId)[0] : 0L;
        }

        long lastSeq() {
            return head().domain ? streams.get(head().aggregateId)[1] : 0L;
        }

        List<String> keyList() {
            List<String> keys = new ArrayList<>(events.size());
            for (PendingEvent e : events) {
                if (e.domain) {
                    keys.add(e.aggregateId + "/" + e.seq);
                }
            }
            if (keys.isEmpty()) {
                keys.add(head().aggregateId + "/0"); // events of no aggregate: keyed by the first one's id
            }
            return keys;
        }

        /** One key per aggregate event ({@code aggregateId/seq}); a plain string when there is one, as before. */
        Object keys() {
            List<String> keys = keyList();
            return keys.size() == 1 ? keys.get(0) : keys;
        }

        Object ids() {
            if (events.size() == 1) {
                return head().message.getIdentifier();
            }
            List<String> ids = new ArrayList<>(events.size());
            for (PendingEvent e : events) {
                ids.add(e.message.getIdentifier());
            }
            return ids;
        }

        void recordReceipt(Receipts receipts, long lastPosition) {
            Object correlationId = head().message.getMetaData().get("correlationId");
            if (correlationId == null) {
                return;
            }
            for (int i = events.size() - 1; i >= 0; i--) {
                PendingEvent e = events.get(i);
                if (e.domain) {
                    receipts.record(correlationId.toString(),
                                    new AppendReceipt(e.aggregateId, streams.get(e.aggregateId)[1], lastPosition));
                    return;
                }
            }
        }

        /**
         * An upper bound of the commit document's BSON size without encoding it: UTF-8 takes at most 3 bytes per
         * UTF-16 char, plus generous room for field names, numbers and array overhead. Only a commit whose bound
         * exceeds the limit is encoded to measure it exactly.
         */
        long maxBsonSize() {
            long chars = 64;
            for (PendingEvent e : events) {
                // the event's fields (its aggregate's in a mixed commit), plus its entries in `key` and `ids`
                chars += 2L * e.message.getIdentifier().length() + 2L * e.aggregateId.length()
                        + (e.type == null ? 0 : e.type.length()) + 24
                        + e.payload.getType().getName().length()
                        + (e.payload.getType().getRevision() == null ? 0 : e.payload.getType().getRevision().length())
                        + e.payload.getData().length() + e.metaData.getData().length() + 64;
            }
            return 3 * chars + 512L + 320L * events.size();
        }

        Document toDocument(long firstPosition) {
            List<Document> eventDocs = new ArrayList<>(events.size());
            Instant latest = head().message.getTimestamp();
            for (PendingEvent e : events) {
                if (e.message.getTimestamp().isAfter(latest)) {
                    latest = e.message.getTimestamp();
                }
                Document doc = new Document("eventId", e.message.getIdentifier())
                        .append("seq", e.seq)
                        .append("timestamp", e.message.getTimestamp().toString())
                        .append("payloadType", e.payload.getType().getName())
                        .append("payloadRevision", e.payload.getType().getRevision())
                        .append("payload", e.payload.getData())
                        .append("metaData", e.metaData.getData());
                if (mixed) {
                    doc.append("aggregateId", e.aggregateId).append("aggregateType", e.type)
                       .append("domain", e.domain);
                }
                eventDocs.add(doc);
            }
            PendingEvent head = head();
            Document doc = new Document("_id", firstPosition)
                    .append("last", firstPosition + events.size() - 1)
                    .append("aggregateId", head.aggregateId)
                    .append("aggregateType", head.type)
                    .append("seq", firstSeq())
                    .append("lastSeq", lastSeq())
                    .append("key", keys())
                    .append("ids", ids())
                    .append("at", new Date(RecordedAt.ceilMillis(latest)));
            if (!head.domain) {
                doc.append("domain", false);
            }
            if (mixed) {
                doc.append("mixed", true);
            }
            return doc.append("events", eventDocs);
        }
    }

    // ------------------------------------------------------------------------------------------------ snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document doc = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("seq", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("timestamp", snapshot.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        try {
            // Replace only an older snapshot; a newer one makes the upsert collide on _id, which we ignore.
            snapshots.replaceOne(and(eq("_id", snapshot.getAggregateIdentifier()), lt("seq", snapshot.getSequenceNumber())),
                                 doc, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!MongoPersistenceExceptionResolver.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(eq("_id", aggregateIdentifier)).first();
        if (doc == null) {
            return Stream.empty();
        }
        // a snapshot is taken of events that are in the log
        known.sawUpTo(aggregateIdentifier, doc.get("seq", Number.class).longValue());
        return Stream.of(new StoredEvent.Domain(doc.getString("aggregateType"), aggregateIdentifier,
                                                doc.get("seq", Number.class).longValue(), doc.getString("eventId"),
                                                Instant.parse(doc.getString("timestamp")),
                                                doc.getString("payloadType"), doc.getString("payloadRevision"),
                                                doc.getString("payload"), doc.getString("metaData")));
    }

    // ------------------------------------------------------------------------------------------ aggregate loads

    /**
     * Reads the commits of one aggregate that hold events from {@code firstSequenceNumber} on. Every event has its
     * own unique key ({@code aggregateId/seq}), so one {@code $in} over a window of candidate sequence numbers finds
     * every commit holding any of them: an index lookup on every server. A stream with a hole is refused, never
     * loaded short: when a window finds a commit after a missing sequence number, or the stream ends before the last
     * sequence number this process has seen written.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        long seen = known.lastKnown(aggregateIdentifier); // before reading: whatever it names is in the log by now
        List<StoredEvent.Domain> result = new ArrayList<>();
        long expected = firstSequenceNumber;
        int window = FIRST_LOAD_WINDOW;
        boolean first = true;
        boolean ended = false;
        while (result.size() < batchSize) {
            List<Document> commits = commitsHolding(aggregateIdentifier, expected, window);
            if (first && legacyFormat && expected > 0
                    && (commits.isEmpty() || CommitDocuments.range(commits.get(0), aggregateIdentifier)[0] > expected)) {
                // a commit written before every event had its key is found only by its first sequence number
                Document containing = commitContaining(aggregateIdentifier, expected);
                if (containing != null) {
                    commits.add(0, containing);
                }
            }
            first = false;
            long from = expected;
            for (Document commit : commits) {
                long[] range = CommitDocuments.range(commit, aggregateIdentifier);
                long seq = range[0];
                long lastSeq = range[1];
                if (lastSeq < expected) {
                    continue;
                }
                if (seq > expected) {
                    throw hole(aggregateIdentifier, expected, seq);
                }
                for (StoredEvent.Domain event : CommitDocuments.domainEvents(commit, aggregateIdentifier)) {
                    if (event.getSequenceNumber() >= expected) {
                        result.add(event);
                    }
                }
                expected = lastSeq + 1;
            }
            if (expected == from) {
                ended = true;
                break;
            }
            window = Math.min(window * 2, batchSize); // long streams: fewer, larger look-ups
        }
        if (ended && seen >= expected) {
            throw hole(aggregateIdentifier, expected, seen);
        }
        if (expected > firstSequenceNumber) {
            known.sawUpTo(aggregateIdentifier, expected - 1);
        }
        return result;
    }

    private static EventStoreException hole(String aggregateId, long missing, long present) {
        return new EventStoreException(String.format(
                "The stream of aggregate [%s] has no event with sequence number %d but has one with %d: it is not "
                        + "loaded short (a hole in a stream means events were removed or written around this engine)",
                aggregateId, missing, present));
    }

    /** The commits of the aggregate that hold any sequence number of {@code from .. from+window-1}, by first one. */
    private List<Document> commitsHolding(String aggregateId, long from, int window) {
        List<String> keys = new ArrayList<>(window);
        for (long s = from; s < from + window; s++) {
            keys.add(aggregateId + "/" + s);
        }
        List<Document> commits = new ArrayList<>();
        Set<Object> ids = new HashSet<>();
        for (Document commit : events.find(in("key", keys))) {
            if (ids.add(commit.get("_id"))) { // the embedded server returns a commit once per matching key
                commits.add(commit);
            }
        }
        commits.sort(Comparator.comparingLong(d -> CommitDocuments.range(d, aggregateId)[0]));
        return commits;
    }

    /**
     * The commit that holds {@code seq} without starting at it, if any, for commits written before every event had
     * its key. Decided by the last commit that starts before {@code seq}, looked for in growing windows behind it.
     */
    private Document commitContaining(String aggregateId, long seq) {
        long to = seq;
        for (int window = 8; to > 0 && window <= LOOK_BACK; window *= 8) {
            long from = Math.max(0, seq - window);
            List<Document> before = commitsHolding(aggregateId, from, (int) (to - from));
            if (!before.isEmpty()) {
                Document last = before.get(before.size() - 1);
                return last.get("lastSeq", Number.class).longValue() >= seq ? last : null;
            }
            to = from;
        }
        if (to == 0) {
            return null;
        }
        // a commit of more than LOOK_BACK events: ask by range (a scan on the embedded server; rare)
        return events.find(and(eq("aggregateId", aggregateId), lt("seq", seq), gte("lastSeq", seq))).first();
    }

    /**
     * The aggregate's last sequence number: the stream is walked forward by key windows from what this process
     * already knows (an index lookup per window on every server, where a sort by sequence number would scan the
     * embedded server's collection).
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        // in a log with commits from before every event had its key, walk from 0: each window then starts where a
        // commit ended, so it finds the next commit by its first key
        long last = legacyFormat ? -1 : known.lastKnown(aggregateIdentifier);
        int window = FIRST_LOAD_WINDOW;
        while (true) {
            long from = last + 1;
            List<String> keys = new ArrayList<>(window);
            for (long s = from; s < from + window; s++) {
                keys.add(aggregateIdentifier + "/" + s);
            }
            long before = last;
            for (Document commit : events.find(in("key", keys))) {
                last = Math.max(last, CommitDocuments.range(commit, aggregateIdentifier)[1]);
            }
            if (last == before) {
                break;
            }
            window = Math.min(window * 2, 1024);
        }
        if (last < 0) {
            return Optional.empty();
        }
        known.sawUpTo(aggregateIdentifier, last);
        return Optional.of(last);
    }

    // ------------------------------------------------------------------------------------------------- tracking

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return StreamSupport.stream(new TrackingSpliterator(trackingToken), false);
    }

    /** Reads batch after batch until one comes back empty; only the first batch may start inside a commit. */
    private final class TrackingSpliterator extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {
        private GapAwareTrackingToken token;
        private List<TrackedEventData<?>> batch = List.of();
        private int next;
        private boolean first = true;
        private boolean done;

        TrackingSpliterator(TrackingToken start) {
            super(Long.MAX_VALUE, ORDERED | NONNULL | DISTINCT);
            this.token = toGapAware(start);
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (next >= batch.size()) {
                if (done) {
                    return false;
                }
                batch = reader.fetch(token, batchSize(), first);
                first = false;
                next = 0;
                if (batch.isEmpty()) {
                    done = true;
                    return false;
                }
            }
            TrackedEventData<?> item = batch.get(next++);
            token = (GapAwareTrackingToken) item.trackingToken();
            action.accept(item);
            return true;
        }
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return reader.fetch(toGapAware(lastToken), batchSize, true);
    }

    private GapAwareTrackingToken toGapAware(TrackingToken token) {
        if (token == null) {
            return GapAwareTrackingToken.newInstance(0, List.of());
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException("Token " + token + " is not a GapAwareTrackingToken; "
                                                   + "this event store tracks by global position");
    }

    // --------------------------------------------------------------------------------------------------- tokens

    /** Before the first event: a reader from here sees the whole log. */
    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, List.of());
    }

    /** After the last event written so far. */
    @Override
    public TrackingToken createHeadToken() {
        Document last = events.find().sort(Sorts.descending("_id")).projection(Projections.include("last")).first();
        return GapAwareTrackingToken.newInstance(last == null ? 0 : last.getLong("last"), List.of());
    }

    /**
     * Just before the first event (by global position) whose timestamp is at or after {@code dateTime}, as Axon's
     * JDBC engine does ({@code min(globalIndex) - 1 where timestamp >= t}); the head when there is none. Every event
     * of a commit counts, not only its first. Commits are pre-selected by {@code at} (the commit's latest event
     * timestamp rounded up to the millisecond, a BSON date) and then checked event by event at full precision;
     * commits written before {@code at} existed are checked event by event as well.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Bson candidates = gte("at", new Date(RecordedAt.ceilMillis(dateTime)));
        if (legacyFormat) {
            candidates = or(candidates, exists("at", false));
        }
        try (MongoCursor<Document> cursor = events.find(candidates).sort(Sorts.ascending("_id"))
                                                  .batchSize(100).iterator()) {
            while (cursor.hasNext()) {
                Document commit = cursor.next();
                if (commit.getBoolean("tombstone", false)) {
                    continue;
                }
                List<Document> stored = commit.getList("events", Document.class);
                for (int i = 0; i < stored.size(); i++) {
                    if (!Instant.parse(stored.get(i).getString("timestamp")).isBefore(dateTime)) {
                        return GapAwareTrackingToken.newInstance(commit.getLong("_id") + i - 1, List.of());
                    }
                }
            }
        }
        return createHeadToken();
    }

    /**
     * What the handling of the command with this message id appended last (by Axon's {@code correlationId}
     * metadata), if this process appended it recently.
     */
    public Optional<AppendReceipt> receiptFor(String commandMessageId) {
        return receipts.find(commandMessageId);
    }

    // ------------------------------------------------------------------------------------ integration reads

    /**
     * The safe head: the highest global position {@code H} such that every position up to {@code H} is written (or
     * never will be); no event can appear at or below it any more. A position allocated but not visible holds it
     * back; one missing for longer than the gap timeout is closed with a tombstone, so that its late commit is refused
     * rather than appearing below a head already handed out. Never goes down. See {@link LogReader} and ADR 0011.
     */
    public long safeHead() {
        return logReader.safeHead();
    }

    /**
     * Every event with a global position in {@code (after, min(after + maxPositions, safeHead())]}, in position
     * order; {@code after} may lie inside a commit. For integration tools (the integrator feed, webhooks): unlike a
     * tracking reader it never delivers out of order. Payloads are at their type's current revision: an event stored
     * at an older one is upcast by the engine's {@link PayloadRevisions} (the same ones Axon's reads apply), its
     * stored document unchanged.
     *
     * @throws IllegalStateException when an event's stored revision cannot be brought to the current one (e.g. it
     *                               was written by a newer version): refused rather than served in a form consumers
     *                               do not expect
     */
    public LogSlice readLog(long after, int maxPositions) {
        LogSlice slice = logReader.read(after, maxPositions);
        List<LoggedEvent> events = null;
        for (int i = 0; i < slice.events().size(); i++) {
            LoggedEvent e = slice.events().get(i);
            if (e.payload() == null || upcasting.isCurrent(e.payloadType(), e.payloadRevision())) {
                if (events != null) {
                    events.add(e);
                }
                continue;
            }
            if (events == null) {
                events = new ArrayList<>(slice.events().subList(0, i));
            }
            events.add(upcast(e));
        }
        return events == null ? slice : new LogSlice(List.copyOf(events), slice.readUpTo(), slice.safeHead());
    }

    private LoggedEvent upcast(LoggedEvent e) {
        PayloadRevisions.Upcast up;
        try {
            up = upcasting.upcast(e.payloadType(), e.payloadRevision(), e.payload());
        } catch (IllegalArgumentException refused) {
            throw new IllegalStateException("The event " + e.eventId() + " at position " + e.position()
                                                    + " cannot be read: " + refused.getMessage(), refused);
        }
        return new LoggedEvent(e.position(), e.eventId(), e.payloadType(), up.revision(), e.aggregateId(),
                               e.aggregateType(), e.sequenceNumber(), e.timestamp(), Upcasting.write(up.payload()),
                               e.metaData());
    }

    /**
     * Runs {@code listener} after every group of commits this engine wrote (on the writer's thread: it must be quick
     * and must not block). Writes of other processes are not announced: readers poll as well.
     */
    public void addAppendListener(Runnable listener) {
        appendListeners.add(Objects.requireNonNull(listener));
    }

    public void removeAppendListener(Runnable listener) {
        appendListeners.remove(listener);
    }

    /** The number of positions allocated so far, for monitoring and tests. */
    public long allocatedPositions() {
        return allocator.allocatedUpTo();
    }

    /** Number of positions this process is currently timing as missing; for monitoring and tests. */
    public int trackedMissingPositions() {
        return reader.trackedMissingPositions();
    }

    // -------------------------------------------------------------------------------------------------- builder

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private String prefix = "";
        private Duration gapHoldBack = Duration.ofSeconds(2);
        private Duration gapTimeout = Duration.ofMinutes(1);
        private int maxGapOffset = 10_000;
        private LongSupplier nanoTime = System::nanoTime;
        private boolean createIndexes = true;
        private boolean tombstones = true;
        private boolean groupCommit = true;
        private boolean inProcessPositions;
        private PayloadRevisions payloadRevisions = PayloadRevisions.NONE;
        private EventUpcaster userChain = NoOpEventUpcaster.INSTANCE;
        private Upcasting upcasting;

        public Builder() {
            persistenceExceptionResolver(new MongoPersistenceExceptionResolver());
            batchSize(1000);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** A prefix for the three collection names, e.g. to keep several stores in one database. */
        public Builder collectionPrefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix);
            return this;
        }

        /** How long a reader holds back later events while a missing position may still appear (default 2 s). */
        public Builder gapHoldBack(Duration gapHoldBack) {
            this.gapHoldBack = Objects.requireNonNull(gapHoldBack);
            return this;
        }

        /** How long a passed position stays in a token's gaps, so a late commit is still delivered (default 1 min). */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = Objects.requireNonNull(gapTimeout);
            return this;
        }

        /** How far below the index a gap may lie before it is dropped (default 10,000): bounds the token. */
        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** The monotonic clock that times missing positions (tests pass their own). */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime);
            return this;
        }

        public Builder createIndexes(boolean createIndexes) {
            this.createIndexes = createIndexes;
            return this;
        }

        /** Whether a refused writer marks its allocated positions as never written (default true). */
        public Builder tombstones(boolean tombstones) {
            this.tombstones = tombstones;
            return this;
        }

        /** Whether concurrent single-aggregate appends share one counter update and one insert (default true). */
        /**
         * Hands out positions from memory, reserving them on the server a block at a time
         * ({@link PositionAllocator.InProcess}): one counter write per block instead of one per append. Only for a
         * store this engine alone writes to (the embedded default); off by default.
         */
        public Builder inProcessPositions(boolean inProcessPositions) {
            this.inProcessPositions = inProcessPositions;
            return this;
        }

        public Builder groupCommit(boolean groupCommit) {
            this.groupCommit = groupCommit;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        /**
         * Axon upcasters applied after the engine's own {@link RevisionUpcaster} (which brings every payload to its
         * current revision by {@link #payloadRevisions}).
         */
        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            this.userChain = Objects.requireNonNull(upcasterChain);
            return this;
        }

        /**
         * How stored payloads are brought to their type's current revision on every read path: aggregate loads and
         * tracking reads (Axon's upcaster chain starts with it) and {@link #readLog}. Default: read as stored.
         */
        public Builder payloadRevisions(PayloadRevisions payloadRevisions) {
            this.payloadRevisions = Objects.requireNonNull(payloadRevisions);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            // Called first by Axon's engine constructor: the chain it takes starts with the revision upcaster.
            if (upcasting == null) {
                upcasting = new Upcasting(payloadRevisions);
                super.upcasterChain(new EventUpcasterChain(new RevisionUpcaster(upcasting), userChain));
            }
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("A MongoDatabase is required");
            }
            if (gapHoldBack.compareTo(gapTimeout) > 0) {
                throw new AxonConfigurationException("gapHoldBack must not exceed gapTimeout");
            }
        }

        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }
    }
}
