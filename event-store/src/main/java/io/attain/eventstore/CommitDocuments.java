package io.attain.eventstore;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the events out of a commit document (see ADR 0002 for the layout). A commit usually holds one stream; a
 * <em>mixed</em> commit (one unit of work that touched several aggregates) names each event's aggregate.
 */
final class CommitDocuments {

    private CommitDocuments() {
    }

    static List<StoredEvent.Domain> domainEvents(Document commit) {
        List<Document> docs = commit.getList("events", Document.class);
        List<StoredEvent.Domain> result = new ArrayList<>(docs.size());
        String type = commit.getString("aggregateType");
        String aggregateId = commit.getString("aggregateId");
        for (Document e : docs) {
            result.add(domain(e, type, aggregateId));
        }
        return result;
    }

    private static StoredEvent.Domain domain(Document e, String type, String aggregateId) {
        return new StoredEvent.Domain(type, aggregateId, e.get("seq", Number.class).longValue(),
                                      e.getString("eventId"), Instant.parse(e.getString("timestamp")),
                                      e.getString("payloadType"), e.getString("payloadRevision"),
                                      e.getString("payload"), e.getString("metaData"));
    }

    private static StoredEvent plain(Document e) {
        return new StoredEvent(e.getString("eventId"), Instant.parse(e.getString("timestamp")),
                               e.getString("payloadType"), e.getString("payloadRevision"),
                               e.getString("payload"), e.getString("metaData"));
    }

    /** The events of {@code aggregateId} in the commit (all of them, unless the commit is mixed). */
    static List<StoredEvent.Domain> domainEvents(Document commit, String aggregateId) {
        if (!commit.getBoolean("mixed", false)) {
            return domainEvents(commit);
        }
        List<StoredEvent.Domain> result = new ArrayList<>();
        for (Document e : commit.getList("events", Document.class)) {
            if (e.getBoolean("domain", true) && aggregateId.equals(e.getString("aggregateId"))) {
                result.add(domain(e, e.getString("aggregateType"), aggregateId));
            }
        }
        return result;
    }

    /** The first and last sequence number of {@code aggregateId} in the commit. */
    static long[] range(Document commit, String aggregateId) {
        if (!commit.getBoolean("mixed", false)) {
            return new long[]{commit.get("seq", Number.class).longValue(),
                              commit.get("lastSeq", Number.class).longValue()};
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Document e : commit.getList("events", Document.class)) {
            if (e.getBoolean("domain", true) && aggregateId.equals(e.getString("aggregateId"))) {
                long seq = e.get("seq", Number.class).longValue();
                first = Math.min(first, seq);
                last = Math.max(last, seq);
            }
        }
        return new long[]{first, last};
    }

    /** A field that holds one string or a list of them (the commit's {@code key} and {@code ids}). */
    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(String.valueOf(v)));
            return result;
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    static List<StoredEvent> eventsOf(Document commit) {
        if (commit.getBoolean("mixed", false)) {
            List<StoredEvent> result = new ArrayList<>();
            for (Document e : commit.getList("events", Document.class)) {
                result.add(e.getBoolean("domain", true)
                                   ? domain(e, e.getString("aggregateType"), e.getString("aggregateId"))
                                   : plain(e));
            }
            return result;
        }
        if (commit.getBoolean("domain", true)) {
            return new ArrayList<>(domainEvents(commit));
        }
        List<StoredEvent> result = new ArrayList<>();
        for (Document e : commit.getList("events", Document.class)) {
            result.add(plain(e));
        }
        return result;
    }
}
