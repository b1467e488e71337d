package io.attain.query.projection;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * One write of a batch to one read-model document. Every kind is idempotent — applying it twice, or after a part of
 * the batch was applied already, leaves the same document — which is what lets a batch be rolled forward from its
 * journal: a replacement (a document created in the batch), a {@code $set}/{@code $unset} of paths with their final
 * absolute values, or a delete.
 */
record Op(String collection, String id, Kind kind, Document replacement, List<Object[]> sets, List<String> unsets) {

    enum Kind { REPLACE, UPDATE, DELETE }

    static Op of(Doc doc) {
        if (!doc.exists()) {
            return new Op(doc.collection(), doc.id(), Kind.DELETE, null, List.of(), List.of());
        }
        if (!doc.existedBefore()) {
            return new Op(doc.collection(), doc.id(), Kind.REPLACE, doc.data(), List.of(), List.of());
        }
        List<Object[]> sets = new ArrayList<>();
        List<String> unsets = new ArrayList<>();
        for (String path : doc.dirtyPaths()) {
            if (hasDirtyAncestor(doc.dirtyPaths(), path)) {
                continue; // the ancestor's write carries this change
            }
            Object value = doc.get(path);
            if (value == null) {
                unsets.add(path);
            } else {
                sets.add(new Object[]{path, value});
            }
        }
        return new Op(doc.collection(), doc.id(), Kind.UPDATE, null, sets, unsets);
    }

    private static boolean hasDirtyAncestor(java.util.Set<String> dirty, String path) {
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            if (dirty.contains(path.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** The same write to another collection (a generation's physical collection, see ADR 0004). */
    Op in(String physicalCollection) {
        return physicalCollection.equals(collection) ? this
                : new Op(physicalCollection, id, kind, replacement, sets, unsets);
    }

    boolean isEmpty() {
        return kind == Kind.UPDATE && sets.isEmpty() && unsets.isEmpty();
    }

    WriteModel<Document> toWriteModel() {
        return switch (kind) {
            case DELETE -> new DeleteOneModel<>(eq("_id", id));
            case REPLACE -> new ReplaceOneModel<>(eq("_id", id), replacement, new ReplaceOptions().upsert(true));
            case UPDATE -> {
                Document set = new Document();
                for (Object[] s : sets) {
                    set.put((String) s[0], s[1]);
                }
                Document unset = new Document();
                for (String u : unsets) {
                    unset.put(u, "");
                }
                Document update = new Document();
                if (!set.isEmpty()) {
                    update.put("$set", set);
                }
                if (!unset.isEmpty()) {
                    update.put("$unset", unset);
                }
                yield new UpdateOneModel<>(eq("_id", id), update);
            }
        };
    }

    /** The op as a journal entry (paths are values, never field names, so they may contain dots). */
    Document toBson() {
        Document d = new Document("c", collection).append("id", id).append("k", kind.name());
        if (replacement != null) {
            d.append("d", replacement);
        }
        if (!sets.isEmpty()) {
            List<Document> s = new ArrayList<>(sets.size());
            for (Object[] set : sets) {
                s.add(new Document("p", set[0]).append("v", set[1]));
            }
            d.append("s", s);
        }
        if (!unsets.isEmpty()) {
            d.append("u", unsets);
        }
        return d;
    }

    static Op fromBson(Document d) {
        List<Object[]> sets = new ArrayList<>();
        for (Document s : d.getList("s", Document.class, List.of())) {
            sets.add(new Object[]{s.getString("p"), s.get("v")});
        }
        return new Op(d.getString("c"), d.getString("id"), Kind.valueOf(d.getString("k")), d.get("d", Document.class),
                      sets, d.getList("u", String.class, List.of()));
    }
}
