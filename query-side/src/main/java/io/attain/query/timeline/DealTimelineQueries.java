package io.attain.query.timeline;

import io.attain.query.api.DealTimelineView;
import io.attain.query.api.Numbers;
import io.attain.query.api.TimelineEvent;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.attain.query.projection.ReadModels;

import static com.mongodb.client.model.Filters.eq;

/** Reads a deal's timeline (one document by {@code _id}). */
public class DealTimelineQueries {

    private final ReadModels models;


    /** Reads the active generation of the read model (ADR 0004). */
    public DealTimelineQueries(ReadModels models) {
        this.models = models;
    }

    public Optional<DealTimelineView> timeline(String dealId) {
        Document doc = models.collection(DealTimelineProjection.NAME, DealTimelineProjection.TIMELINES).find(eq("_id", dealId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        List<TimelineEvent> events = new ArrayList<>();
        if (doc.get("events") instanceof Document byKey) {
            for (Object o : byKey.values()) {
                Document e = (Document) o;
                String occurredAt = e.getString("occurredAt");
                events.add(new TimelineEvent(e.get("seq", Number.class).longValue(), e.getString("type"),
                                             occurredAt == null ? null : Instant.parse(occurredAt),
                                             Instant.parse(e.getString("recordedAt")),
                                             e.get("position", Number.class).longValue(),
                                             plain(e.get("summary", Document.class))));
            }
        }
        events.sort(Comparator.comparingLong(TimelineEvent::seq));
        return Optional.of(new DealTimelineView(dealId, events));
    }

    /** A stored document as plain JSON-able values (decimals as numbers). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(Document doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (doc != null) {
            doc.forEach((k, v) -> out.put(k, plainValue(v)));
        }
        return out;
    }

    private static Object plainValue(Object value) {
        if (value instanceof Document d) {
            return plain(d);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(plainValue(o));
            }
            return out;
        }
        if (value instanceof Decimal128 decimal) {
            return Numbers.plain(decimal.bigDecimalValue());
        }
        return value;
    }
}
