package io.attain.query.statement;

import io.attain.query.projection.Doc;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The audit of commission statements, computed from the log (ADR 0006):
 * <ul>
 *     <li>{@link #asOf}: a statement as recorded by an instant and/or for a business date, folded from its events
 *     with {@link StatementFold};</li>
 *     <li>{@link #verify}: every statement folded from the log the same way and compared with the stored read model
 *     field by field, and every seal recomputed from the raw commit documents.</li>
 * </ul>
 */
public class StatementAudit {

    /**
     * An as-of answer for a recording instant older than this is final: an event is stamped when the command is
     * handled and becomes visible milliseconds later, and a reader passes a position still missing after the event
     * store's gap timeout (1 min), so later appends cannot carry an earlier timestamp than this.
     */
    public static final Duration SETTLE = Duration.ofMinutes(1);
    /** At most this many differences are reported per statement. */
    static final int PER_STATEMENT = 50;
    /** At most this many differences are reported in all. */
    static final int TOTAL = 1000;

    /** One difference: which statement, which field, what the log says, what the read model says. */
    public record Difference(String statementId, String field, String expected, String actual, Long position,
                             String eventId) {
    }

    /** The result of {@link #verify}. */
    public record Verification(long checked, long sealsChecked, long headPosition, long durationMs,
                               boolean truncated, List<Difference> differences) {
    }

    private final StatementLog log;
    private final StatementQueries queries;
    private final Serializer serializer;

    /**
     * @param serializer the event serializer, to read the raw payloads of the commit documents for the seals
     */
    public StatementAudit(StatementLog log, StatementQueries queries, Serializer serializer) {
        this.log = log;
        this.queries = queries;
        this.serializer = serializer;
    }

    public StatementLog log() {
        return log;
    }

    /**
     * The statement folded from its events recorded at or before {@code recordedAsOf} (if given) whose business
     * time lies on or before {@code businessAsOf} (if given); empty if no event qualifies.
     */
    public Optional<Map<String, Object>> asOf(String repId, String period, Instant recordedAsOf,
                                              LocalDate businessAsOf, Instant now) {
        String id = StatementQueries.statementId(repId, period);
        List<StatementEvent> events = log.read(id).events();
        if (recordedAsOf != null) {
            events = StatementLog.recordedBy(events, recordedAsOf);
        }
        if (businessAsOf != null) {
            events = StatementLog.occurredBefore(events, businessAsOf.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                                                                     .toInstant());
        }
        Document doc = StatementFold.fold(events);
        if (doc == null) {
            return Optional.empty();
        }
        Map<String, Object> view = StatementQueries.view(doc);
        view.put("seal", null);
        view.put("source", "log");
        Map<String, Object> asOf = new LinkedHashMap<>();
        asOf.put("recordedAsOf", recordedAsOf == null ? null : recordedAsOf.toString());
        asOf.put("businessAsOf", businessAsOf == null ? null : businessAsOf.toString());
        asOf.put("events", events.size());
        asOf.put("settled", recordedAsOf != null && recordedAsOf.isBefore(now.minus(SETTLE)));
        view.put("asOf", asOf);
        return Optional.of(view);
    }

    /**
     * Recomputes every statement from the log and compares it with the read model, and recomputes every seal from
     * the raw commit documents.
     *
     * @param head the log's head when the caller made sure the read model had reached it: the fold of a statement
     *             takes its events up to this position or up to the stored statement's last position, whichever
     *             is later (events after both are not in the read model yet, which is no difference)
     */
    public Verification verify(long head) {
        long t0 = System.nanoTime();
        List<Difference> differences = new ArrayList<>();
        boolean[] truncated = {false};
        TreeSet<String> ids = new TreeSet<>(log.statementIds());
        for (Document d : queries.collection(StatementProjection.STATEMENTS).find()
                                 .projection(new Document("_id", 1))) {
            ids.add(d.get("_id").toString());
        }
        Map<String, StatementLog.Stream> streams = new HashMap<>();
        long checked = 0;
        for (String id : ids) {
            StatementLog.Stream stream;
            List<Difference> found = new ArrayList<>();
            Document stored = queries.stored(id);
            try {
                stream = log.read(id);
                streams.put(id, stream);
                long limit = Math.max(head, stored == null ? 0 : ((Number) stored.get("lastPosition")).longValue());
                Document folded = StatementFold.fold(stream.events().stream()
                                                           .filter(e -> e.position() <= limit).toList());
                if (folded == null && stored == null) {
                    continue;
                }
                checked++;
                if (folded == null) {
                    found.add(new Difference(id, "(statement)", "absent", "present", null, null));
                } else if (stored == null) {
                    found.add(new Difference(id, "(statement)", "present", "absent", null, null));
                } else {
                    compare(id, folded, stored, found);
                }
            } catch (RuntimeException e) {
                checked++;
                found.add(new Difference(id, "(log)", "readable events", String.valueOf(e), null, null));
            }
            add(differences, found, truncated);
        }
        long seals = 0;
        for (Document seal : queries.collection(StatementProjection.SEALS).find()) {
            seals++;
            String id = seal.getString("statementId");
            List<Difference> found = new ArrayList<>();
            try {
                StatementLog.Stream stream = streams.computeIfAbsent(id, log::read);
                checkSeal(seal, stream, found);
            } catch (RuntimeException e) {
                found.add(new Difference(id, "seal", "readable events", String.valueOf(e), null, null));
            }
            checkLink(seal, found);
            add(differences, found, truncated);
        }
        return new Verification(checked, seals, head, (System.nanoTime() - t0) / 1_000_000, truncated[0],
                                List.copyOf(differences));
    }

    private static void add(List<Difference> all, List<Difference> found, boolean[] truncated) {
        if (found.size() > PER_STATEMENT) {
            found = found.subList(0, PER_STATEMENT);
            truncated[0] = true;
        }
        for (Difference d : found) {
            if (all.size() >= TOTAL) {
                truncated[0] = true;
                return;
            }
            all.add(d);
        }
    }

    /** Field-by-field: every leaf (dotted path; list elements by index) of either document. */
    static void compare(String id, Document expected, Document actual, List<Difference> out) {
        Map<String, Object> e = new TreeMap<>();
        Map<String, Object> a = new TreeMap<>();
        flatten("", expected, e);
        flatten("", actual, a);
        TreeSet<String> paths = new TreeSet<>(e.keySet());
        paths.addAll(a.keySet());
        for (String path : paths) {
            Object ev = e.get(path);
            Object av = a.get(path);
            if (!Objects.equals(ev, av)) {
                out.add(new Difference(id, path, render(ev), render(av), null, null));
            }
        }
    }

    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Document d) {
            if (d.isEmpty() && !prefix.isEmpty()) {
                out.put(prefix, "{}");
            }
            d.forEach((k, v) -> flatten(prefix.isEmpty() ? k : prefix + "." + k, v, out));
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                out.put(prefix, "[]");
            }
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "." + i, l.get(i), out);
            }
        } else {
            out.put(prefix, value);
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Decimal128 d) {
            return Doc.canonical(d.bigDecimalValue()).toPlainString();
        }
        return value.toString();
    }

    /** Recomputes the seal's chain from the raw stored events; reports the first event that no longer matches. */
    private void checkSeal(Document seal, StatementLog.Stream stream, List<Difference> out) {
        String id = seal.getString("statementId");
        long lockPosition = ((Number) seal.get("lockPosition")).longValue();
        List<StatementLog.RawEvent> raw = stream.raw().stream().filter(r -> r.position() <= lockPosition).toList();
        List<Document> sealed = seal.getList("events", Document.class, List.of());
        String h = seal.getString("previousHead");
        for (int i = 0; i < Math.max(raw.size(), sealed.size()); i++) {
            if (i >= raw.size()) {
                Document s = sealed.get(i);
                out.add(new Difference(id, "seal.events." + i, "event " + s.get("position") + " " + s.get("eventId"),
                                       "missing from the log", ((Number) s.get("position")).longValue(),
                                       s.getString("eventId")));
                return;
            }
            StatementLog.RawEvent r = raw.get(i);
            if (i >= sealed.size()) {
                out.add(new Difference(id, "seal.events." + i, "no event", "event not covered by the seal",
                                       r.position(), r.eventId()));
                return;
            }
            h = Seals.link(h, digest(r));
            if (!h.equals(sealed.get(i).getString("hash"))) {
                Document s = sealed.get(i);
                out.add(new Difference(id, "seal.events." + i + ".hash", s.getString("hash"), h, r.position(),
                                       r.eventId()));
                return;
            }
        }
        if (!Objects.equals(h, seal.getString("head"))) {
            out.add(new Difference(id, "seal.head", seal.getString("head"), h, lockPosition,
                                   seal.getString("lockEventId")));
        }
    }

    /** The seal covers the rep's previous seal: its {@code previousHead} is that seal's head. */
    private void checkLink(Document seal, List<Difference> out) {
        String previous = seal.getString("previousStatementId");
        String expected = Seals.GENESIS;
        if (previous != null) {
            Document prev = queries.collection(StatementProjection.SEALS).find(new Document("_id", previous)).first();
            expected = prev == null ? "(seal of " + previous + ")" : prev.getString("head");
        }
        if (!Objects.equals(expected, seal.getString("previousHead"))) {
            out.add(new Difference(seal.getString("statementId"), "seal.previousHead", expected,
                                   seal.getString("previousHead"), null, null));
        }
    }

    /** The digest of a raw stored event (its payload read with the event serializer, then canonical). */
    String digest(StatementLog.RawEvent r) {
        try {
            Object payload = serializer.deserialize(new SimpleSerializedObject<>(r.payload(), String.class,
                                                                                 r.payloadType(),
                                                                                 r.payloadRevision()));
            return Seals.digest(Seals.canonical(r.position(), r.eventId(), r.payloadType(), r.payloadRevision(),
                                                Instant.parse(r.timestamp()), payload));
        } catch (RuntimeException e) {
            return "unreadable:" + Seals.sha256(String.valueOf(r.payload()));
        }
    }
}
