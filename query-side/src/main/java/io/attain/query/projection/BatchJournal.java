package io.attain.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

/**
 * The redo journal of the read models: before a batch writes its documents, it records here the token its
 * processor is about to store and every write of the batch. One journal per processor segment, overwritten by each
 * batch: {@code _id = <processor>|<segment>} holds the token and, when they fit, the writes; a larger batch puts its
 * writes in chunk documents {@code <processor>|<segment>|<n>} written before the header.
 *
 * <p>When a node claims a segment and finds a journal whose token the stored token does not cover, the batch
 * wrote (part of) its documents but never stored its token: the writes are applied again (they are idempotent) and
 * the journal's token is stored, so the batch is never delivered twice. See ADR 0003.
 */
public final class BatchJournal {

    /** Writes that fit into the header; larger batches use chunks of about this size. */
    static final int INLINE_BYTES = 4 * 1024 * 1024;
    private static final DocumentCodec CODEC = new DocumentCodec();

    private final MongoCollection<Document> journal;
    private final Serializer serializer;

    public BatchJournal(MongoDatabase database, String collection, Serializer serializer) {
        this.journal = database.getCollection(collection);
        this.serializer = serializer;
    }

    /** A journal found for a segment: the token of its batch, and its writes. */
    public record Entry(TrackingToken token, List<Op> ops, boolean redo) {
        public Entry(TrackingToken token, List<Op> ops) {
            this(token, ops, false);
        }
    }

    static String headerId(String processor, int segment) {
        return processor + "|" + segment;
    }

    void write(String processor, int segment, TrackingToken token, List<Op> ops) {
        write(processor, segment, token, ops, false);
    }

    /**
     * @param redo {@code true} for a batch that does not move the token (a dead-letter retry, ADR 0007): it is
     *             rolled forward on the next claim whatever the stored token (its writes are idempotent, and no
     *             later batch wrote since, or the journal would hold that batch)
     */
    void write(String processor, int segment, TrackingToken token, List<Op> ops, boolean redo) {
        List<List<Document>> chunks = new ArrayList<>();
        List<Document> current = new ArrayList<>();
        long size = 0;
        for (Op op : ops) {
            Document bson = op.toBson();
            int bytes = new RawBsonDocument(bson, CODEC).getByteBuffer().remaining();
            if (!current.isEmpty() && size + bytes > INLINE_BYTES) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(bson);
            size += bytes;
        }
        chunks.add(current);
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        Document header = new Document("_id", headerId(processor, segment))
                .append("token", new Binary(serialized.getData()))
                .append("tokenType", serialized.getType().getName())
                .append("tokenRevision", serialized.getType().getRevision());
        if (redo) {
            header.append("redo", true);
        }
        if (chunks.size() == 1) {
            header.append("ops", chunks.get(0));
        } else {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                String id = headerId(processor, segment) + "|" + i;
                writes.add(new ReplaceOneModel<>(eq("_id", id), new Document("_id", id).append("ops", chunks.get(i)),
                                                 new ReplaceOptions().upsert(true)));
            }
            journal.bulkWrite(writes);
            header.append("chunks", chunks.size());
        }
        journal.replaceOne(eq("_id", header.getString("_id")), header, new ReplaceOptions().upsert(true));
    }

    /** The journal of the segment, or {@code null}. */
    Entry read(String processor, int segment) {
        Document header = journal.find(eq("_id", headerId(processor, segment))).first();
        if (header == null) {
            return null;
        }
        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(
                header.get("token", Binary.class).getData(), byte[].class,
                header.getString("tokenType"), header.getString("tokenRevision")));
        List<Document> bson = new ArrayList<>();
        if (header.containsKey("ops")) {
            bson.addAll(header.getList("ops", Document.class));
        } else {
            int chunks = header.getInteger("chunks");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < chunks; i++) {
                ids.add(headerId(processor, segment) + "|" + i);
            }
            List<Document> found = journal.find(in("_id", ids)).into(new ArrayList<>());
            if (found.size() != chunks) {
                throw new IllegalStateException("Journal of " + processor + "[" + segment + "] misses chunks: found "
                                                        + found.size() + " of " + chunks);
            }
            found.sort(java.util.Comparator.comparing(d -> Integer.parseInt(
                    d.getString("_id").substring(d.getString("_id").lastIndexOf('|') + 1))));
            for (Document chunk : found) {
                bson.addAll(chunk.getList("ops", Document.class));
            }
        }
        List<Op> ops = new ArrayList<>(bson.size());
        for (Document d : bson) {
            ops.add(Op.fromBson(d));
        }
        return new Entry(token, ops, header.getBoolean("redo", false));
    }

    /** Forgets every journal of the processor (a reset). */
    void clear(String processor) {
        journal.deleteMany(regex("_id", "^" + Pattern.quote(processor + "|")));
    }
}
