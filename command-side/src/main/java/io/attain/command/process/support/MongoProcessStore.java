package io.attain.command.process.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * The commission process's state in MongoDB: collection {@value #COLLECTION}, one document per entity,
 * {@code {_id, json}}, read and replaced by {@code _id} only (an index lookup on every server, the embedded one
 * included).
 */
public final class MongoProcessStore implements ProcessStore {

    public static final String COLLECTION = "commission_process";

    private final MongoCollection<Document> documents;

    public MongoProcessStore(MongoDatabase database) {
        this(database, COLLECTION);
    }

    /** The state of another process (e.g. the channel process) in a collection of its own. */
    public MongoProcessStore(MongoDatabase database, String collection) {
        this.documents = database.getCollection(collection);
    }

    @Override
    public String load(String id) {
        Document document = documents.find(Filters.eq("_id", id)).first();
        return document == null ? null : document.getString("json");
    }

    @Override
    public void save(String id, String json) {
        documents.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("json", json),
                new ReplaceOptions().upsert(true));
    }
}
