package io.attain.query.support;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.mongodb.client.model.Sorts.ascending;

/**
 * SHA-256 over every document of a collection, in {@code _id} order, in a canonical form: field names sorted at
 * every level (field order is not content), every value with its BSON type. Nothing is left out.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(MongoCollection<Document> collection) {
        StringBuilder all = new StringBuilder();
        for (Document d : collection.find().sort(ascending("_id"))) {
            all.append(canonical(d)).append('\n');
        }
        return sha256(all.toString()) + " (" + collection.countDocuments() + " docs)";
    }

    /** The canonical form of each document by id (to show what differs when hashes differ). */
    public static Map<String, String> documents(MongoCollection<Document> collection) {
        Map<String, String> docs = new TreeMap<>();
        for (Document d : collection.find()) {
            docs.put(String.valueOf(d.get("_id")), canonical(d));
        }
        return docs;
    }

    /** The documents that differ between two snapshots, side by side (at most {@code limit}). */
    public static String diff(Map<String, String> a, Map<String, String> b, int limit) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> ids = new java.util.TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        int shown = 0;
        for (String id : ids) {
            if (!java.util.Objects.equals(a.get(id), b.get(id)) && shown++ < limit) {
                out.append(id).append("\n  - ").append(a.get(id)).append("\n  + ").append(b.get(id)).append('\n');
            }
        }
        return out.toString();
    }

    public static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(k.toString(), v));
            StringBuilder out = new StringBuilder("{");
            sorted.forEach((k, v) -> out.append('"').append(k).append("\":").append(canonical(v)).append(','));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object o : list) {
                out.append(canonical(o)).append(',');
            }
            return out.append(']').toString();
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Decimal128 d) {
            return "dec:" + d;
        }
        if (value instanceof Binary b) {
            return "bin:" + HexFormat.of().formatHex(b.getData());
        }
        return value.getClass().getSimpleName() + ":" + value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
