package io.attain.query.statement;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

/**
 * Reads commission statements from the log, on purpose (an audit tool): a statement's events through the event
 * store's read of the aggregate's stream ({@link EventStore#readEvents(String, long)} from sequence 0, i.e. never a
 * snapshot), their global positions from the commit documents of the {@code events} collection (ADR 0002: one
 * document per commit, {@code _id} = the first event's position, the events in order, one {@code key} per event; a
 * "mixed" commit names each event's aggregate), and the raw stored events for the seals.
 */
public final class StatementLog {

    /** An event exactly as its commit document stores it, with its global position. */
    public record RawEvent(long position, String eventId, long seq, String timestamp, String payloadType,
                           String payloadRevision, String payload) {
    }

    /** A statement's stream: its events in global order, and the same events as stored. */
    public record Stream(String statementId, List<StatementEvent> events, List<RawEvent> raw) {
    }

    private static final String PREFIX = "statement:";

    private final EventStore eventStore;
    private final MongoCollection<Document> commits;

    public StatementLog(EventStore eventStore, MongoDatabase database) {
        this(eventStore, database.getCollection("events"));
    }

    public StatementLog(EventStore eventStore, MongoCollection<Document> commits) {
        this.eventStore = eventStore;
        this.commits = commits;
    }

    /** The position of the last event in the log. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        if (head instanceof GapAwareTrackingToken g) {
            return g.getIndex();
        }
        return head == null ? 0 : head.position().orElse(0);
    }

    /** Every statement that has events in the log (one scan of the commit documents). */
    public List<String> statementIds() {
        List<String> ids = new ArrayList<>();
        commits.distinct("aggregateId", regex("aggregateId", "^" + Pattern.quote(PREFIX)), String.class)
               .into(ids);
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /** The statement's events in global order (empty if it has none). */
    public Stream read(String statementId) {
        List<DomainEventMessage<?>> messages;
        try (java.util.stream.Stream<? extends DomainEventMessage<?>> s =
                     eventStore.readEvents(statementId, 0).asStream()) {
            messages = new ArrayList<>(s.toList());
        }
        if (messages.isEmpty()) {
            return new Stream(statementId, List.of(), List.of());
        }
        List<String> keys = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> m : messages) {
            keys.add(statementId + "/" + m.getSequenceNumber());
        }
        List<RawEvent> raw = new ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Document commit : commits.find(in("key", keys))) {
            // one key per event: the embedded server returns a commit once per matching key
            if (!seen.add(commit.get("_id"))) {
                continue;
            }
            boolean mixed = commit.getBoolean("mixed", false); // one unit of work that touched several aggregates
            if (!mixed && !statementId.equals(commit.getString("aggregateId"))) {
                continue;
            }
            long first = ((Number) commit.get("_id")).longValue();
            List<Document> events = commit.getList("events", Document.class, List.of());
            for (int i = 0; i < events.size(); i++) {
                Document e = events.get(i);
                if (mixed && !statementId.equals(e.getString("aggregateId"))) {
                    continue;
                }
                raw.add(new RawEvent(first + i, e.getString("eventId"), ((Number) e.get("seq")).longValue(),
                                     e.getString("timestamp"), e.getString("payloadType"),
                                     e.getString("payloadRevision"), e.getString("payload")));
            }
        }
        raw.sort(Comparator.comparingLong(RawEvent::position));
        Map<String, Long> positions = new HashMap<>();
        raw.forEach(r -> positions.put(r.eventId(), r.position()));
        List<StatementEvent> events = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> m : messages) {
            Long position = positions.get(m.getIdentifier());
            if (position == null) {
                continue; // not an event of a commit of this stream (e.g. a snapshot)
            }
            Object payload = m.getPayload();
            if (StatementFold.isStatementEvent(payload)) {
                events.add(new StatementEvent(position, m.getIdentifier(), m.getTimestamp(), payload));
            }
        }
        events.sort(Comparator.comparingLong(StatementEvent::position));
        return new Stream(statementId, List.copyOf(events), List.copyOf(raw));
    }

    /** The events recorded at or before the instant (by their recording timestamp). */
    public static List<StatementEvent> recordedBy(List<StatementEvent> events, Instant t) {
        return events.stream().filter(e -> !e.recordedAt().isAfter(t)).toList();
    }

    /** The events whose business time ({@code occurredAt}) lies before the instant. */
    public static List<StatementEvent> occurredBefore(List<StatementEvent> events, Instant end) {
        return events.stream().filter(e -> {
            Instant at = StatementFold.occurredAt(e.payload());
            return at != null && at.isBefore(end);
        }).toList();
    }

}
