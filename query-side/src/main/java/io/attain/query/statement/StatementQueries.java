package io.attain.query.statement;

import com.mongodb.client.MongoCollection;
import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.query.api.Numbers;
import io.attain.query.projection.Keys;
import io.attain.query.projection.ReadModels;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/** Reads statements, payout batches and seals from the read model (documents by {@code _id}). */
public class StatementQueries {

    /** One row of a payroll export. */
    public record PayoutRow(String repId, String period, BigDecimal amount, String currency, String paymentDate,
                            String statementId, String batchId, long position, String eventId) {
    }

    private final ReadModels models;


    public StatementQueries(ReadModels models) {
        this.models = models;
    }

    public MongoCollection<Document> collection(String name) {
        return models.collection(StatementProjection.NAME, name);
    }

    public static String statementId(String repId, String period) {
        return CompensationIds.statementId(repId, Period.parse(period));
    }

    /** The stored statement document, or {@code null}. */
    public Document stored(String statementId) {
        return collection(StatementProjection.STATEMENTS).find(eq("_id", statementId)).first();
    }

    /** The statement as the API shows it, with its seal if it is locked. */
    public Optional<Map<String, Object>> statement(String repId, String period) {
        String id = statementId(repId, period);
        Document doc = stored(id);
        if (doc == null) {
            return Optional.empty();
        }
        Map<String, Object> view = view(doc);
        view.put("seal", sealView(collection(StatementProjection.SEALS).find(eq("_id", id)).first()));
        view.put("source", "read-model");
        return Optional.of(view);
    }

    /** Summaries of the period's statements (statement id, rep, status, totals), by rep. */
    public List<Map<String, Object>> list(String period) {
        Document index = collection(StatementProjection.INDEX).find(eq("_id", period)).first();
        if (index == null || !(index.get("statements") instanceof Document byRep) || byRep.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        byRep.values().forEach(v -> ids.add(v.toString()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document doc : collection(StatementProjection.STATEMENTS).find(in("_id", ids))) {
            Map<String, Object> full = view(doc);
            Map<String, Object> summary = new LinkedHashMap<>();
            for (String key : List.of("statementId", "repId", "period", "status", "totals", "lastPosition")) {
                summary.put(key, full.get(key));
            }
            out.add(summary);
        }
        out.sort(Comparator.comparing(m -> String.valueOf(m.get("repId"))));
        return out;
    }

    /** The payments of a payout batch, by rep and period; empty if the batch is unknown. */
    public Optional<List<PayoutRow>> payouts(String batchId) {
        Document batch = collection(StatementProjection.PAYOUTS).find(eq("_id", batchId)).first();
        if (batch == null || !(batch.get("payments") instanceof Document payments)) {
            return Optional.empty();
        }
        List<PayoutRow> rows = new ArrayList<>();
        for (Object o : payments.values()) {
            Document p = (Document) o;
            rows.add(new PayoutRow(p.getString("repId"), p.getString("period"),
                                   Numbers.plain(((Decimal128) p.get("amount")).bigDecimalValue()),
                                   p.getString("currency"), p.getString("paymentDate"), p.getString("statementId"),
                                   batchId, ((Number) p.get("position")).longValue(), p.getString("eventId")));
        }
        rows.sort(Comparator.comparing(PayoutRow::repId).thenComparing(PayoutRow::period)
                            .thenComparing(PayoutRow::statementId));
        return Optional.of(rows);
    }

    // -------------------------------------------------------------------------------------------------- views

    private static final List<String> BY_POSITION = List.of("lines", "clawbacks", "adjustments", "payments");

    /** A statement document as JSON: maps of lines etc. become lists in global order, totals a list by currency. */
    public static Map<String, Object> view(Document doc) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String key : List.of("statementId", "repId", "period", "status")) {
            view.put(key, doc.get(key));
        }
        view.put("opened", json(doc.get("opened")));
        for (String key : BY_POSITION) {
            view.put(key, byPosition(doc.get(key)));
        }
        List<Map<String, Object>> disputes = new ArrayList<>();
        if (doc.get("disputes") instanceof Document d) {
            for (Object o : d.values()) {
                disputes.add(castMap(json(o)));
            }
        }
        disputes.sort(Comparator.comparingLong(StatementQueries::firstPosition));
        view.put("disputes", disputes);
        view.put("transitions", json(doc.getOrDefault("transitions", List.of())));
        List<Map<String, Object>> totals = new ArrayList<>();
        if (doc.get("totals") instanceof Document t) {
            for (Object o : t.values()) {
                totals.add(castMap(json(o)));
            }
        }
        totals.sort(Comparator.comparing(m -> String.valueOf(m.get("currency"))));
        view.put("totals", totals);
        for (String key : List.of("eventCount", "lastPosition", "lastEventId", "lastRecordedAt")) {
            view.put(key, doc.get(key));
        }
        return view;
    }

    static Map<String, Object> sealView(Document seal) {
        if (seal == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        for (String key : List.of("algorithm", "head", "count", "lockPosition", "lockEventId", "sealedAt",
                                  "previousStatementId", "previousHead")) {
            if (seal.get(key) != null) {
                view.put(key, seal.get(key));
            }
        }
        return view;
    }

    private static long firstPosition(Map<String, Object> dispute) {
        Object history = dispute.get("history");
        if (history instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> m
                && m.get("position") instanceof Number n) {
            return n.longValue();
        }
        return Long.MAX_VALUE;
    }

    private static List<Map<String, Object>> byPosition(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof Document d) {
            for (Object o : d.values()) {
                out.add(castMap(json(o)));
            }
        }
        out.sort(Comparator.comparingLong(m -> m.get("position") instanceof Number n ? n.longValue() : 0L));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** Stored values as JSON values: decimals plain, documents as maps (keys decoded), lists element-wise. */
    static Object json(Object value) {
        if (value instanceof Decimal128 d) {
            return Numbers.plain(d.bigDecimalValue());
        }
        if (value instanceof Document d) {
            Map<String, Object> out = new LinkedHashMap<>();
            d.forEach((k, v) -> out.put(Keys.decode(k), json(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(json(v)));
            return out;
        }
        return value;
    }
}
