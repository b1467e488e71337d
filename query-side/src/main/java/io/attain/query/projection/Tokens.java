package io.attain.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Helpers for the tracking tokens of Attain's event store (gap-aware, possibly wrapped in a replay token). */
public final class Tokens {

    private static final GapAwareTrackingToken START = GapAwareTrackingToken.newInstance(0, List.of());

    private Tokens() {
    }

    /** The position a token stands at: a replay token's current token, unwrapped; {@code null} for "nothing yet". */
    public static TrackingToken current(TrackingToken token) {
        TrackingToken t = token;
        while (t instanceof ReplayToken replay) {
            t = replay.getCurrentToken();
        }
        return t;
    }

    /** {@code true} if every event {@code other} has seen, {@code token} has seen too (after unwrapping replays). */
    public static boolean covers(TrackingToken token, TrackingToken other) {
        TrackingToken a = current(token);
        TrackingToken b = current(other);
        if (b == null) {
            return true;
        }
        if (a == null) {
            return false;
        }
        return a.covers(b);
    }

    /**
     * {@code true} if the token has passed the global position: its index is at least {@code position} and no
     * position up to {@code position} is still a gap (so every event up to it has been processed).
     */
    public static boolean reached(TrackingToken token, long position) {
        TrackingToken t = current(token);
        if (position <= 0) {
            return true;
        }
        if (t == null) {
            return false;
        }
        if (t instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && gapAware.getGaps().headSet(position + 1).isEmpty();
        }
        return t.position().orElse(-1) >= position;
    }

    /**
     * The global position of the event whose tracking token is {@code token}, given the token of the event (or the
     * stream start) just before it in the same stream. An event delivered in order moves the index to its own
     * position; one that filled a gap late leaves the index where it was and removes its position from the gaps,
     * so its position is the highest former gap that is gone (lower ones that went at the same time were
     * never-written positions passed over, or gaps that timed out).
     */
    public static long position(TrackingToken previous, TrackingToken token) {
        TrackingToken cur = current(token);
        if (!(cur instanceof GapAwareTrackingToken now)) {
            return cur == null ? -1 : cur.position().orElse(-1);
        }
        TrackingToken prevToken = current(previous);
        GapAwareTrackingToken before = prevToken instanceof GapAwareTrackingToken g ? g : START;
        if (now.getIndex() > before.getIndex()) {
            return now.getIndex();
        }
        SortedSet<Long> filled = new TreeSet<>(before.getGaps());
        filled.removeAll(now.getGaps());
        return filled.isEmpty() ? now.getIndex() : filled.last();
    }
}
