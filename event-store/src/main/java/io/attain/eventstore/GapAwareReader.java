package io.attain.eventstore;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

/**
 * The tracking side of the event store: reads windows of global positions for a {@link GapAwareTrackingToken},
 * holds later events back while a missing position may still appear, passes it after the hold-back and keeps it as a
 * gap until the gap timeout. See {@link MongoEventStorageEngine} and ADR 0002.
 */
final class GapAwareReader {

    private static final Logger log = LoggerFactory.getLogger(GapAwareReader.class);

    private final MongoCollection<Document> events;
    private final PositionAllocator positions;
    private final GapClock gapClock;
    private final Duration gapHoldBack;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private volatile long lastPurge;

    GapAwareReader(MongoCollection<Document> events, PositionAllocator positions, GapClock gapClock,
                   Duration gapHoldBack, Duration gapTimeout, int maxGapOffset) {
        this.events = events;
        this.positions = positions;
        this.gapClock = gapClock;
        this.gapHoldBack = gapHoldBack;
        this.gapTimeout = gapTimeout;
        this.maxGapOffset = maxGapOffset;
        this.lastPurge = gapClock.now();
    }

    int trackedMissingPositions() {
        return gapClock.size();
    }

    /**
     * One batch for a tracking reader: first the late arrivals among the token's gaps, then the positions after the
     * token's index, window by window, until {@code batchSize} events are collected, the allocated positions are
     * exhausted, or a missing position must still be waited for.
     */
    List<TrackedEventData<?>> fetch(GapAwareTrackingToken start, int batchSize, boolean mayStartMidCommit) {
        purgeGapClockOccasionally();
        List<TrackedEventData<?>> out = new ArrayList<>();
        GapAwareTrackingToken cur = dropExpiredGaps(start);

        if (cur.hasGaps()) {
            List<Document> late = events.find(in("_id", new ArrayList<>(cur.getGaps())))
                                        .into(new ArrayList<>());
            late.sort(Comparator.comparingLong(d -> d.getLong("_id")));
            for (Document commit : late) {
                long first = commit.getLong("_id");
                long last = commit.getLong("last");
                if (commit.getBoolean("tombstone", false)) {
                    for (long p = first; p <= last; p++) {
                        if (cur.getGaps().contains(p)) {
                            cur = cur.advanceTo(p, maxGapOffset);
                        }
                        gapClock.forget(p);
                    }
                    continue;
                }
                List<StoredEvent> stored = CommitDocuments.eventsOf(commit);
                for (int i = 0; i < stored.size(); i++) {
                    long p = first + i;
                    if (cur.getGaps().contains(p)) {
                        cur = cur.advanceTo(p, maxGapOffset);
                        out.add(tracked(cur, stored.get(i)));
                    }
                    gapClock.forget(p);
                }
            }
        }

        long allocated = allocatedUpTo();
        long index = cur.getIndex();
        if (mayStartMidCommit && index > 0 && index < allocated) {
            // The token may point inside a commit (a processor stopped mid-commit): deliver the commit's rest.
            Document containing = findCommitContaining(index);
            if (containing != null && containing.getLong("last") > index
                    && !containing.getBoolean("tombstone", false)) {
                long first = containing.getLong("_id");
                List<StoredEvent> stored = CommitDocuments.eventsOf(containing);
                for (int i = (int) (index - first + 1); i < stored.size(); i++) {
                    cur = cur.advanceTo(first + i, maxGapOffset);
                    out.add(tracked(cur, stored.get(i)));
                }
            }
        }

        long from = cur.getIndex() + 1;
        while (out.size() < batchSize && from <= allocated) {
            long windowEnd = Math.min(from + batchSize - 1, allocated);
            List<Long> window = new ArrayList<>((int) (windowEnd - from + 1));
            for (long p = from; p <= windowEnd; p++) {
                window.add(p);
            }
            List<Document> commits = events.find(in("_id", window)).into(new ArrayList<>());
            commits.sort(Comparator.comparingLong(d -> d.getLong("_id")));
            registerMissing(commits, from, windowEnd);
            long expected = from;
            for (Document commit : commits) {
                long first = commit.getLong("_id");
                if (first > expected && !mayPass(expected, first - 1)) {
                    return out; // hold back: keep global order while a missing position may still appear
                }
                long last = commit.getLong("last");
                if (commit.getBoolean("tombstone", false)) {
                    // never-written positions: advance over them one by one so that they do not become gaps
                    for (long p = first; p <= last; p++) {
                        if (p > cur.getIndex()) {
                            cur = cur.advanceTo(p, maxGapOffset);
                        }
                        gapClock.forget(p);
                    }
                } else {
                    List<StoredEvent> stored = CommitDocuments.eventsOf(commit);
                    for (int i = 0; i < stored.size(); i++) {
                        long p = first + i;
                        cur = cur.advanceTo(p, maxGapOffset);
                        gapClock.forget(p);
                        out.add(tracked(cur, stored.get(i)));
                    }
                }
                expected = last + 1;
            }
            if (expected <= windowEnd && (windowEnd == allocated && !positions.mayPassTail()
                                          || !mayPass(expected, windowEnd))) {
                return out; // missing positions at the end: wait (at the tail, wait for a later commit if told so)
            }
            from = Math.max(expected, windowEnd + 1);
        }
        return out;
    }

    /**
     * Starts the clock of every position of the window that no commit covers, all at once, so that several holes
     * in one window age together instead of one after the other.
     */
    void registerMissing(List<Document> commits, long from, long windowEnd) {
        long expected = from;
        for (Document commit : commits) {
            long first = commit.getLong("_id");
            for (long p = expected; p < first; p++) {
                gapClock.missing(p);
            }
            expected = Math.max(expected, commit.getLong("last") + 1);
        }
        for (long p = expected; p <= windowEnd; p++) {
            gapClock.missing(p);
        }
    }

    /** Whether a reader may pass the missing positions {@code from..to}: once the first has waited the hold-back. */
    boolean mayPass(long from, long to) {
        return gapClock.missingLongerThan(from, gapHoldBack);
    }

    GapAwareTrackingToken dropExpiredGaps(GapAwareTrackingToken token) {
        if (!token.hasGaps()) {
            return token;
        }
        long truncateAt = -1;
        for (Long gap : token.getGaps()) {
            if (gapClock.missingLongerThan(gap, gapTimeout)) {
                truncateAt = gap + 1;
            } else {
                break;
            }
        }
        if (truncateAt < 0) {
            return token;
        }
        for (Long gap : token.getGaps().headSet(truncateAt)) {
            log.warn("Global position {} was allocated but never became visible within {}; passed for good",
                     gap, gapTimeout);
        }
        return token.withGapsTruncatedAt(truncateAt);
    }

    void purgeGapClockOccasionally() {
        long now = gapClock.now();
        if (now - lastPurge > gapTimeout.toNanos()) {
            lastPurge = now;
            // generous: a purged entry that a token still holds only restarts its clock
            gapClock.purgeOlderThan(gapTimeout.multipliedBy(10));
        }
    }

    /** The commit that holds {@code position}: an {@code _id} window behind it, else a range query. */
    Document findCommitContaining(long position) {
        for (long hi = position, tries = 0; hi >= 1 && tries < 4; hi -= MongoEventStorageEngine.LOOK_BACK, tries++) {
            List<Long> window = new ArrayList<>(MongoEventStorageEngine.LOOK_BACK);
            for (long p = hi; p > hi - MongoEventStorageEngine.LOOK_BACK && p >= 1; p--) {
                window.add(p);
            }
            for (Document d : events.find(in("_id", window))) {
                if (d.getLong("_id") <= position && d.getLong("last") >= position) {
                    return d;
                }
            }
        }
        return events.find(and(lte("_id", position), gte("last", position))).first();
    }

    long allocatedUpTo() {
        return positions.allocatedUpTo();
    }

    TrackedEventData<?> tracked(GapAwareTrackingToken token, StoredEvent event) {
        return event instanceof StoredEvent.Domain domain
                ? new StoredEvent.TrackedDomain(token, domain)
                : new StoredEvent.Tracked(token, event);
    }
}
