package io.attain.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

/**
 * Hands out global positions: consecutive, never twice, and never lower than one a reader may have passed. Two ways,
 * chosen when the engine is built (ADR 0002):
 * <ul>
 *     <li>{@link Counter} (the default; any number of writing processes): every append takes its positions from the
 *     counter document with one {@code findOneAndUpdate $inc}, and readers take the counter as the highest position
 *     allocated.</li>
 *     <li>{@link InProcess} (only when this engine is the one writer of the store, e.g. the embedded default, whose
 *     server runs inside this process): positions are handed out from memory, and the counter document reserves a
 *     block of them ({@code value} = end of the block, {@code from} = first position of the block) before any of
 *     them is handed out; at start the engine finds the last position written in the reserved block. One counter
 *     write per block instead of one per append, and readers in this process ask memory, not the server.</li>
 * </ul>
 */
interface PositionAllocator {

    /** Allocates {@code count} consecutive positions; returns the last one. */
    long allocate(int count);

    /** The highest position handed out so far (written or not yet). */
    long allocatedUpTo();

    /**
     * Whether readers may pass positions that are missing after the last written one once the hold-back has passed.
     * The in-process allocator says no: after a crash it hands out positions again from the last one written, so a
     * reader must not have passed them; missing positions below a written one are passed as usual.
     */
    boolean mayPassTail();

    /** One {@code findOneAndUpdate $inc} per append. */
    final class Counter implements PositionAllocator {
        private final MongoCollection<Document> positions;

        Counter(MongoCollection<Document> positions) {
            this.positions = positions;
        }

        @Override
        public long allocate(int count) {
            Document counter = positions.findOneAndUpdate(
                    eq("_id", MongoEventStorageEngine.COUNTER_ID),
                    combine(inc("value", (long) count), unset("from")),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return Objects.requireNonNull(counter).get("value", Number.class).longValue();
        }

        @Override
        public long allocatedUpTo() {
            Document counter = positions.find(eq("_id", MongoEventStorageEngine.COUNTER_ID)).first();
            return counter == null ? 0 : counter.get("value", Number.class).longValue();
        }

        @Override
        public boolean mayPassTail() {
            return true;
        }
    }

    /** Positions from memory, reserved on the server a block at a time. */
    final class InProcess implements PositionAllocator {
        /** How many positions one counter write reserves (more when one append needs more). */
        static final int BLOCK = 256;
        /** Positions of the reserved block looked up per query at start. */
        private static final int PROBE = 1024;

        private final MongoCollection<Document> positions;
        private volatile long handedOut;
        private long reservedUpTo;

        InProcess(MongoCollection<Document> positions, MongoCollection<Document> events) {
            this.positions = positions;
            Document counter = positions.find(eq("_id", MongoEventStorageEngine.COUNTER_ID)).first();
            if (counter == null) {
                return;
            }
            reservedUpTo = counter.get("value", Number.class).longValue();
            Number from = counter.get("from", Number.class);
            // Without a block (the counter was last moved by a Counter allocator): everything counted is taken.
            handedOut = from == null ? reservedUpTo : lastWritten(events, from.longValue(), reservedUpTo);
        }

        /** The last position written in the block {@code from..to}, or {@code from - 1} if none is. */
        private static long lastWritten(MongoCollection<Document> events, long from, long to) {
            long last = from - 1;
            for (long start = from; start <= to; start += PROBE) {
                List<Long> ids = new ArrayList<>();
                for (long p = start; p <= Math.min(to, start + PROBE - 1); p++) {
                    ids.add(p);
                }
                for (Document commit : events.find(in("_id", ids)).projection(Projections.include("last"))) {
                    last = Math.max(last, commit.getLong("last"));
                }
            }
            return last;
        }

        @Override
        public synchronized long allocate(int count) {
            long last = handedOut + count;
            if (last > reservedUpTo) {
                // Every commit starts at or after the block's `from`: a commit never begins before the block it ends in.
                long from = handedOut + 1;
                long until = handedOut + Math.max(count, BLOCK);
                positions.updateOne(eq("_id", MongoEventStorageEngine.COUNTER_ID),
                                    combine(set("value", until), set("from", from)),
                                    new UpdateOptions().upsert(true));
                reservedUpTo = until;
            }
            handedOut = last;
            return last;
        }

        @Override
        public long allocatedUpTo() {
            return handedOut;
        }

        @Override
        public boolean mayPassTail() {
            return false;
        }
    }
}
