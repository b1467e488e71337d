package io.attain.eventstore.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * H2 MVStore data types for the embedded wire server's file backend that store documents, ids and index keys as
 * BSON and compare keys with MongoDB's value order. The backend's defaults serialise every value with Java
 * serialization, and compare unknown key types (every index key) by serialising both keys on each comparison:
 * measured, that was the largest share of the embedded server's CPU time under load.
 */
public final class BsonDataTypes {

    /** Documents (the values of a collection's map). */
    public static final BasicDataType<Document> DOCUMENT = new DocumentType();
    /** Ids / positions (the keys of a collection's map, the values of an index map); may be {@link Missing}. */
    public static final BasicDataType<Object> VALUE = new ValueType();
    /** Index keys. */
    public static final BasicDataType<KeyValue> KEY_VALUE = new KeyValueType();

    private static final byte MISSING = 0;
    private static final byte PRESENT = 1;

    private BsonDataTypes() {
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        boolean aMissing = a instanceof Missing;
        boolean bMissing = b instanceof Missing;
        if (aMissing || bMissing) {
            return aMissing == bMissing ? 0 : aMissing ? -1 : 1;
        }
        return ValueComparator.asc().compare(a, b);
    }

    static void writeValue(ByteBuf out, Object value) {
        if (value instanceof Missing) {
            out.writeByte(MISSING);
            return;
        }
        out.writeByte(PRESENT);
        Document wrapper = new Document();
        wrapper.put("v", value);
        BsonEncoder.encodeDocument(wrapper, out);
    }

    static Object readValue(ByteBuf in) {
        if (in.readByte() == MISSING) {
            return Missing.getInstance();
        }
        return BsonDecoder.decodeBson(in).get("v");
    }

    private static void put(WriteBuffer buffer, ByteBuf encoded) {
        int length = encoded.readableBytes();
        buffer.putVarInt(length);
        byte[] bytes = new byte[length];
        encoded.readBytes(bytes);
        buffer.put(bytes);
    }

    private static ByteBuf take(ByteBuffer buffer) {
        int length = org.h2.mvstore.DataUtils.readVarInt(buffer);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return Unpooled.wrappedBuffer(bytes);
    }

    /** A rough size in memory, for the store's cache accounting (not exact, never negative). */
    static int estimate(Object value) {
        if (value == null || value instanceof Missing) {
            return 8;
        }
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 32 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 32;
            for (Object o : list) {
                size += 8 + estimate(o);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }

    private static final class DocumentType extends BasicDataType<Document> {
        @Override
        public int getMemory(Document document) {
            return estimate(document);
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            ByteBuf out = Unpooled.buffer();
            try {
                BsonEncoder.encodeDocument(document, out);
                put(buffer, out);
            } finally {
                out.release();
            }
        }

        @Override
        public Document read(ByteBuffer buffer) {
            ByteBuf in = take(buffer);
            try {
                return BsonDecoder.decodeBson(in);
            } finally {
                in.release();
            }
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    private static final class ValueType extends BasicDataType<Object> {
        @Override
        public int getMemory(Object value) {
            return estimate(value);
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            ByteBuf out = Unpooled.buffer();
            try {
                writeValue(out, value);
                put(buffer, out);
            } finally {
                out.release();
            }
        }

        @Override
        public Object read(ByteBuffer buffer) {
            ByteBuf in = take(buffer);
            try {
                return readValue(in);
            } finally {
                in.release();
            }
        }

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    private static final class KeyValueType extends BasicDataType<KeyValue> {
        @Override
        public int getMemory(KeyValue key) {
            int size = 32;
            for (Object value : key) {
                size += 8 + estimate(value);
            }
            return size;
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            ByteBuf out = Unpooled.buffer();
            try {
                out.writeInt(key.size());
                for (Object value : key) {
                    writeValue(out, value);
                }
                put(buffer, out);
            } finally {
                out.release();
            }
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            ByteBuf in = take(buffer);
            try {
                int size = in.readInt();
                List<Object> values = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    values.add(readValue(in));
                }
                return new KeyValue(values);
            } finally {
                in.release();
            }
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
