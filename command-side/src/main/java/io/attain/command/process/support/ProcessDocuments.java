package io.attain.command.process.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state documents one event of a process reads and changes: each loaded once from the {@link ProcessStore}, all
 * written at the end ({@link #flush}), after every command of the event was sent (ADR 0005). Used by the commission
 * and the channel process.
 */
public final class ProcessDocuments {

    private final ProcessStore store;
    private final Map<String, Object> documents = new LinkedHashMap<>();

    public ProcessDocuments(ProcessStore store) {
        this.store = store;
    }

    /** The document with the id: as loaded or changed in this event, else from the store, else {@code fresh}. */
    public <T> T get(String id, Class<T> type, Supplier<T> fresh) {
        Object document = documents.computeIfAbsent(id, key -> {
            T loaded = store.load(key, type);
            return loaded != null ? loaded : fresh.get();
        });
        return type.cast(document);
    }

    /** Whether the document exists (in this event or in the store). */
    public boolean exists(String id) {
        return documents.containsKey(id) || store.load(id) != null;
    }

    /** Writes every document this event read or changed. */
    public void flush() {
        documents.forEach(store::saveObject);
    }
}
