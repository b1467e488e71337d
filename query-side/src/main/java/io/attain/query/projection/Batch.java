package io.attain.query.projection;

import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one batch of events makes to a projection's documents, collected in memory: every document is loaded
 * at most once per batch (and usually not at all, from the store's cache), changed in memory by the handlers, and
 * written once at the end of the batch by {@link #commit}.
 */
public final class Batch {

    private final ProjectionStore store;
    private final Map<String, Map<String, Doc>> docs = new LinkedHashMap<>();
    private TrackingToken lastToken;
    private boolean committed;
    private final List<Runnable> onCommitted = new ArrayList<>();

    Batch(ProjectionStore store) {
        this.store = store;
    }

    /** The document (loaded on first use); {@link Doc#exists()} tells whether it exists. */
    public Doc doc(String collection, String id) {
        Map<String, Doc> byId = docs.computeIfAbsent(collection, c -> new LinkedHashMap<>());
        Doc doc = byId.get(id);
        if (doc == null) {
            Document loaded = store.load(collection, List.of(id)).get(id);
            doc = new Doc(collection, id, loaded);
            byId.put(id, doc);
        }
        return doc;
    }

    /** Loads the documents not loaded yet with one query, so that the following {@link #doc} calls need none. */
    public void prefetch(String collection, Collection<String> ids) {
        Map<String, Doc> byId = docs.computeIfAbsent(collection, c -> new LinkedHashMap<>());
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!byId.containsKey(id) && !missing.contains(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Document> loaded = store.load(collection, missing);
        for (String id : missing) {
            byId.put(id, new Doc(collection, id, loaded.get(id)));
        }
    }

    /** The token of the last event the batch handled (a handler may read it, e.g. to derive positions). */
    public TrackingToken lastToken() {
        return lastToken;
    }

    public void lastToken(TrackingToken token) {
        this.lastToken = token;
    }

    /** Runs once the batch's documents are written (not if the batch fails). */
    public void onCommitted(Runnable action) {
        onCommitted.add(action);
    }

    /** Writes the batch (journal, then documents) ahead of the processor storing {@code token}. Once only. */
    public void commit(int segment, TrackingToken token) {
        if (committed) {
            return;
        }
        committed = true;
        List<Doc> all = new ArrayList<>();
        for (Map<String, Doc> byId : docs.values()) {
            all.addAll(byId.values());
        }
        store.commit(segment, token, all);
        onCommitted.forEach(Runnable::run);
    }
}
