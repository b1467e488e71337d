package io.attain.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.in;

/**
 * The MongoDB collections one projection owns, and how its batches reach them.
 *
 * <ul>
 *     <li>Loads: by {@code _id} (equality or {@code $in}), through a cache of committed documents that is valid
 *     while this node holds the processor's segment (it is the only writer then) and is emptied whenever the
 *     segment is (re)claimed, a batch fails, or the projection is reset.</li>
 *     <li>Writes: {@link #commit} first writes the batch's journal (token + writes), then the writes, one ordered
 *     bulk write per collection; the processor stores its token afterwards. {@link #recover} rolls a batch forward
 *     from its journal when its token was never stored.</li>
 * </ul>
 */
public final class ProjectionStore {

    private static final Logger log = LoggerFactory.getLogger(ProjectionStore.class);
    /** Marks a cached "no such document". */
    private static final Document ABSENT = new Document();

    private final String name;
    private final String projection;
    private final int generation;
    private final MongoDatabase database;
    private final List<String> collections;
    private final BatchJournal journal;
    private final int cacheSize;
    private final Map<String, Map<String, Document>> cache = new HashMap<>();
    /**
     * Collections whose every document is in the cache: those found empty when the segment was claimed, as long as
     * the cache has not evicted anything from them. A load from such a collection needs no query (a replay after a
     * reset, or a first start, reads nothing back).
     */
    private final java.util.Set<String> complete = new java.util.HashSet<>();
    private volatile FaultInjector faults = FaultInjector.NONE;
    private volatile Runnable writeGuard = () -> { };
    private volatile Consumer<TrackingToken> claimListener = token -> { };
    private final java.util.concurrent.atomic.AtomicInteger rollForwards = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param name        the processing group and processor name
     * @param collections every collection the projection writes (dropped on reset)
     * @param cacheSize   documents kept per collection between batches
     */
    public ProjectionStore(String name, MongoDatabase database, List<String> collections, BatchJournal journal,
                           int cacheSize) {
        this(name, 0, database, collections, journal, cacheSize);
    }

    /**
     * The store of one generation of a projection (ADR 0004): generation 0 uses the projection's own processor
     * and collection names, generation {@code g > 0} the names {@link Generations#processorName} and
     * {@link Generations#collectionName} give.
     *
     * @param projection  the projection's processing group
     * @param collections the projection's (logical) collection names; handlers and {@link #collections()} use these
     */
    public ProjectionStore(String projection, int generation, MongoDatabase database, List<String> collections,
                           BatchJournal journal, int cacheSize) {
        this.projection = Objects.requireNonNull(projection);
        this.generation = generation;
        this.name = Generations.processorName(projection, generation);
        this.database = database;
        this.collections = List.copyOf(collections);
        this.journal = journal;
        this.cacheSize = cacheSize;
    }

    /** The processor name (the projection's processing group for generation 0). */
    public String name() {
        return name;
    }

    /** The projection (processing group) this store belongs to. */
    public String projection() {
        return projection;
    }

    /** The generation of the projection's collections this store writes. */
    public int generation() {
        return generation;
    }

    /** The projection's logical collection names. */
    public List<String> collections() {
        return collections;
    }

    /** The collection of this generation that stores the logical collection. */
    public String physical(String collection) {
        return Generations.collectionName(collection, generation);
    }

    /** The collection of this generation for a logical collection name. */
    public MongoCollection<Document> collection(String collection) {
        return database.getCollection(physical(collection));
    }

    /** The injected faults (test seam; {@link FaultInjector#NONE} in production). */
    public FaultInjector faults() {
        return faults;
    }

    /** Test seam: fail part-way through a batch's writes. */
    public void faults(FaultInjector faults) {
        this.faults = faults == null ? FaultInjector.NONE : faults;
    }

    /**
     * Checked before every batch's journal is written; throws to refuse the batch (a retired generation must not
     * write any more, see ADR 0004).
     */
    public void writeGuard(Runnable guard) {
        this.writeGuard = guard == null ? () -> { } : guard;
    }

    /** Told the token a segment starts from whenever this node claims it (after any roll-forward). */
    public void onClaim(Consumer<TrackingToken> listener) {
        this.claimListener = listener;
    }

    // ------------------------------------------------------------------------------------------------- loading

    /** Committed documents by id (absent ids are missing from the result); deep copies. */
    Map<String, Document> load(String collection, Collection<String> ids) {
        Map<String, Document> result = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            Map<String, Document> cached = cache.get(collection);
            boolean all = complete.contains(collection);
            for (String id : ids) {
                Document d = cached == null ? null : cached.get(id);
                if (d == null) {
                    if (!all) {
                        missing.add(id);
                    }
                } else if (d != ABSENT) {
                    result.put(id, Doc.copy(d));
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Document> found = new HashMap<>();
            for (Document d : collection(collection).find(in("_id", missing))) {
                found.put(d.getString("_id"), d);
            }
            synchronized (cache) {
                for (String id : missing) {
                    Document d = found.get(id);
                    remember(collection, id, d == null ? ABSENT : Doc.copy(d));
                    if (d != null) {
                        result.put(id, d);
                    }
                }
            }
        }
        return result;
    }

    private void remember(String collection, String id, Document document) {
        Map<String, Document> cached = cache.computeIfAbsent(collection, c -> new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                if (size() > cacheSize) {
                    complete.remove(collection);
                    return true;
                }
                return false;
            }
        });
        cached.put(id, document);
    }

    void forgetCache() {
        synchronized (cache) {
            cache.clear();
            complete.clear();
        }
    }

    /** After a claim: collections that are empty are known completely (every later document passes the cache). */
    private void findEmptyCollections() {
        for (String c : collections) {
            boolean empty = collection(c).find().projection(new Document("_id", 1)).limit(1).first() == null;
            if (empty) {
                synchronized (cache) {
                    complete.add(c);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- writing

    /** A new batch of changes to this projection's documents. */
    public Batch newBatch() {
        return new Batch(this);
    }

    /**
     * Writes a batch: journal first, then the documents. Called before the processor stores {@code token}; on any
     * failure the cache is emptied and the exception propagates (the processor then rolls back, releases the
     * segment, and the next claim rolls the batch forward from the journal if it got that far).
     */
    void commit(int segment, TrackingToken token, List<Doc> docs) {
        commit(segment, token, docs, List.of(), false);
    }

    /**
     * @param extra writes to add to the batch (the applied-marker of a retried dead letter)
     * @param redo  a batch that does not move the token (a dead-letter retry): its journal is rolled forward on the
     *              next claim whatever the stored token
     */
    void commit(int segment, TrackingToken token, List<Doc> docs, List<Op> extra, boolean redo) {
        List<Op> ops = new ArrayList<>();
        for (Doc doc : docs) {
            if (doc.changed()) {
                Op op = Op.of(doc).in(physical(doc.collection()));
                if (!op.isEmpty()) {
                    ops.add(op);
                }
            }
        }
        ops.addAll(extra);
        if (ops.isEmpty()) {
            return;
        }
        try {
            writeGuard.run();
            faults.beforeJournal(name, ops.size());
            journal.write(name, segment, token, ops, redo);
            apply(ops, true);
        } catch (RuntimeException e) {
            forgetCache();
            throw e;
        }
        synchronized (cache) {
            for (Doc doc : docs) {
                if (doc.changed()) {
                    remember(doc.collection(), doc.id(), doc.exists() ? Doc.copy(doc.data()) : ABSENT);
                }
            }
        }
    }

    private void apply(List<Op> ops, boolean injectFaults) {
        Map<String, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        for (Op op : ops) {
            byCollection.computeIfAbsent(op.collection(), c -> new ArrayList<>()).add(op.toWriteModel());
        }
        int written = 0;
        for (Map.Entry<String, List<WriteModel<Document>>> e : byCollection.entrySet()) {
            List<WriteModel<Document>> models = e.getValue();
            int allowed = injectFaults ? faults.allowWrites(name, written, models.size()) : models.size();
            if (allowed < models.size()) {
                if (allowed > 0) {
                    database.getCollection(e.getKey()).bulkWrite(models.subList(0, allowed),
                                                                 new BulkWriteOptions().ordered(true));
                }
                throw new SimulatedCrash(name + ": crashed after " + (written + allowed) + " of " + ops.size()
                                                 + " writes");
            }
            database.getCollection(e.getKey()).bulkWrite(models, new BulkWriteOptions().ordered(true));
            written += models.size();
        }
        if (injectFaults) {
            faults.afterWrites(name, ops.size());
        }
    }

    // ------------------------------------------------------------------------------------------- claims, reset

    /**
     * Called when this node has just claimed {@code segment} with stored token {@code stored}: if the segment's
     * journal holds a batch the stored token does not cover, that batch's writes are applied again and its token is
     * returned (the caller stores it); otherwise {@code null}.
     */
    TrackingToken recover(int segment, TrackingToken stored) {
        forgetCache();
        BatchJournal.Entry entry = journal.read(name, segment);
        if (entry == null || (!entry.redo() && Tokens.covers(stored, entry.token()))) {
            findEmptyCollections();
            return null;
        }
        log.info("Projection {} segment {}: rolling forward a batch of {} writes that did not store its token",
                 name, segment, entry.ops().size());
        apply(entry.ops(), false);
        rollForwards.incrementAndGet();
        if (entry.redo()) {
            // a dead-letter retry's batch (ADR 0007): its token is not ahead of the stored one; done with it
            journal.clear(name);
            findEmptyCollections();
            return null;
        }
        return entry.token();
    }

    void claimed(TrackingToken token) {
        claimListener.accept(token);
    }

    /** Drops every collection of the projection and its journal (the processor's {@code @ResetHandler}). */
    public void reset() {
        java.util.Set<String> existing = database.listCollectionNames().into(new java.util.HashSet<>());
        for (String c : collections) {
            if (existing.contains(physical(c))) { // dropping a missing collection is an error on some servers
                collection(c).drop();
            }
        }
        journal.clear(name);
        forgetCache();
        synchronized (cache) {
            complete.addAll(collections);
        }
    }

    /** How many batches this store rolled forward from the journal since it was created. */
    public int rollForwards() {
        return rollForwards.get();
    }

    /** A failure injected by a test. */
    public static final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(String message) {
            super(message);
        }
    }

    /** Test seam to crash a batch at a chosen point of its writes. */
    public interface FaultInjector {
        FaultInjector NONE = new FaultInjector() {
        };

        /** Before the journal is written; throw to crash there. */
        default void beforeJournal(String projection, int writes) {
        }

        /** How many of the next {@code count} writes (after {@code written} so far) to perform before crashing. */
        default int allowWrites(String projection, int written, int count) {
            return count;
        }

        /** After all writes, before the processor stores its token; throw to crash there. */
        default void afterWrites(String projection, int writes) {
        }

        /**
         * After the projection's handlers changed the batch's documents for {@code event}, inside the event's
         * savepoint; throw to make the event fail as a handler that throws half-way (ADR 0007).
         */
        default void afterHandlers(String projection, org.axonframework.eventhandling.EventMessage<?> event) {
        }
    }
}
