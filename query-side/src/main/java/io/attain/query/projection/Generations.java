package io.attain.query.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

/**
 * The generation pointers of the projections (ADR 0004): one document per projection in {@value #COLLECTION},
 * {@code _id} = the projection's processing group:
 * <pre>
 * { _id: "funnel", active: 2, next: 2,
 *   rebuild: { id, generation: 3, startedAt, headAtStart, position, processed, updatedAt },   // while one runs
 *   last:    { ...the last finished rebuild..., finishedAt, from },
 *   retired: { g1: &lt;epoch millis&gt; } }                                                     // to be dropped
 * </pre>
 * Generation {@code g} of a projection is written by processor {@link #processorName} into the collections
 * {@link #collectionName}; queries read the {@code active} generation. Every change of a pointer is one conditional
 * single-document update, so it is atomic and at most one instance wins a race (start of a rebuild, the switch, the
 * clean-up of a retired generation) without transactions.
 */
public final class Generations implements ReadModels {

    public static final String COLLECTION = "query_generations";

    private final MongoDatabase database;
    private final MongoCollection<Document> pointers;
    private final Clock clock;
    private final long cacheNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Pointer pointer, long readAt) {
    }

    /**
     * @param cacheFor how long queries may use a pointer read before (the old generation is dropped only well after
     *                 a switch, see {@link ProjectionRuntime.Settings#retireGrace})
     */
    public Generations(MongoDatabase database, Clock clock, Duration cacheFor) {
        this.database = database;
        this.pointers = database.getCollection(COLLECTION);
        this.clock = clock;
        this.cacheNanos = cacheFor.toNanos();
    }

    /** The processor of generation {@code g}: the projection's own name for 0, else {@code <projection>@g<g>}. */
    public static String processorName(String projection, int generation) {
        return generation == 0 ? projection : projection + "@g" + generation;
    }

    /** The collection of generation {@code g}: the logical name for 0, else {@code <collection>__g<g>}. */
    public static String collectionName(String collection, int generation) {
        return generation == 0 ? collection : collection + "__g" + generation;
    }

    // ------------------------------------------------------------------------------------------------ documents

    /** A rebuild, running ({@code finishedAt == null}) or finished. */
    public record Rebuild(String id, int generation, Instant startedAt, long headAtStart, long position,
                          long processed, Instant finishedAt, Integer from) {

        static Rebuild of(Document d) {
            if (d == null) {
                return null;
            }
            return new Rebuild(d.getString("id"), number(d, "generation").intValue(),
                               Instant.parse(d.getString("startedAt")), number(d, "headAtStart").longValue(),
                               number(d, "position").longValue(), number(d, "processed").longValue(),
                               d.getString("finishedAt") == null ? null : Instant.parse(d.getString("finishedAt")),
                               d.get("from") == null ? null : number(d, "from").intValue());
        }

        Document toBson() {
            Document d = new Document("id", id).append("generation", generation)
                                               .append("startedAt", startedAt.toString())
                                               .append("headAtStart", headAtStart).append("position", position)
                                               .append("processed", processed);
            if (finishedAt != null) {
                d.append("finishedAt", finishedAt.toString());
            }
            if (from != null) {
                d.append("from", from);
            }
            return d;
        }
    }

    /** A projection's pointer document. */
    public record Pointer(String projection, int active, int next, Rebuild rebuild, Rebuild last,
                          Map<Integer, Instant> retired) {
    }

    private static Number number(Document d, String key) {
        Object v = d.get(key);
        return v instanceof Number n ? n : 0;
    }

    /** Creates the projection's pointer (active generation 0) unless it exists. */
    public void ensure(String projection) {
        if (pointers.find(eq("_id", projection)).first() != null) {
            return;
        }
        try {
            pointers.insertOne(new Document("_id", projection).append("active", 0).append("next", 0));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** The pointer as stored now (and refreshes the cache). */
    public Pointer read(String projection) {
        Document d = pointers.find(eq("_id", projection)).first();
        Pointer pointer;
        if (d == null) {
            pointer = new Pointer(projection, 0, 0, null, null, Map.of());
        } else {
            Map<Integer, Instant> retired = new java.util.TreeMap<>();
            if (d.get("retired") instanceof Document r) {
                for (Map.Entry<String, Object> e : r.entrySet()) {
                    retired.put(Integer.parseInt(e.getKey().substring(1)), Instant.ofEpochMilli(((Number) e.getValue()).longValue()));
                }
            }
            pointer = new Pointer(projection, number(d, "active").intValue(), number(d, "next").intValue(),
                                  Rebuild.of(d.get("rebuild", Document.class)), Rebuild.of(d.get("last", Document.class)),
                                  retired);
        }
        cache.put(projection, new Cached(pointer, System.nanoTime()));
        return pointer;
    }

    /** The pointer, read again if the cached one is older than the cache time. */
    public Pointer cached(String projection) {
        Cached c = cache.get(projection);
        if (c == null || System.nanoTime() - c.readAt() > cacheNanos) {
            return read(projection);
        }
        return c.pointer();
    }

    /**
     * Starts a rebuild into generation {@code generation} (which must be {@code next + 1} of {@code seen}): one
     * conditional update that succeeds only while no rebuild runs and nobody allocated that generation meanwhile.
     *
     * @return the rebuild, or {@code null} if another rebuild runs or the pointer changed
     */
    public Rebuild begin(Pointer seen, int generation, String id, long headAtStart) {
        Rebuild rebuild = new Rebuild(id, generation, clock.instant(), headAtStart, 0, 0, null, null);
        Bson filter = and(eq("_id", seen.projection()), eq("rebuild", null), eq("next", seen.next()));
        long modified = pointers.updateOne(filter, Updates.combine(Updates.set("next", generation),
                                                                    Updates.set("rebuild", rebuild.toBson())))
                                .getModifiedCount();
        read(seen.projection());
        return modified == 1 ? rebuild : null;
    }

    /** Adds a batch's events to the progress of the running rebuild of that generation (no-op otherwise). */
    public void progress(String projection, int generation, long events, long position) {
        pointers.updateOne(and(eq("_id", projection), eq("rebuild.generation", generation)),
                           Updates.combine(Updates.inc("rebuild.processed", events),
                                           Updates.set("rebuild.position", position),
                                           Updates.set("rebuild.updatedAt", clock.instant().toString())));
    }

    /**
     * The switch: makes the rebuild's generation the active one, records the rebuild as the last one and marks the
     * former active generation retired — one conditional update, so it happens once, on one instance, atomically
     * for every reader.
     *
     * @return {@code true} if this call switched
     */
    public boolean complete(Pointer seen) {
        Rebuild r = seen.rebuild();
        Instant now = clock.instant();
        Bson filter = and(eq("_id", seen.projection()), eq("active", seen.active()),
                          eq("rebuild.generation", r.generation()));
        Document current = pointers.find(filter).first();
        if (current == null) {
            return false;
        }
        Rebuild stored = Rebuild.of(current.get("rebuild", Document.class)); // with the latest progress
        Rebuild last = new Rebuild(stored.id(), stored.generation(), stored.startedAt(), stored.headAtStart(),
                                   stored.position(), stored.processed(), now, seen.active());
        long modified = pointers.updateOne(filter, Updates.combine(
                Updates.set("active", r.generation()),
                Updates.set("last", last.toBson()),
                Updates.unset("rebuild"),
                Updates.set("retired.g" + seen.active(), now.toEpochMilli()))).getModifiedCount();
        read(seen.projection());
        return modified == 1;
    }

    /**
     * Abandons the running rebuild (its generation is marked retired, to be dropped).
     *
     * @return {@code true} if a rebuild was running and is now abandoned
     */
    public boolean abandon(String projection) {
        Pointer seen = read(projection);
        if (seen.rebuild() == null) {
            return false;
        }
        long modified = pointers.updateOne(
                and(eq("_id", projection), eq("rebuild.generation", seen.rebuild().generation())),
                Updates.combine(Updates.unset("rebuild"),
                                Updates.set("retired.g" + seen.rebuild().generation(),
                                            clock.instant().toEpochMilli()))).getModifiedCount();
        read(projection);
        return modified == 1;
    }

    /** Takes the clean-up of a retired generation: {@code true} for exactly one caller. */
    public boolean claimRetired(String projection, int generation) {
        String field = "retired.g" + generation;
        return pointers.updateOne(and(eq("_id", projection), exists(field)), Updates.unset(field))
                       .getModifiedCount() == 1;
    }

    /** Whether generation {@code g} may still write: it is the active one or the one being rebuilt. */
    public boolean isLive(String projection, int generation) {
        Pointer p = read(projection);
        return p.active() == generation || (p.rebuild() != null && p.rebuild().generation() == generation);
    }

    public Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------------------------------------ ReadModels

    @Override
    public MongoCollection<Document> collection(String projection, String collection) {
        return database.getCollection(collectionName(collection, cached(projection).active()));
    }

    @Override
    public String activeProcessor(String projection) {
        return processorName(projection, cached(projection).active());
    }

    @Override
    public boolean rebuilding(String projection) {
        return cached(projection).rebuild() != null;
    }

}
