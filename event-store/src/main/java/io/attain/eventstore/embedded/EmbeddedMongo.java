package io.attain.eventstore.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.AttainH2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Attain's embedded default: an in-process MongoDB-wire server ({@code de.bwaldvogel:mongo-java-server}) that the
 * application talks to with the ordinary MongoDB Java driver, exactly as it talks to a real replica set.
 * <p>
 * Two backends: {@link #inMemory()} for tests and benchmarks, {@link #file(Path)} (an H2 MVStore file, with
 * documents and keys stored as BSON, see {@link BsonDataTypes}) for the runnable default, which keeps documents
 * and unique indexes across restarts. The file backend commits its store on every {@link #flush()} and, in the
 * background, at least every {@link #AUTO_COMMIT_DELAY_MILLIS}; a clean {@link #close()} commits everything.
 * <p>
 * Limits of the wire server that the rest of Attain designs around: it uses only {@code _id} and <em>unique</em>
 * single-field indexes (equality and {@code $in}) or exact equality on unique compound indexes; every other query
 * scans the collection. It has no transactions and, unless {@code oplog} is enabled, no change streams. Its
 * requests are served one at a time (see the constructor), which is what makes its single operations atomic.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The file backend writes what it holds to disk at least this often (and on {@link #flush()}, {@link #close()}). */
    public static final int AUTO_COMMIT_DELAY_MILLIS = 200;

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongo(MongoBackend backend, Path file, boolean oplog, String host, int port) {
        this.backend = backend;
        this.file = file;
        if (oplog) {
            backend.enableOplog();
        }
        this.server = new MongoServer(backend);
        // One worker thread: the wire server's findAndModify ($inc) and unique-index checks are not atomic under
        // concurrent connections; serialising all requests on one event loop makes every operation atomic, as on
        // a real server.
        this.server.bind(new InetSocketAddress(host, port), 1, 1);
        this.address = server.getLocalAddress();
    }

    /** A memory-backed server on a free loopback port. */
    public static EmbeddedMongo inMemory() {
        return inMemory(false);
    }

    public static EmbeddedMongo inMemory(boolean oplog) {
        return new EmbeddedMongo(new MemoryBackend(), null, oplog, "127.0.0.1", 0);
    }

    /** A file-backed server on a free loopback port; the directory is created when missing. */
    public static EmbeddedMongo file(Path file) {
        return file(file, false, 0);
    }

    public static EmbeddedMongo file(Path file, boolean oplog, int port) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded MongoDB data directory for " + file, e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).open();
        store.setAutoCommitDelay(AUTO_COMMIT_DELAY_MILLIS);
        H2Backend backend;
        try {
            backend = AttainH2Backend.open(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new EmbeddedMongo(backend, file, oplog, "127.0.0.1", port);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The store file, or {@code null} for the memory backend. */
    public Path file() {
        return file;
    }

    /** Forces the file backend to commit what it holds to disk; a no-op for the memory backend. */
    public void flush() {
        if (backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
