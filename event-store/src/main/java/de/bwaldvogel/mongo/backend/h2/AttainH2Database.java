package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import io.attain.eventstore.embedded.BsonDataTypes;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The H2 backend's database with typed maps: documents as BSON, keys in MongoDB's value order
 * ({@link BsonDataTypes}). In this package because the backend's unique index has a package-private constructor.
 * The store is handed over through a thread-local because the superclass opens collections from its constructor.
 */
public final class AttainH2Database extends H2Database {

    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private AttainH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    public static AttainH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        OPENING.set(store);
        try {
            return new AttainH2Database(databaseName, store, cursorRegistry);
        } finally {
            OPENING.remove();
        }
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVMap<KeyValue, Object> map = store().openMap(
                getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(BsonDataTypes.KEY_VALUE).valueType(BsonDataTypes.VALUE));
        return new H2UniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store().openMap(
                DATABASES_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().keyType(BsonDataTypes.VALUE).valueType(BsonDataTypes.DOCUMENT));
        MVMap<String, Object> meta = store().openMap("meta." + fullName);
        return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }
}
