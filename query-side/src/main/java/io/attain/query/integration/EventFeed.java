package io.attain.query.integration;

import io.attain.eventstore.LogSlice;
import io.attain.eventstore.LoggedEvent;
import io.attain.kernel.integration.EventType;
import io.attain.eventstore.MongoEventStorageEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * The integrator feed (ADR 0011): events after a position, in position order, as CloudEvents, never past the log's
 * safe head ({@link MongoEventStorageEngine#safeHead()}), so a consumer that stored position {@code P} never later
 * sees an event at or below {@code P}. Blocking (MongoDB reads): call it off the event loop.
 */
public final class EventFeed {

    /** Positions one page looks at at most when a filter skips most of them; {@code next} then moves on anyway. */
    static final int SCAN_LIMIT = 20_000;
    /** Positions read from the log per query. */
    static final int READ_WINDOW = 1_000;

    /** One event ready to send: its position, type name and CloudEvent JSON. */
    public record Item(long position, String type, String json) {
    }

    /**
     * One page.
     *
     * @param events the matching events, at most the limit, in position order
     * @param next   the position to pass as {@code after} for the next page (every event up to it was looked at)
     * @param head   the safe head when the page was read
     */
    public record Page(List<Item> events, long next, long head) {

        /** The page as the feed's JSON body: {@code {"events":[…],"next":…,"head":…}}. */
        public String json() {
            StringBuilder out = new StringBuilder(64 + events.size() * 512).append("{\"events\":[");
            for (int i = 0; i < events.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(events.get(i).json());
            }
            return out.append("],\"next\":").append(next).append(",\"head\":").append(head).append('}').toString();
        }
    }

    private final MongoEventStorageEngine engine;
    private final CloudEvents cloudEvents;

    public EventFeed(MongoEventStorageEngine engine, CloudEvents cloudEvents) {
        this.engine = engine;
        this.cloudEvents = cloudEvents;
    }

    public CloudEvents cloudEvents() {
        return cloudEvents;
    }

    /** The safe head now. */
    public long head() {
        return engine.safeHead();
    }

    /** Up to {@code limit} events after {@code after} that the filter accepts. */
    public Page read(long after, int limit, FeedFilter filter) {
        List<Item> out = new ArrayList<>(Math.min(limit, 256));
        long next = after;
        long head;
        while (true) {
            LogSlice slice = engine.readLog(next, READ_WINDOW);
            head = slice.safeHead();
            for (LoggedEvent e : slice.events()) {
                EventType type = cloudEvents.typeOf(e).orElse(null);
                if (filter.accepts(e, type)) {
                    out.add(new Item(e.position(), type.name(), cloudEvents.json(e)));
                    if (out.size() == limit) {
                        return new Page(out, e.position(), head);
                    }
                }
            }
            next = Math.max(next, slice.readUpTo());
            if (next >= head || next - after >= SCAN_LIMIT) {
                return new Page(out, next, head);
            }
        }
    }
}
