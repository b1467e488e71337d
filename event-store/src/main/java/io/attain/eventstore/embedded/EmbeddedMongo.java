package io.attain.eventstore.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Attain's embedded default: an in-process MongoDB-wire server ({@code de.bwaldvogel:mongo-java-server}) that the
 * application talks to with the ordinary MongoDB Java driver, exactly as it talks to a real replica set.
 * <p>
 * Two kinds: {@link #inMemory()} for tests and benchmarks (nothing on disk), and {@link #durable(Path)}, the runnable
 * default: the wire server's memory backend with every change journaled to files in a directory ({@link Journal},
 * group-committed and {@code fsync}ed) and every reply held until what it answers for is on disk
 * ({@link DurabilityGate}). So an acknowledged write survives {@code kill -9} and power loss; start-up replays the
 * newest snapshot and the journals after it (ADR 0010).
 * <p>
 * Limits of the wire server that the rest of Attain designs around: it uses only {@code _id} and <em>unique</em>
 * single-field indexes (equality and {@code $in}) or exact equality on unique compound indexes; every other query
 * scans the collection. It has no transactions and, unless {@code oplog} is enabled, no change streams. Its
 * requests are served one at a time on one worker thread, which is what makes its single operations atomic.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer memoryServer;
    private final Journal journal;
    private final EventLoopGroup boss;
    private final EventLoopGroup worker;
    private final ChannelGroup channels;
    private final Channel serverChannel;
    private final JournalledBackend backend;
    private final InetSocketAddress address;
    private final Recovery recovery;
    private final java.util.List<java.util.function.Consumer<String>> failureListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What start-up found: records replayed, bytes of an interrupted tail cut off, and how long it took. */
    public record Recovery(long records, long discardedTailBytes, long millis) {
    }

    private EmbeddedMongo(boolean oplog) {
        MemoryBackend memory = new MemoryBackend();
        if (oplog) {
            memory.enableOplog();
        }
        this.memoryServer = new MongoServer(memory);
        // One worker thread: the wire server's findAndModify ($inc) and unique-index checks are not atomic under
        // concurrent connections; serialising all requests on one event loop makes every operation atomic, as on
        // a real server.
        this.memoryServer.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        this.address = memoryServer.getLocalAddress();
        this.journal = null;
        this.boss = null;
        this.worker = null;
        this.channels = null;
        this.serverChannel = null;
        this.backend = null;
        this.recovery = new Recovery(0, 0, 0);
    }

    private EmbeddedMongo(Path dir, boolean oplog, int port, long minJournalBytes, JournalDisk disk) {
        long started = System.nanoTime();
        Journal.Opened opened = Journal.open(dir.toAbsolutePath(), minJournalBytes, disk);
        this.journal = opened.journal();
        JournalledBackend journalled;
        try {
            journalled = new JournalledBackend(journal, opened.state());
            if (oplog) {
                journalled.enableOplog();
            }
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        this.backend = journalled;
        this.memoryServer = null;
        this.recovery = new Recovery(opened.recoveredRecords(), opened.discardedTailBytes(),
                                     TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        this.boss = new NioEventLoopGroup(1, new DefaultThreadFactory("attain-mongo-boss", true));
        this.worker = new NioEventLoopGroup(1, new DefaultThreadFactory("attain-mongo-worker", true));
        EventLoop loop = worker.next();
        this.channels = new DefaultChannelGroup("attain-embedded-mongo", loop);
        DurabilityGate.Releases releases = new DurabilityGate.Releases();
        journal.onDurable(durable -> onLoop(loop, () -> releases.release(durable)));
        journal.onFailure(() -> {
            // first the listeners (the application stops being ready), then the waiting clients get their errors
            for (java.util.function.Consumer<String> listener : failureListeners) {
                listener.accept(journal.failure().orElse("journal failed"));
            }
            onLoop(loop, () -> releases.fail(journal));
        });
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(boss, worker)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new MongoWireReplyEncoder());
                            ch.pipeline().addLast(new MongoWireMessageEncoder());
                            ch.pipeline().addLast(new MongoWireProtocolHandler());
                            ch.pipeline().addLast(new DurabilityGate(journal, backend, releases));
                            ch.pipeline().addLast(new MongoDatabaseHandler(backend, channels));
                            ch.pipeline().addLast(new MongoExceptionHandler());
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutDownLoops();
            journal.close();
            throw e;
        }
        this.address = (InetSocketAddress) serverChannel.localAddress();
        log.info("Embedded store opened in {}: {} records replayed in {} ms{}", dir.toAbsolutePath(),
                 recovery.records(), recovery.millis(),
                 recovery.discardedTailBytes() > 0
                         ? ", an interrupted unacknowledged tail of " + recovery.discardedTailBytes() + " bytes cut off"
                         : "");
    }

    private static void onLoop(EventLoop loop, Runnable task) {
        if (!loop.isShuttingDown()) {
            try {
                loop.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: the connections waiting for this are gone
            }
        }
    }

    /** A memory-backed server on a free loopback port (nothing on disk). */
    public static EmbeddedMongo inMemory() {
        return inMemory(false);
    }

    public static EmbeddedMongo inMemory(boolean oplog) {
        return new EmbeddedMongo(oplog);
    }

    /** A durable server with its files in {@code dir} (created when missing), on a free loopback port. */
    public static EmbeddedMongo durable(Path dir) {
        return durable(dir, false, 0);
    }

    public static EmbeddedMongo durable(Path dir, boolean oplog, int port) {
        return durable(dir, oplog, port, Journal.DEFAULT_MIN_JOURNAL_BYTES);
    }

    /** As above; the journal is compacted once it holds {@code compactionMinBytes} (and the last snapshot's size). */
    public static EmbeddedMongo durable(Path dir, boolean oplog, int port, long compactionMinBytes) {
        return new EmbeddedMongo(dir, oplog, port, compactionMinBytes, JournalDisk.REAL);
    }

    /** A durable server with its own compaction threshold and its own way to the disk. */
    public static EmbeddedMongo durable(Path dir, long minJournalBytes, JournalDisk disk) {
        return new EmbeddedMongo(dir, false, 0, minJournalBytes, disk);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The store's directory, or {@code null} in memory. */
    public Path directory() {
        return journal == null ? null : journal.directory();
    }

    /** Why the store stopped writing (disk full, I/O error), if it did. */
    public Optional<String> failure() {
        return journal == null ? Optional.empty() : journal.failure();
    }

    /** Tells {@code listener} (once, with the reason) if the store stops writing; never called in memory. */
    public void onFailure(java.util.function.Consumer<String> listener) {
        failureListeners.add(listener);
        failure().ifPresent(listener);
    }

    /** Bytes of the store's files (0 in memory). */
    public long diskBytes() {
        return journal == null ? 0 : journal.diskBytes();
    }

    /** Compactions finished since start. */
    public long compactions() {
        return journal == null ? 0 : journal.compactions();
    }

    public Recovery recovery() {
        return recovery;
    }

    /** Waits until every change made so far is on disk (replies already wait for it; this is for callers that
     *  changed nothing through the wire). A no-op in memory. */
    public void flush() {
        if (journal != null) {
            journal.awaitDurable();
        }
    }

    @Override
    public void close() {
        if (memoryServer != null) {
            memoryServer.shutdownNow();
            return;
        }
        serverChannel.close().syncUninterruptibly();
        channels.close().syncUninterruptibly();
        journal.close();
        shutDownLoops();
        backend.close();
    }

    private void shutDownLoops() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        worker.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
