package io.attain.query.projection;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One read-model document as a batch sees it: a private working copy that handlers change through dotted paths
 * (each path segment a field name, see {@link Keys#field}), and the set of paths they changed. At the end of the
 * batch the changes become one write: a replacement for a new document, {@code $set}/{@code $unset} of the changed
 * paths (with their final, absolute values) for an existing one, or a delete.
 *
 * <p>Values: {@link BigDecimal}s are stored as {@link Decimal128} in {@link #canonical} form, counts as
 * {@code long}, instants and dates as ISO-8601 text.
 */
public final class Doc {

    private static final MathContext DECIMAL128 = MathContext.DECIMAL128;

    private final String collection;
    private final String id;
    private final boolean existed;
    private Document data;
    private final Set<String> dirty = new TreeSet<>();
    /** Told before every change (the batch's savepoint, see {@link Batch#savepoint}); {@code null}: nobody. */
    private java.util.function.Consumer<Doc> beforeChange;

    Doc(String collection, String id, Document loaded) {
        this.collection = collection;
        this.id = id;
        this.existed = loaded != null;
        this.data = loaded;
    }

    public String collection() {
        return collection;
    }

    public String id() {
        return id;
    }

    /** {@code true} if the document exists (loaded or created in this batch, and not deleted). */
    public boolean exists() {
        return data != null;
    }

    boolean existedBefore() {
        return existed;
    }

    boolean changed() {
        return !dirty.isEmpty() || (existed != (data != null));
    }

    Set<String> dirtyPaths() {
        return dirty;
    }

    /** The working copy; callers must not change it except through this class. {@code null} if it does not exist. */
    public Document data() {
        return data;
    }

    void beforeChange(java.util.function.Consumer<Doc> listener) {
        this.beforeChange = listener;
    }

    private void changing() {
        if (beforeChange != null) {
            beforeChange.accept(this);
        }
    }

    /** The state to go back to: a deep copy of the working copy and the changed paths. */
    Object[] state() {
        return new Object[]{copy(data), new TreeSet<>(dirty)};
    }

    /** Goes back to a {@link #state()}. */
    @SuppressWarnings("unchecked")
    void restore(Object[] state) {
        data = (Document) state[0];
        dirty.clear();
        dirty.addAll((Set<String>) state[1]);
    }

    /** Deletes the document at the end of the batch. */
    public void delete() {
        changing();
        data = null;
        dirty.clear();
    }

    // ------------------------------------------------------------------------------------------------- reading

    public Object get(String path) {
        if (data == null) {
            return null;
        }
        Object current = data;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Document d)) {
                return null;
            }
            current = d.get(part);
        }
        return current;
    }

    public String string(String path) {
        Object value = get(path);
        return value == null ? null : value.toString();
    }

    /** The number at the path as an exact decimal; zero when absent. */
    public BigDecimal decimal(String path) {
        return toDecimal(get(path));
    }

    /** The count at the path; zero when absent. */
    public long count(String path) {
        Object value = get(path);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** The sub-document at the path, or {@code null}. Read only. */
    public Document sub(String path) {
        Object value = get(path);
        return value instanceof Document d ? d : null;
    }

    /** The list at the path, or an empty list. Read only. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String path) {
        Object value = get(path);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public static BigDecimal toDecimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(value.toString());
    }

    // ------------------------------------------------------------------------------------------------- writing

    /** Sets the value at the path (creating the document and parent documents as needed). */
    public void set(String path, Object value) {
        if (value == null) {
            unset(path);
            return;
        }
        changing();
        if (data == null) {
            data = new Document("_id", id);
        }
        String[] parts = path.split("\\.");
        Document parent = data;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = parent.get(parts[i]);
            Document next;
            if (child instanceof Document d) {
                next = d;
            } else {
                next = new Document();
                parent.put(parts[i], next);
            }
            parent = next;
        }
        parent.put(parts[parts.length - 1], storable(value));
        dirty.add(path);
    }

    /** Removes the value at the path; parent documents left empty are removed too. */
    public void unset(String path) {
        if (data == null) {
            return;
        }
        changing();
        String[] parts = path.split("\\.");
        List<Document> chain = new ArrayList<>();
        Document parent = data;
        chain.add(parent);
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = parent.get(parts[i]);
            if (!(child instanceof Document d)) {
                return;
            }
            parent = d;
            chain.add(parent);
        }
        if (parent.remove(parts[parts.length - 1]) == null) {
            return;
        }
        // drop parents that became empty, and mark the highest one removed as the changed path
        int depth = parts.length - 1;
        while (depth > 0 && chain.get(depth).isEmpty()) {
            chain.get(depth - 1).remove(parts[depth - 1]);
            depth--;
        }
        dirty.add(String.join(".", java.util.Arrays.copyOf(parts, depth + 1)));
    }

    /** Adds {@code delta} to the decimal at the path; a result of zero removes the value. */
    public BigDecimal add(String path, BigDecimal delta) {
        BigDecimal result = decimal(path).add(delta);
        if (result.signum() == 0) {
            unset(path);
        } else {
            set(path, result);
        }
        return result;
    }

    /** Adds {@code delta} to the count at the path; a result of zero removes the value. */
    public long inc(String path, long delta) {
        long result = count(path) + delta;
        if (result == 0) {
            unset(path);
        } else {
            set(path, result);
        }
        return result;
    }

    private static Object storable(Object value) {
        if (value instanceof BigDecimal b) {
            return new Decimal128(canonical(b));
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof java.time.Instant || value instanceof java.time.LocalDate || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> m && !(value instanceof Document)) {
            Document d = new Document();
            m.forEach((k, v) -> d.put(k.toString(), storable(v)));
            return d;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(storable(o));
            }
            return out;
        }
        if (value instanceof Document d) {
            Document out = new Document();
            d.forEach((k, v) -> out.put(k, storable(v)));
            return out;
        }
        return value;
    }

    /**
     * The one stored form of a number: at most 34 significant digits, no trailing zeros, never a negative scale.
     * Stored values then depend on the number only — not on the scale of the inputs, nor on whether a value was
     * summed in one batch or across several — so a replay writes byte-identical documents.
     */
    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal v = value.precision() > 34 ? value.round(DECIMAL128) : value;
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        v = v.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** A deep copy of a document (documents and lists copied, other values are immutable). */
    public static Document copy(Document source) {
        if (source == null) {
            return null;
        }
        Document out = new Document();
        source.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Document d) {
            return copy(d);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(copyValue(o));
            }
            return out;
        }
        return value;
    }
}
