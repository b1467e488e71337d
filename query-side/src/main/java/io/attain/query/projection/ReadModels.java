package io.attain.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Where queries read a projection's documents: the collections of the projection's <em>active</em> generation
 * (ADR 0004). {@link Generations} follows the pointer documents; {@link #fixed} always reads generation 0 (tests of
 * single projections).
 */
public interface ReadModels {

    /** The active generation's collection for a projection's logical collection name. */
    MongoCollection<Document> collection(String projection, String collection);

    /** The processor that writes the active generation (whose stored tokens tell how far the read model is). */
    String activeProcessor(String projection);

    /** {@code true} while a rebuild of the projection is in progress (queries still read the active generation). */
    boolean rebuilding(String projection);

    /** Generation 0 only, no rebuilds. */
    static ReadModels fixed(MongoDatabase database) {
        return new ReadModels() {
            @Override
            public MongoCollection<Document> collection(String projection, String collection) {
                return database.getCollection(collection);
            }

            @Override
            public String activeProcessor(String projection) {
                return projection;
            }

            @Override
            public boolean rebuilding(String projection) {
                return false;
            }
        };
    }
}
