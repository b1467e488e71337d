package io.attain.eventstore.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The byte format of the embedded store's journal and snapshot files. A file starts with an 8-byte header (magic,
 * format version); then records, each {@code [int length][int crc32c][body]}, the body being
 * {@code [byte op][int nsLength][ns utf-8]} followed by, for {@link #PUT}, {@code [int keyLength][key][document]},
 * for {@link #DELETE} {@code [int keyLength][key]}, for {@link #RENAME} {@code [new ns utf-8]}; {@link #DROP} has
 * nothing more and {@link #END} (snapshots only) closes a complete snapshot. Keys and documents are BSON, encoded on
 * the thread that changed the document, so nothing mutable ever leaves that thread.
 */
final class JournalRecords {

    static final int JOURNAL_MAGIC = 0x41544A4C; // "ATJL"
    static final int SNAPSHOT_MAGIC = 0x4154534E; // "ATSN"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 8;

    static final byte PUT = 1;
    static final byte DELETE = 2;
    static final byte DROP = 3;
    static final byte RENAME = 4;
    static final byte END = 9;

    /** Larger than any document the wire server accepts (16 MiB) plus its key and namespace. */
    static final int MAX_RECORD_BYTES = 48 * 1024 * 1024;

    private JournalRecords() {
    }

    /** One decoded record; {@code key}, {@code document} and {@code target} are set as the operation needs. */
    record Record(byte op, String ns, byte[] key, byte[] document, String target) {
    }

    static byte[] header(int magic) {
        return ByteBuffer.allocate(HEADER_BYTES).putInt(magic).putInt(VERSION).array();
    }

    static byte[] put(String ns, byte[] key, byte[] document) {
        byte[] nsBytes = ns.getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(1 + 4 + nsBytes.length + 4 + key.length + document.length);
        body.put(PUT).putInt(nsBytes.length).put(nsBytes).putInt(key.length).put(key).put(document);
        return frame(body.array());
    }

    static byte[] delete(String ns, byte[] key) {
        byte[] nsBytes = ns.getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(1 + 4 + nsBytes.length + 4 + key.length);
        body.put(DELETE).putInt(nsBytes.length).put(nsBytes).putInt(key.length).put(key);
        return frame(body.array());
    }

    static byte[] drop(String ns) {
        byte[] nsBytes = ns.getBytes(StandardCharsets.UTF_8);
        return frame(ByteBuffer.allocate(1 + 4 + nsBytes.length).put(DROP).putInt(nsBytes.length).put(nsBytes).array());
    }

    static byte[] rename(String ns, String target) {
        byte[] nsBytes = ns.getBytes(StandardCharsets.UTF_8);
        byte[] targetBytes = target.getBytes(StandardCharsets.UTF_8);
        return frame(ByteBuffer.allocate(1 + 4 + nsBytes.length + targetBytes.length)
                               .put(RENAME).putInt(nsBytes.length).put(nsBytes).put(targetBytes).array());
    }

    static byte[] end(long entries) {
        return frame(ByteBuffer.allocate(1 + 4 + 8).put(END).putInt(0).putLong(entries).array());
    }

    private static byte[] frame(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(8 + body.length).putInt(body.length).putInt((int) crc.getValue()).put(body).array();
    }

    /** The BSON bytes of a document. */
    static byte[] encode(Document document) {
        ByteBuf out = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    /** The key of a document by its id value: the BSON of {@code {v: value}}, equal for equal values. */
    static byte[] key(Object idValue) {
        Document wrapper = new Document();
        wrapper.put("v", idValue);
        return encode(wrapper);
    }

    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** Thrown for a record that is cut short or fails its checksum; {@link #offset()} is where it starts. */
    static final class BadRecordException extends IOException {
        private final long offset;

        BadRecordException(long offset, String message) {
            super(message + " at byte " + offset);
            this.offset = offset;
        }

        long offset() {
            return offset;
        }
    }

    /** Reads records one by one from a stream positioned after the header. */
    static final class Reader {
        private final InputStream in;
        private long offset;

        Reader(InputStream in, long offset) {
            this.in = in;
            this.offset = offset;
        }

        /** The next record, or {@code null} at a clean end of the file. */
        Record next() throws IOException {
            long start = offset;
            byte[] head = new byte[8];
            int n = in.readNBytes(head, 0, 8);
            if (n == 0) {
                return null;
            }
            if (n < 8) {
                throw new BadRecordException(start, "record header cut short");
            }
            ByteBuffer h = ByteBuffer.wrap(head);
            int length = h.getInt();
            int checksum = h.getInt();
            if (length < 5 || length > MAX_RECORD_BYTES) {
                throw new BadRecordException(start, "record length " + length + " out of range");
            }
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new BadRecordException(start, "record body cut short");
            }
            CRC32C crc = new CRC32C();
            crc.update(body);
            if ((int) crc.getValue() != checksum) {
                throw new BadRecordException(start, "record checksum mismatch");
            }
            offset = start + 8 + length;
            return parse(start, body);
        }

        long offset() {
            return offset;
        }

        private static Record parse(long start, byte[] body) throws BadRecordException {
            try {
                ByteBuffer b = ByteBuffer.wrap(body);
                byte op = b.get();
                byte[] nsBytes = new byte[b.getInt()];
                b.get(nsBytes);
                String ns = new String(nsBytes, StandardCharsets.UTF_8);
                switch (op) {
                    case PUT -> {
                        byte[] key = new byte[b.getInt()];
                        b.get(key);
                        byte[] document = new byte[b.remaining()];
                        b.get(document);
                        return new Record(op, ns, key, document, null);
                    }
                    case DELETE -> {
                        byte[] key = new byte[b.getInt()];
                        b.get(key);
                        return new Record(op, ns, key, null, null);
                    }
                    case DROP -> {
                        return new Record(op, ns, null, null, null);
                    }
                    case RENAME -> {
                        byte[] target = new byte[b.remaining()];
                        b.get(target);
                        return new Record(op, ns, null, null, new String(target, StandardCharsets.UTF_8));
                    }
                    case END -> {
                        return new Record(op, ns, null, null, Long.toString(b.getLong()));
                    }
                    default -> throw new BadRecordException(start, "unknown record type " + op);
                }
            } catch (RuntimeException e) {
                throw new BadRecordException(start, "malformed record (" + e + ")");
            }
        }
    }

    static void readHeader(InputStream in, int magic, String file) throws IOException {
        byte[] head = in.readNBytes(HEADER_BYTES);
        if (head.length < HEADER_BYTES) {
            throw new EOFException("The embedded store file " + file + " has no complete header");
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        int m = b.getInt();
        int version = b.getInt();
        if (m != magic) {
            throw new IOException("The embedded store file " + file + " is not an Attain "
                                  + (magic == JOURNAL_MAGIC ? "journal" : "snapshot") + " (wrong magic number)");
        }
        if (version != VERSION) {
            throw new IOException("The embedded store file " + file + " has format version " + version
                                  + "; this Attain reads version " + VERSION);
        }
    }
}
