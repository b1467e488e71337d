package io.attain.eventstore;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the events out of a commit document (see ADR 0002 for the layout). */
final class CommitDocuments {

    private CommitDocuments() {
    }

    static List<StoredEvent.Domain> domainEvents(Document commit) {
        List<Document> docs = commit.getList("events", Document.class);
        List<StoredEvent.Domain> result = new ArrayList<>(docs.size());
        String type = commit.getString("aggregateType");
        String aggregateId = commit.getString("aggregateId");
        for (Document e : docs) {
            result.add(new StoredEvent.Domain(type, aggregateId, e.get("seq", Number.class).longValue(),
                                              e.getString("eventId"), Instant.parse(e.getString("timestamp")),
                                              e.getString("payloadType"), e.getString("payloadRevision"),
                                              e.getString("payload"), e.getString("metaData")));
        }
        return result;
    }

    static List<StoredEvent> eventsOf(Document commit) {
        if (commit.getBoolean("domain", true)) {
            return new ArrayList<>(domainEvents(commit));
        }
        List<StoredEvent> result = new ArrayList<>();
        for (Document e : commit.getList("events", Document.class)) {
            result.add(new StoredEvent(e.getString("eventId"), Instant.parse(e.getString("timestamp")),
                                       e.getString("payloadType"), e.getString("payloadRevision"),
                                       e.getString("payload"), e.getString("metaData")));
        }
        return result;
    }
}
