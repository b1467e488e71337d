package io.attain.query.channel;

import io.attain.kernel.common.Period;
import io.attain.query.api.Numbers;
import io.attain.query.projection.Keys;
import io.attain.query.projection.ReadModels;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** Reads partner rebate statements and channel conflicts from their read models. */
public class ChannelQueries {

    private final ReadModels models;


    public ChannelQueries(ReadModels models) {
        this.models = models;
    }

    /**
     * A partner's rebate statement of a period: lines in log order, totals per currency, and the rebates that wait
     * (or waited) for deals of the period. Empty if the partner is unknown and nothing was booked.
     */
    public Optional<Map<String, Object>> statement(String partnerId, Period period) {
        Document partner = models.collection(PartnerRebateProjection.NAME, PartnerRebateProjection.PARTNERS)
                .find(eq("_id", partnerId)).first();
        Document doc = models.collection(PartnerRebateProjection.NAME, PartnerRebateProjection.STATEMENTS)
                .find(eq("_id", PartnerRebateProjection.statementId(partnerId, period.toString()))).first();
        if (partner == null && doc == null) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("partnerId", partnerId);
        view.put("name", partner == null ? null : partner.getString("name"));
        view.put("kind", partner == null ? null : partner.getString("kind"));
        view.put("period", period.toString());
        view.put("lines", byPosition(doc == null ? null : doc.get("lines")));
        List<Map<String, Object>> totals = new ArrayList<>();
        if (doc != null && doc.get("totals") instanceof Document t) {
            for (Object o : t.values()) {
                Map<String, Object> total = castMap(json(o));
                for (String key : List.of("revenue", "accrued", "reversed", "net")) {
                    total.putIfAbsent(key, BigDecimal.ZERO);
                }
                totals.add(total);
            }
        }
        totals.sort(Comparator.comparing(m -> String.valueOf(m.get("currency"))));
        view.put("totals", totals);
        List<Map<String, Object>> pending = new ArrayList<>();
        for (Map<String, Object> item : byPosition(partner == null ? null : partner.get("pending"))) {
            Object date = item.get("businessDate");
            if (date != null && period.contains(LocalDate.parse(date.toString()))) {
                pending.add(item);
            }
        }
        view.put("pending", pending);
        view.put("lastPosition", doc == null ? null : doc.get("lastPosition"));
        view.put("lastEventId", doc == null ? null : doc.get("lastEventId"));
        return Optional.of(view);
    }

    /** Channel conflicts, optionally of one status (OPEN, RESOLVED), in the order they were raised. */
    public List<Map<String, Object>> conflicts(String status) {
        var collection = models.collection(ChannelConflictProjection.NAME, ChannelConflictProjection.CONFLICTS);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document d : status == null ? collection.find() : collection.find(eq("status", status))) {
            Map<String, Object> view = castMap(json(d));
            view.remove("_id");
            view.put("claims", byPosition(d.get("claims")));
            out.add(view);
        }
        out.sort(Comparator.comparingLong(m -> ((Number) m.getOrDefault("raisedPosition", 0L)).longValue()));
        return out;
    }

    /** The owners of a conflict view's claims. */
    @SuppressWarnings("unchecked")
    public static List<String> owners(Map<String, Object> conflict) {
        List<String> owners = new ArrayList<>();
        for (Object claim : (List<Object>) conflict.getOrDefault("claims", List.of())) {
            if (claim instanceof Map<?, ?> m && m.get("ownerRepId") instanceof String owner) {
                owners.add(owner);
            }
        }
        return owners;
    }

    private static List<Map<String, Object>> byPosition(Object entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (entries instanceof Document d) {
            for (Object o : d.values()) {
                out.add(castMap(json(o)));
            }
        }
        out.sort(Comparator.comparingLong(m -> ((Number) m.getOrDefault("position", 0L)).longValue()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Object json(Object value) {
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
