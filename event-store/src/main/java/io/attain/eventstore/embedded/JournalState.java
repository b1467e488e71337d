package io.attain.eventstore.embedded;

import io.attain.eventstore.embedded.JournalRecords.Record;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store's contents as bytes: namespace ({@code db.collection}) → document key → BSON document, in insertion
 * order. Built from a snapshot and the journals after it at start-up (then handed to the wire server's memory
 * backend) and by compaction (then written as the next snapshot). It never touches a live document.
 */
final class JournalState {

    private final Map<String, LinkedHashMap<ByteBuffer, byte[]>> namespaces = new LinkedHashMap<>();
    private long records;

    Map<String, LinkedHashMap<ByteBuffer, byte[]>> namespaces() {
        return namespaces;
    }

    long records() {
        return records;
    }

    void apply(Record r) {
        records++;
        switch (r.op()) {
            case JournalRecords.PUT -> namespaces.computeIfAbsent(r.ns(), ns -> new LinkedHashMap<>())
                                                 .put(ByteBuffer.wrap(r.key()), r.document());
            case JournalRecords.DELETE -> {
                Map<ByteBuffer, byte[]> docs = namespaces.get(r.ns());
                if (docs != null) {
                    docs.remove(ByteBuffer.wrap(r.key()));
                }
            }
            case JournalRecords.DROP -> namespaces.remove(r.ns());
            case JournalRecords.RENAME -> {
                LinkedHashMap<ByteBuffer, byte[]> docs = namespaces.remove(r.ns());
                if (docs != null) {
                    namespaces.put(r.target(), docs);
                }
            }
            default -> throw new IllegalStateException("unexpected record " + r.op());
        }
    }

    /** Reads a complete snapshot (it must end with its END record). */
    void loadSnapshot(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            JournalRecords.readHeader(in, JournalRecords.SNAPSHOT_MAGIC, file.toString());
            JournalRecords.Reader reader = new JournalRecords.Reader(in, JournalRecords.HEADER_BYTES);
            Record r;
            while ((r = reader.next()) != null) {
                if (r.op() == JournalRecords.END) {
                    return;
                }
                apply(r);
            }
            throw new IOException("The embedded store snapshot " + file + " has no end record (incomplete)");
        }
    }

    /**
     * Applies a journal. A bad record in a journal that may have a torn tail ({@code tolerateTail}) ends the
     * journal there and its offset is returned; elsewhere it is corruption and thrown. Returns the length of the
     * valid part.
     */
    long applyJournal(Path file, boolean tolerateTail) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            JournalRecords.readHeader(in, JournalRecords.JOURNAL_MAGIC, file.toString());
            JournalRecords.Reader reader = new JournalRecords.Reader(in, JournalRecords.HEADER_BYTES);
            try {
                Record r;
                while ((r = reader.next()) != null) {
                    apply(r);
                }
                return reader.offset();
            } catch (JournalRecords.BadRecordException e) {
                if (tolerateTail) {
                    return e.offset();
                }
                throw new IOException("The embedded store journal " + file + " is corrupt: " + e.getMessage(), e);
            }
        }
    }

    /** Writes every document as a PUT record followed by the END record; returns the bytes written. */
    long writeSnapshot(OutputStream out) throws IOException {
        long bytes = 0;
        byte[] header = JournalRecords.header(JournalRecords.SNAPSHOT_MAGIC);
        out.write(header);
        bytes += header.length;
        long entries = 0;
        for (Map.Entry<String, LinkedHashMap<ByteBuffer, byte[]>> ns : namespaces.entrySet()) {
            for (Map.Entry<ByteBuffer, byte[]> doc : ns.getValue().entrySet()) {
                byte[] record = JournalRecords.put(ns.getKey(), doc.getKey().array(), doc.getValue());
                out.write(record);
                bytes += record.length;
                entries++;
            }
        }
        byte[] end = JournalRecords.end(entries);
        out.write(end);
        return bytes + end.length;
    }
}
