package io.attain.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.mongodb.client.model.Filters.in;

/**
 * The log as integration tools read it (ADR 0011): by global position, never past the <em>safe head</em>.
 * <p>
 * The safe head is the highest position {@code H} such that every position {@code ≤ H} is covered by a visible commit
 * or tombstone. No commit can appear at or below it any more: positions are allocated before their commit is
 * inserted and a commit's {@code _id} is its first position, so a position that is not covered is either still being
 * written or abandoned. Unlike a tracking reader, which passes a missing position after the hold-back and may then
 * deliver a late commit out of order, this reader waits. A position missing for longer than the gap timeout is
 * <em>closed</em>: a tombstone is inserted at it (lowest first, one at a time), and the unique {@code _id} decides
 * atomically between the tombstone and the late commit — if the tombstone wins, the late writer's insert is refused
 * and its append fails (it was never acknowledged), so no event can appear below a safe head ever handed out.
 */
final class LogReader {

    private static final Logger log = LoggerFactory.getLogger(LogReader.class);

    /** Positions asked for per query. */
    static final int WINDOW = 1000;

    private final MongoCollection<Document> events;
    private final PositionAllocator positions;
    private final GapAwareReader reader;
    private final GapClock gapClock;
    private final Duration closeAfter;
    private final boolean tombstones;
    private final Object lock = new Object();
    private volatile long safeHead;

    LogReader(MongoCollection<Document> events, PositionAllocator positions, GapAwareReader reader, GapClock gapClock,
              Duration closeAfter, boolean tombstones) {
        this.events = events;
        this.positions = positions;
        this.reader = reader;
        this.gapClock = gapClock;
        this.closeAfter = closeAfter;
        this.tombstones = tombstones;
    }

    /** The safe head as last computed, without asking the store. */
    long knownSafeHead() {
        return safeHead;
    }

    /** Advances the safe head as far as the visible commits allow and returns it; it never goes down. */
    long safeHead() {
        synchronized (lock) {
            long head = safeHead;
            long allocated = positions.allocatedUpTo();
            while (head < allocated) {
                long from = head + 1;
                long to = Math.min(allocated, from + WINDOW - 1);
                List<Document> commits = events.find(in("_id", window(from, to)))
                                               .projection(Projections.include("_id", "last"))
                                               .into(new ArrayList<>());
                commits.sort(Comparator.comparingLong(d -> d.getLong("_id")));
                long expected = from;
                long holeEnd = to;
                for (Document commit : commits) {
                    if (commit.getLong("_id") > expected) {
                        holeEnd = commit.getLong("_id") - 1;
                        break;
                    }
                    expected = Math.max(expected, commit.getLong("last") + 1);
                }
                head = expected - 1;
                if (expected <= to) {
                    // positions expected..holeEnd are allocated but not visible: their clocks start together
                    for (long p = expected; p <= holeEnd; p++) {
                        gapClock.missing(p);
                    }
                    if (!close(expected)) {
                        break;
                    }
                }
            }
            if (head > safeHead) {
                gapClock.forgetUpTo(head);
            }
            safeHead = head;
            return head;
        }
    }

    /**
     * Closes a position missing for longer than the gap timeout with a tombstone; true when it is now covered (by the
     * tombstone or by the commit that won the race), false while it must still be waited for.
     */
    private boolean close(long position) {
        if (!tombstones || !gapClock.missingLongerThan(position, closeAfter)) {
            return false;
        }
        try {
            events.insertOne(MongoEventStorageEngine.tombstone(position, position));
            log.warn("Global position {} was allocated but not visible for {}; closed with a tombstone (a late commit "
                             + "there is refused)", position, closeAfter);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                log.warn("Could not close global position {}", position, e);
                return false;
            }
            // the commit appeared just now: it is covered
        } catch (MongoException e) {
            log.warn("Could not close global position {}", position, e);
            return false;
        }
        return true;
    }

    /** Every event with a position in {@code (after, min(after + maxPositions, safe head)]}, in position order. */
    LogSlice read(long after, int maxPositions) {
        long head = safeHead();
        long to = Math.min(head, after + Math.max(1, maxPositions));
        List<LoggedEvent> out = new ArrayList<>();
        if (after >= to) {
            return new LogSlice(out, Math.max(after, 0), head);
        }
        long from = after + 1;
        boolean first = true;
        while (from <= to) {
            long windowEnd = Math.min(to, from + WINDOW - 1);
            List<Document> commits = events.find(in("_id", window(from, windowEnd))).into(new ArrayList<>());
            commits.sort(Comparator.comparingLong(d -> d.getLong("_id")));
            if (first && (commits.isEmpty() || commits.get(0).getLong("_id") != from)) {
                // `from` lies inside a commit that starts earlier (a consumer stopped mid-commit)
                Document containing = reader.findCommitContaining(from);
                if (containing != null) {
                    commits.add(0, containing);
                }
            }
            first = false;
            for (Document commit : commits) {
                if (commit.getBoolean("tombstone", false)) {
                    continue;
                }
                long start = commit.getLong("_id");
                List<StoredEvent> stored = CommitDocuments.eventsOf(commit);
                for (int i = 0; i < stored.size(); i++) {
                    long p = start + i;
                    if (p >= from && p <= to) {
                        out.add(logged(p, stored.get(i)));
                    }
                }
            }
            from = windowEnd + 1;
        }
        return new LogSlice(out, to, head);
    }

    private static List<Long> window(long from, long to) {
        List<Long> window = new ArrayList<>((int) (to - from + 1));
        for (long p = from; p <= to; p++) {
            window.add(p);
        }
        return window;
    }

    private static LoggedEvent logged(long position, StoredEvent e) {
        if (e instanceof StoredEvent.Domain d) {
            return new LoggedEvent(position, d.getEventIdentifier(), d.payloadType, d.payloadRevision,
                                   d.getAggregateIdentifier(), d.getType(), d.getSequenceNumber(), d.getTimestamp(),
                                   d.payload, d.metaData);
        }
        return new LoggedEvent(position, e.getEventIdentifier(), e.payloadType, e.payloadRevision, null, null, 0,
                               e.getTimestamp(), e.payload, e.metaData);
    }
}
