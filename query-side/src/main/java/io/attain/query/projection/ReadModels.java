package io.attain.query.projection;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Where queries read a projection's documents: the collections of the projection's <em>active</em> generation
 * (ADR 0004); {@link Generations} follows the pointer documents.
 */
public interface ReadModels {

    /** The active generation's collection for a projection's logical collection name. */
    MongoCollection<Document> collection(String projection, String collection);

    /** The processor that writes the active generation (whose stored tokens tell how far the read model is). */
    String activeProcessor(String projection);

    /** {@code true} while a rebuild of the projection is in progress (queries still read the active generation). */
    boolean rebuilding(String projection);
}
