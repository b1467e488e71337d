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
    /** While an event is handled: the state of every document before its first change by the event. */
    private Map<Doc, Object[]> savepoint;
    private final java.util.function.Consumer<Doc> recorder = this::record;
    private boolean retry;
    private final List<Op> extraOps = new ArrayList<>();

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
            doc.beforeChange(recorder);
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
            Doc doc = new Doc(collection, id, loaded.get(id));
            doc.beforeChange(recorder);
            byId.put(id, doc);
        }
    }

    // ------------------------------------------------------------------------------------------ savepoints

    /**
     * Starts an event's savepoint: from now on, the first change of each document records its state, so that
     * {@link #rollbackToSavepoint} can take back everything the event did to the batch's documents (ADR 0007).
     * The {@link #lastToken} and the {@link #onCommitted} actions are not part of it: they follow the stream,
     * whether the event was applied or not.
     */
    public void savepoint() {
        savepoint = new java.util.IdentityHashMap<>();
    }

    /** The event went through: keeps its changes. */
    public void releaseSavepoint() {
        savepoint = null;
    }

    /** The event failed: its changes to the batch's documents are undone. */
    public void rollbackToSavepoint() {
        if (savepoint == null) {
            return;
        }
        for (Map.Entry<Doc, Object[]> e : savepoint.entrySet()) {
            e.getKey().restore(e.getValue());
        }
        savepoint = null;
    }

    private void record(Doc doc) {
        if (savepoint != null && !savepoint.containsKey(doc)) {
            savepoint.put(doc, doc.state());
        }
    }

    /** {@code true} for the batch of one dead letter being retried (not part of the stream: no previous token). */
    public boolean isRetry() {
        return retry;
    }

    void retry(String processor, String eventId) {
        this.retry = true;
        extraOps.add(DeadLetters.appliedMarker(processor, eventId));
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
        store.commit(segment, token, all, extraOps, retry);
        onCommitted.forEach(Runnable::run);
    }
}
