package io.attain.eventstore.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

import java.util.Collection;
import java.util.List;

/**
 * A memory collection that records every change in the {@link Journal}: the new document (encoded here, on the
 * thread that changed it), the key of a removed one, a dropped or renamed collection. At start-up it is filled from
 * the recovered documents without journaling them again.
 */
final class JournalledCollection extends MemoryCollection {

    private final JournalledBackend backend;
    /** The journal position of this collection's last change: a request that reads it must wait for that. */
    private long lastChange;

    JournalledCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                         CursorRegistry cursorRegistry, JournalledBackend backend, Collection<byte[]> recovered) {
        super(database, collectionName, options, cursorRegistry);
        this.backend = backend;
        if (recovered != null) {
            for (byte[] bson : recovered) {
                super.addDocumentInternal(JournalRecords.decode(bson));
                updateDataSize(bson.length);
            }
        }
    }

    /** The journal key of a document: its id field's value, or the whole document where there is no id field. */
    private byte[] key(Document document, byte[] encoded) {
        String idField = getIdField();
        return idField == null ? encoded : JournalRecords.key(document.get(idField));
    }

    /** The key of a document that is not otherwise encoded (a removal): only id-less collections encode it whole. */
    private byte[] key(Document document) {
        String idField = getIdField();
        return idField == null ? JournalRecords.encode(document) : JournalRecords.key(document.get(idField));
    }

    private void journalPut(Document document) {
        if (backend.journaling()) {
            byte[] encoded = JournalRecords.encode(document);
            journal(JournalRecords.put(getFullName(), key(document, encoded), encoded));
        }
    }

    private void journal(byte[] record) {
        lastChange = backend.journal(record);
    }

    /** The current request reads this collection: its reply waits until the collection's last change is durable. */
    private void touch() {
        backend.require(lastChange);
    }

    @Override
    public QueryResult handleQuery(QueryParameters queryParameters) {
        touch();
        return super.handleQuery(queryParameters);
    }

    @Override
    public Document handleDistinct(Document query) {
        touch();
        return super.handleDistinct(query);
    }

    @Override
    public int count(Document query, int skip, int limit) {
        touch();
        return super.count(query, skip, limit);
    }

    @Override
    public int count() {
        touch();
        return super.count();
    }

    @Override
    public Document findAndModify(Document query) {
        touch();
        return super.findAndModify(query);
    }

    @Override
    public Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                    boolean isMulti, boolean isUpsert, Oplog oplog) {
        touch();
        return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
    }

    @Override
    public int deleteDocuments(Document selector, int limit, Oplog oplog) {
        touch();
        return super.deleteDocuments(selector, limit, oplog);
    }

    @Override
    public List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
        touch();
        return super.insertDocuments(documents, isOrdered);
    }

    @Override
    public Document getStats() {
        touch();
        return super.getStats();
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = super.addDocumentInternal(document);
        journalPut(document);
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        if (backend.journaling()) {
            String idField = getIdField();
            if (idField == null || !java.util.Objects.equals(oldDocument.get(idField), newDocument.get(idField))) {
                journal(JournalRecords.delete(getFullName(), key(oldDocument)));
            }
            journalPut(newDocument);
        }
    }

    @Override
    protected void removeDocument(Integer position) {
        Document document = getDocument(position);
        super.removeDocument(position);
        if (document != null && backend.journaling()) {
            journal(JournalRecords.delete(getFullName(), key(document)));
        }
    }

    @Override
    public void drop() {
        super.drop();
        if (backend.journaling()) {
            journal(JournalRecords.drop(getFullName()));
        }
    }

    @Override
    public void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        String before = getFullName();
        super.renameTo(newDatabase, newCollectionName);
        if (backend.journaling()) {
            journal(JournalRecords.rename(before, getFullName()));
        }
    }
}
