package io.attain.eventstore.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded store's durability: an append-only journal of every change the wire server makes, written and
 * {@code fsync}ed by one writer thread (group commit: one flush for everything appended meanwhile), and compacted into
 * snapshots in the background so the files stay bounded.
 * <p>
 * Files in the store directory: {@code journal-<gen>.log} and {@code snapshot-<gen>.snap}. Snapshot {@code S} holds
 * everything of the journals before {@code S}; start-up reads the newest snapshot and then every journal from
 * {@code S} on, in order. Only the newest journal can end in a torn record (a write the crash interrupted, never
 * acknowledged): it is cut off there. Every other defect is corruption and stops the start with a clear message.
 * <p>
 * Appends come from the wire server's worker thread ({@link #append(byte[])}, cheap: a copy into a buffer);
 * {@link #appended()} and {@link #durable()} are byte counts the {@link DurabilityGate} compares to hold each reply
 * until what it answers for is on disk. When writing fails (disk full, I/O error) the journal stops for good:
 * {@link #failure()} says why, and the backend refuses writes from then on.
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d+)\\.log");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d+)\\.snap");

    /** Journals grow to at least this size before a compaction. */
    static final long DEFAULT_MIN_JOURNAL_BYTES = 64L * 1024 * 1024;

    /** What the store held at start-up, and where writing goes on. */
    record Opened(Journal journal, JournalState state, long recoveredRecords, long discardedTailBytes) {
    }

    private final Path dir;
    private final long minJournalBytes;
    private final JournalDisk disk;
    private final Object lock = new Object();
    private final Object durableLock = new Object();
    private final Thread writer;
    private final Thread compactor;

    // guarded by lock
    private ByteBuffer pending = ByteBuffer.allocate(1 << 16);
    private long appended;
    private boolean closing;
    private boolean compactionRequested;
    private long compactUpTo;

    private volatile long durable;
    private volatile String failure;
    private volatile LongConsumer onDurable = seq -> { };
    private volatile Runnable onFailure = () -> { };

    // writer thread only
    private FileChannel current;
    private long currentGen;
    private long currentBytes;
    private volatile long snapshotBytes;
    private volatile boolean compacting;
    private volatile long compactions;

    private Journal(Path dir, long gen, long snapshotBytes, long minJournalBytes, JournalDisk disk) throws IOException {
        this.dir = dir;
        this.disk = disk;
        this.minJournalBytes = minJournalBytes;
        this.snapshotBytes = snapshotBytes;
        openJournal(gen);
        this.writer = new Thread(this::writeLoop, "attain-journal-writer");
        this.writer.setDaemon(true);
        this.compactor = new Thread(this::compactLoop, "attain-journal-compactor");
        this.compactor.setDaemon(true);
    }

    /**
     * Opens the store in {@code dir} (created when missing): reads the newest snapshot and the journals after it into
     * a {@link JournalState}, cuts a torn tail off the newest journal, starts a new journal and, if there were
     * journals, compacts them in the background.
     */
    static Opened open(Path dir, long minJournalBytes, JournalDisk disk) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path tmp : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.delete(tmp);
                }
            }
            TreeMap<Long, Path> snapshots = list(dir, SNAPSHOT);
            TreeMap<Long, Path> journals = list(dir, JOURNAL);
            long s = snapshots.isEmpty() ? 0 : snapshots.lastKey();
            for (Path old : snapshots.headMap(s).values()) {
                Files.delete(old);
            }
            for (Path old : journals.headMap(s).values()) {
                Files.delete(old);
            }
            JournalState state = new JournalState();
            long snapshotBytes = 0;
            if (s > 0) {
                state.loadSnapshot(snapshots.get(s));
                snapshotBytes = Files.size(snapshots.get(s));
            }
            TreeMap<Long, Path> replay = new TreeMap<>(journals.tailMap(s, true));
            long discarded = 0;
            for (var entry : replay.entrySet()) {
                boolean newest = entry.getKey().equals(replay.lastKey());
                long size = Files.size(entry.getValue());
                if (newest && size < JournalRecords.HEADER_BYTES) {
                    // created by a rotation the crash interrupted before its header was on disk: nothing in it
                    log.warn("Embedded store: the journal {} has no complete header ({} bytes); removed",
                             entry.getValue(), size);
                    Files.delete(entry.getValue());
                    continue;
                }
                long valid = state.applyJournal(entry.getValue(), newest);
                if (valid < size) {
                    discarded = size - valid;
                    log.warn("Embedded store: the journal {} ended in {} bytes of an interrupted, unacknowledged"
                             + " write; cut off", entry.getValue(), discarded);
                    try (FileChannel ch = FileChannel.open(entry.getValue(), StandardOpenOption.WRITE)) {
                        ch.truncate(valid);
                        ch.force(true);
                    }
                }
            }
            long gen = Math.max(s, replay.isEmpty() ? 0 : replay.lastKey()) + 1;
            Journal journal = new Journal(dir, gen, snapshotBytes, minJournalBytes, disk);
            if (!replay.isEmpty()) {
                journal.requestCompaction(gen);
            }
            journal.writer.start();
            journal.compactor.start();
            return new Opened(journal, state, state.records(), discarded);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded store in " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static TreeMap<Long, Path> list(Path dir, Pattern pattern) throws IOException {
        TreeMap<Long, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches()) {
                    found.put(Long.parseLong(m.group(1)), p);
                }
            });
        }
        return found;
    }

    void onDurable(LongConsumer listener) {
        this.onDurable = listener;
    }

    void onFailure(Runnable listener) {
        this.onFailure = listener;
    }

    /**
     * Appends one framed record (see {@link JournalRecords}); returns the byte count that includes it — or
     * {@code Long.MAX_VALUE} once the journal failed or is closing, so that nothing waiting for it is ever told it
     * is durable.
     */
    long append(byte[] record) {
        synchronized (lock) {
            if (failure != null || closing) {
                return Long.MAX_VALUE;
            }
            if (pending.remaining() < record.length) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2,
                                                                 pending.position() + record.length));
                pending.flip();
                bigger.put(pending);
                pending = bigger;
            }
            pending.put(record);
            appended += record.length;
            lock.notifyAll();
            return appended;
        }
    }

    /** Bytes appended so far. */
    long appended() {
        synchronized (lock) {
            return appended;
        }
    }

    /** Bytes on disk so far. */
    long durable() {
        return durable;
    }

    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    long compactions() {
        return compactions;
    }

    /** Waits until everything appended so far is on disk (or the journal failed). */
    void awaitDurable() {
        long target = appended();
        synchronized (durableLock) {
            while (durable < target && failure == null) {
                try {
                    durableLock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Bytes of the store's files on disk. */
    long diskBytes() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    Path directory() {
        return dir;
    }

    private void writeLoop() {
        ByteBuffer spare = ByteBuffer.allocate(1 << 16);
        while (true) {
            ByteBuffer chunk;
            long upTo;
            synchronized (lock) {
                while (pending.position() == 0 && !closing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (pending.position() == 0) {
                    return;
                }
                chunk = pending;
                upTo = appended;
                spare.clear();
                pending = spare;
            }
            try {
                chunk.flip();
                int length = chunk.remaining();
                disk.write(current, chunk);
                disk.force(current);
                currentBytes += length;
            } catch (IOException | RuntimeException e) {
                fail("writing the journal " + dir.resolve(journalName(currentGen)) + " failed: " + e);
                return;
            }
            spare = chunk.capacity() <= (8 << 20) ? chunk : ByteBuffer.allocate(1 << 16);
            durable = upTo;
            onDurable.accept(upTo);
            synchronized (durableLock) {
                durableLock.notifyAll();
            }
            if (!compacting && currentBytes >= Math.max(minJournalBytes, snapshotBytes)) {
                try {
                    rotate();
                } catch (IOException | RuntimeException e) {
                    fail("starting a new journal in " + dir + " failed: " + e);
                    return;
                }
            }
        }
    }

    private void rotate() throws IOException {
        current.close();
        long next = currentGen + 1;
        openJournal(next);
        requestCompaction(next);
    }

    private void openJournal(long gen) throws IOException {
        Path file = dir.resolve(journalName(gen));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(JournalRecords.header(JournalRecords.JOURNAL_MAGIC)));
        channel.force(true);
        syncDirectory();
        current = channel;
        currentGen = gen;
        currentBytes = JournalRecords.HEADER_BYTES;
    }

    private void requestCompaction(long upTo) {
        synchronized (lock) {
            compacting = true;
            compactionRequested = true;
            compactUpTo = upTo;
            lock.notifyAll();
        }
    }

    private void compactLoop() {
        while (true) {
            long upTo;
            synchronized (lock) {
                while (!compactionRequested && !closing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (closing) {
                    return;
                }
                compactionRequested = false;
                upTo = compactUpTo;
            }
            try {
                compact(upTo);
                compactions++;
            } catch (IOException | RuntimeException e) {
                // the journals are intact; only the disk bound suffers: say so, try again at the next rotation
                log.error("Embedded store: compacting {} failed ({}); the journals are kept and replayed", dir,
                          e.toString());
            } finally {
                compacting = false;
            }
        }
    }

    /** Snapshot {@code upTo} = the newest snapshot + every journal before {@code upTo}; then the inputs go. */
    void compact(long upTo) throws IOException {
        TreeMap<Long, Path> snapshots = list(dir, SNAPSHOT);
        TreeMap<Long, Path> journals = list(dir, JOURNAL);
        Long s = snapshots.floorKey(upTo - 1);
        JournalState state = new JournalState();
        if (s != null) {
            state.loadSnapshot(snapshots.get(s));
        }
        long from = s == null ? 0 : s;
        List<Path> inputs = new ArrayList<>(journals.subMap(from, true, upTo, false).values());
        for (Path journal : inputs) {
            state.applyJournal(journal, false);
        }
        Path target = dir.resolve(snapshotName(upTo));
        Path tmp = dir.resolve(snapshotName(upTo) + ".tmp");
        long bytes;
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            bytes = state.writeSnapshot(out);
            out.flush();
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        if (s != null) {
            Files.deleteIfExists(snapshots.get(s));
        }
        for (Path journal : inputs) {
            Files.deleteIfExists(journal);
        }
        syncDirectory();
        snapshotBytes = bytes;
        log.debug("Embedded store: snapshot {} written ({} bytes, {} journals folded in)", target, bytes,
                  inputs.size());
    }

    private void syncDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the files themselves are synced
            log.debug("directory sync of {} not supported: {}", dir, e.toString());
        }
    }

    private void fail(String reason) {
        failure = reason;
        log.error("Embedded store STOPPED: {}. Writes are refused from now on; nothing unacknowledged was"
                  + " reported as stored. Fix the cause (e.g. free disk space) and restart.", reason);
        synchronized (durableLock) {
            durableLock.notifyAll();
        }
        onFailure.run();
    }

    static String journalName(long gen) {
        return String.format("journal-%016d.log", gen);
    }

    static String snapshotName(long gen) {
        return String.format("snapshot-%016d.snap", gen);
    }

    /** Writes what is pending, waits for a running compaction, closes the files. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
            compactor.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (current != null && current.isOpen()) {
                current.close();
            }
        } catch (IOException e) {
            log.warn("closing the journal failed: {}", e.toString());
        }
    }
}
