package io.attain.query.recognition;

import io.attain.query.projection.ReadModels;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/** Reads a rep's recognition history (one document by {@code _id}). */
public class RecognitionQueries {

    private final ReadModels models;

    public RecognitionQueries(ReadModels models) {
        this.models = models;
    }

    /**
     * {@code {repId, recognitions: [{id, kind, contestId?, contestName?, rank?, money?, title?, reason?, grantedBy,
     * grantedAt, revoked?}]}}, oldest first (by business time, then id); empty for a rep without any.
     */
    public Map<String, Object> history(String repId) {
        Document doc = models.collection(RecognitionProjection.NAME, RecognitionProjection.RECOGNITIONS)
                .find(eq("_id", repId)).first();
        List<Map<String, Object>> items = new ArrayList<>();
        if (doc != null && doc.get("items") instanceof Document all) {
            for (Object o : all.values()) {
                items.add(plain((Document) o));
            }
        }
        items.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("grantedAt")))
                .thenComparing(m -> String.valueOf(m.get("id"))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repId", repId);
        body.put("recognitions", items);
        return body;
    }

    /** A stored document as plain JSON values (decimals as numbers). */
    static Map<String, Object> plain(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof Document d) {
            return plain(d);
        }
        if (v instanceof org.bson.types.Decimal128 dec) {
            return dec.bigDecimalValue();
        }
        return v;
    }
}
