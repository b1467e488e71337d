package io.attain.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
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
import com.mongodb.bulk.BulkWriteError;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BSONException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Indexes.ascending;

/**
 * Attain's event storage engine on MongoDB.
 *
 * <h2>Layout</h2>
 * <ul>
 *     <li>{@code events}: one document per <em>commit</em> (the events one unit of work appends to one aggregate),
 *     so a multi-event append is atomic without transactions. {@code _id} is the global position of the commit's
 *     first event, {@code last} that of its last; every event has its own position in between.</li>
 *     <li>{@code event_positions}: the counter that allocates global positions ({@code findOneAndUpdate $inc} by the
 *     number of events appended).</li>
 *     <li>{@code snapshots}: the latest snapshot per aggregate, {@code _id} = aggregate id.</li>
 * </ul>
 * The one unique index besides {@code _id} is on {@code key} = {@code aggregateId/firstSeq}, the commit's
 * (aggregate id, first sequence number): optimistic concurrency (two writers that loaded the same version both
 * append from the same sequence number and only one insert succeeds) and the aggregate loads below, with equality
 * and {@code $in} lookups — the only lookups the embedded wire server answers from an index. Non-unique indexes
 * for real MongoDB ({@code (aggregateId, seq)}, {@code last}, {@code recordedAt}) cost the embedded server nothing.
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
    private final PositionAllocator allocator;
    private final boolean tombstones;
    private final Receipts receipts = new Receipts(10_000);
    private final boolean groupCommit;
    private final Queue<PendingCommit> groupQueue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock groupLock = new ReentrantLock();

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = builder.database;
        this.events = db.getCollection(builder.prefix + EVENTS);
        this.positions = db.getCollection(builder.prefix + POSITIONS);
        this.snapshots = db.getCollection(builder.prefix + SNAPSHOTS);
        this.allocator = builder.inProcessPositions ? new PositionAllocator.InProcess(positions, events)
                : new PositionAllocator.Counter(positions);
        this.reader = new GapAwareReader(events, allocator, new GapClock(builder.nanoTime), builder.gapHoldBack,
                                         builder.gapTimeout, builder.maxGapOffset);
        this.tombstones = builder.tombstones;
        this.groupCommit = builder.groupCommit;
        if (builder.createIndexes) {
            ensureIndexes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the collections' indexes; idempotent. */
    public void ensureIndexes() {
        // Optimistic concurrency: (aggregate id, first sequence number) of a commit, as one unique key.
        events.createIndex(ascending("key"), new IndexOptions().unique(true).name("aggregate_first_seq"));
        // Used by real MongoDB only (the embedded server ignores non-unique indexes, so they cost it nothing).
        events.createIndex(ascending("aggregateId", "seq"), new IndexOptions().name("aggregate_seq"));
        events.createIndex(ascending("last"), new IndexOptions().name("last"));
        events.createIndex(ascending("recordedAt"), new IndexOptions().name("recorded_at"));
    }

    // ------------------------------------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Commit> commits = toCommits(events, serializer);
        if (commits.size() > 1 || !groupCommit) {
            appendInOrder(commits);
            return;
        }
        PendingCommit pending = new PendingCommit(commits.get(0));
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
        if (pending.failure != null) {
            handlePersistenceException(pending.failure, pending.commit.events.get(0).message);
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
                inserted.get(i).commit.recordReceipt(receipts, doc.getLong("last"));
                inserted.get(i).succeed();
            }
        }
        writeTombstones(tombstones);
    }

    /** Commits of several aggregates from one unit of work: written in order, each its own document. */
    private void appendInOrder(List<Commit> commits) {
        int total = 0;
        for (Commit commit : commits) {
            total += commit.events.size();
        }
        long last = allocate(total);
        long next = last - total + 1;
        List<Document> documents = new ArrayList<>(commits.size());
        for (Commit commit : commits) {
            documents.add(commit.toDocument(next));
            next += commit.events.size();
        }
        int failedAt;
        Exception failure;
        try {
            if (documents.size() == 1) {
                this.events.insertOne(documents.get(0));
            } else {
                this.events.insertMany(documents, new InsertManyOptions().ordered(true));
            }
            for (int i = 0; i < commits.size(); i++) {
                commits.get(i).recordReceipt(receipts, documents.get(i).getLong("last"));
            }
            return;
        } catch (MongoWriteException e) {
            failedAt = 0;
            failure = e;
        } catch (MongoBulkWriteException e) {
            failedAt = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
            failure = e;
        } catch (BSONException e) {
            // Refused by the driver before sending (e.g. a commit larger than the server's document limit).
            failedAt = 0;
            failure = e;
        } catch (MongoException e) {
            // Outcome unknown (e.g. network): no tombstone; readers pass these positions after the hold-back.
            handlePersistenceException(e, commits.get(0).events.get(0).message);
            return;
        }
        // The server refused the document at failedAt (and, writes being ordered, wrote none after it).
        long firstUnwritten = documents.get(failedAt).getLong("_id");
        writeTombstones(List.of(tombstone(firstUnwritten, last)));
        handlePersistenceException(failure, commits.get(failedAt).events.get(0).message);
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

    private Document tombstone(long first, long last) {
        String id = TOMBSTONE_PREFIX + first;
        return new Document("_id", first)
                .append("last", last)
                .append("aggregateId", id)
                .append("seq", 0L)
                .append("key", id)
                .append("tombstone", true)
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

    private List<Commit> toCommits(List<? extends EventMessage<?>> messages, Serializer serializer) {
        List<Commit> commits = new ArrayList<>();
        Commit current = null;
        for (EventMessage<?> message : messages) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            boolean domain = message instanceof DomainEventMessage<?>;
            if (current == null || !domain || !current.domain
                    || !current.aggregateId.equals(event.getAggregateIdentifier())
                    || current.lastSeq() + 1 != event.getSequenceNumber()) {
                current = new Commit(domain, event.getType(), event.getAggregateIdentifier());
                commits.add(current);
            }
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            current.events.add(new PendingEvent(message, event.getSequenceNumber(), payload, metaData));
        }
        return commits;
    }

    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain
                ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private record PendingEvent(EventMessage<?> message, long seq, SerializedObject<String> payload,
                                SerializedObject<String> metaData) {
    }

    private static final class Commit {
        final boolean domain;
        final String type;
        final String aggregateId;
        final List<PendingEvent> events = new ArrayList<>();

        Commit(boolean domain, String type, String aggregateId) {
            this.domain = domain;
            this.type = type;
            this.aggregateId = aggregateId;
        }

        long firstSeq() {
            return events.get(0).seq;
        }

        long lastSeq() {
            return events.get(events.size() - 1).seq;
        }

        void recordReceipt(Receipts receipts, long lastPosition) {
            Object correlationId = events.get(0).message.getMetaData().get("correlationId");
            if (correlationId != null && domain) {
                receipts.record(correlationId.toString(), new AppendReceipt(aggregateId, lastSeq(), lastPosition));
            }
        }

        /**
         * An upper bound of the commit document's BSON size without encoding it: UTF-8 takes at most 3 bytes per
         * UTF-16 char, plus generous room for field names, numbers and array overhead. Only a commit whose bound
         * exceeds the limit is encoded to measure it exactly.
         */
        long maxBsonSize() {
            long chars = 2L * aggregateId.length() + (type == null ? 0 : type.length()) + 64;
            for (PendingEvent e : events) {
                chars += e.message.getIdentifier().length() + e.payload.getType().getName().length()
                        + (e.payload.getType().getRevision() == null ? 0 : e.payload.getType().getRevision().length())
                        + e.payload.getData().length() + e.metaData.getData().length() + 64;
            }
            return 3 * chars + 512L + 256L * events.size();
        }

        Document toDocument(long firstPosition) {
            List<Document> eventDocs = new ArrayList<>(events.size());
            for (PendingEvent e : events) {
                eventDocs.add(new Document("eventId", e.message.getIdentifier())
                                      .append("seq", e.seq)
                                      .append("timestamp", e.message.getTimestamp().toString())
                                      .append("payloadType", e.payload.getType().getName())
                                      .append("payloadRevision", e.payload.getType().getRevision())
                                      .append("payload", e.payload.getData())
                                      .append("metaData", e.metaData.getData()));
            }
            Document doc = new Document("_id", firstPosition)
                    .append("last", firstPosition + events.size() - 1)
                    .append("aggregateId", aggregateId)
                    .append("aggregateType", type)
                    .append("seq", firstSeq())
                    .append("lastSeq", lastSeq())
                    .append("key", aggregateId + "/" + firstSeq())
                    .append("recordedAt", events.get(0).message.getTimestamp().toString());
            if (!domain) {
                doc.append("domain", false);
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
        return Stream.of(new StoredEvent.Domain(doc.getString("aggregateType"), aggregateIdentifier,
                                                doc.get("seq", Number.class).longValue(), doc.getString("eventId"),
                                                Instant.parse(doc.getString("timestamp")),
                                                doc.getString("payloadType"), doc.getString("payloadRevision"),
                                                doc.getString("payload"), doc.getString("metaData")));
    }

    // ------------------------------------------------------------------------------------------ aggregate loads

    /**
     * Reads the commits of one aggregate that hold events from {@code firstSequenceNumber} on. Commits are found
     * by their unique {@code key} ({@code aggregateId/firstSeq}) with one {@code $in} over a window of candidate
     * sequence numbers, which is an index lookup on every server.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<StoredEvent.Domain> result = new ArrayList<>();
        long from = firstSequenceNumber;
        int window = FIRST_LOAD_WINDOW;
        boolean first = true;
        while (result.size() < batchSize) {
            List<Document> commits = commitsStartingIn(aggregateIdentifier, from, window);
            if (first && (commits.isEmpty() || commits.get(0).get("seq", Number.class).longValue() != from)) {
                Document containing = commitContaining(aggregateIdentifier, from);
                if (containing != null) {
                    commits.add(0, containing);
                }
            }
            first = false;
            if (commits.isEmpty()) {
                break;
            }
            long expected = from;
            for (Document commit : commits) {
                if (commit.get("seq", Number.class).longValue() > expected) {
                    break; // only contiguous commits; the next window continues from the hole
                }
                for (StoredEvent.Domain event : CommitDocuments.domainEvents(commit)) {
                    if (event.getSequenceNumber() >= from) {
                        result.add(event);
                    }
                }
                expected = commit.get("lastSeq", Number.class).longValue() + 1;
            }
            if (expected == from) {
                break;
            }
            from = expected;
            window = Math.min(window * 2, batchSize); // long streams: fewer, larger look-ups
        }
        return result;
    }

    private List<Document> commitsStartingIn(String aggregateId, long from, int window) {
        List<String> keys = new ArrayList<>(window);
        for (long s = from; s < from + window; s++) {
            keys.add(aggregateId + "/" + s);
        }
        List<Document> commits = events.find(in("key", keys)).into(new ArrayList<>());
        commits.sort(Comparator.comparingLong(d -> d.get("seq", Number.class).longValue()));
        return commits;
    }

    /**
     * The commit that holds {@code seq} without starting at it, if any (a load from inside a commit). Decided by
     * the last commit that starts before {@code seq}, looked for in growing windows behind it.
     */
    private Document commitContaining(String aggregateId, long seq) {
        long to = seq;
        for (int window = 8; to > 0 && window <= LOOK_BACK; window *= 8) {
            long from = Math.max(0, seq - window);
            List<Document> before = commitsStartingIn(aggregateId, from, (int) (to - from));
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

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Document last = events.find(eq("aggregateId", aggregateIdentifier))
                              .sort(Sorts.descending("seq"))
                              .projection(Projections.include("lastSeq"))
                              .first();
        return Optional.ofNullable(last).map(d -> d.get("lastSeq", Number.class).longValue());
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

    /** Just before the first event recorded at or after {@code dateTime}; the head when there is none. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = events.find(gte("recordedAt", dateTime.toString()))
                               .sort(Sorts.ascending("_id")).projection(Projections.include("_id")).first();
        if (first == null) {
            return createHeadToken();
        }
        return GapAwareTrackingToken.newInstance(first.getLong("_id") - 1, List.of());
    }

    /**
     * What the handling of the command with this message id appended last (by Axon's {@code correlationId}
     * metadata), if this process appended it recently.
     */
    public Optional<AppendReceipt> receiptFor(String commandMessageId) {
        return receipts.find(commandMessageId);
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

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
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
