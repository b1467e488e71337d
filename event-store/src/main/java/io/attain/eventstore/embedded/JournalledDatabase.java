package io.attain.eventstore.embedded;

import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;

import java.util.List;

/**
 * A memory database whose collections are {@link JournalledCollection}s. Opened from recovered documents, it rebuilds
 * its namespaces and (unique) indexes from them the way the wire server opens a persisted database.
 */
final class JournalledDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    private final JournalledBackend backend;

    JournalledDatabase(String databaseName, CursorRegistry cursorRegistry, JournalledBackend backend) {
        super(databaseName, cursorRegistry);
        this.backend = backend;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected JournalledCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        String ns = getFullCollectionNamespace(collectionName);
        return new JournalledCollection(this, collectionName, options, cursorRegistry, backend,
                                        backend.takeRecovered(ns));
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                     boolean sparse) {
        return new MemoryUniqueIndex(indexName, keys, sparse);
    }

    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }
}
