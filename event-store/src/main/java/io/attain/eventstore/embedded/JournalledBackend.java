package io.attain.eventstore.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The wire server's memory backend made durable by a {@link Journal}: every change is journaled as it is made, and
 * at start-up the recovered documents fill the databases before the server accepts a connection. Once the journal
 * has failed, every write command is refused with {@link #STORE_FAILED} (reads go on from memory).
 */
final class JournalledBackend extends AbstractMongoBackend {

    /** The error code of writes refused after the journal failed (MongoDB's OutOfDiskSpace; not retryable). */
    static final int STORE_FAILED = 14031;

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "create", "createindexes", "drop", "dropdatabase",
            "dropindexes", "deleteindexes", "renamecollection");

    private final Journal journal;
    private Map<String, LinkedHashMap<ByteBuffer, byte[]>> recovered;
    private volatile boolean journaling;

    // the request the worker thread is serving: how much of the journal its reply depends on, and whether it changed
    // anything (read and written on the worker thread only: DurabilityGate, the collections, this backend)
    private long requestRequired;
    private boolean requestChanged;

    JournalledBackend(Journal journal, JournalState state) {
        this.journal = journal;
        this.recovered = state.namespaces();
        Set<String> databases = new LinkedHashSet<>();
        for (String ns : recovered.keySet()) {
            databases.add(ns.substring(0, ns.indexOf('.')));
        }
        for (String database : databases) {
            resolveDatabase(database);
        }
        if (!recovered.isEmpty()) {
            // documents of a collection that no database lists: a defect of the files, never silently dropped
            throw new IllegalStateException("The embedded store holds documents of collections its databases do not"
                                            + " list: " + recovered.keySet());
        }
        this.recovered = Map.of();
        this.journaling = true;
    }

    boolean journaling() {
        return journaling;
    }

    /** Journals a change of the current request; returns the journal position that covers it. */
    long journal(byte[] record) {
        long seq = journal.append(record);
        requestChanged = true;
        require(seq);
        return seq;
    }

    /** A request begins: its reply depends on nothing yet. */
    void beginRequest() {
        requestRequired = 0;
        requestChanged = false;
    }

    /** The current request read or wrote something the journal holds up to {@code seq}. */
    void require(long seq) {
        if (seq > requestRequired) {
            requestRequired = seq;
        }
    }

    long requestRequired() {
        return requestRequired;
    }

    boolean requestChanged() {
        return requestChanged;
    }

    /** The recovered documents of a namespace, handed out once (to the collection that opens it at start-up). */
    Collection<byte[]> takeRecovered(String ns) {
        LinkedHashMap<ByteBuffer, byte[]> docs = recovered.isEmpty() ? null : recovered.remove(ns);
        return docs == null ? null : docs.values();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new JournalledDatabase(databaseName, getCursorRegistry(), this);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Optional<String> failure = journal.failure();
        if (failure.isPresent() && WRITE_COMMANDS.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            throw new MongoServerError(STORE_FAILED, "OutOfDiskSpace",
                                       "The embedded store refuses writes: " + failure.get());
        }
        if ("getmore".equalsIgnoreCase(command)) {
            // a cursor's later batches hold documents read earlier and possibly changed since: wait for everything
            require(journal.appended());
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
