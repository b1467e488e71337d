package io.attain.command.web.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The {@code command_idempotency} collection: one document per principal and {@code Idempotency-Key}
 * ({@code _id} = principal + key). A request first inserts a {@code pending} marker; the unique
 * {@code _id} makes sure only one of several concurrent requests with the same key gets to run. The
 * marker becomes {@code done} with the response (status, Location, body) after the command
 * succeeded, or is removed when the request failed (a failed command appended nothing, so the client
 * may retry with the same key). Blocking calls: use off the event loop.
 */
@Component
public class IdempotencyStore {

    static final String COLLECTION = "command_idempotency";

    private final MongoCollection<Document> keys;

    public IdempotencyStore(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    /** What became of a request that named a key. */
    public sealed interface Claim permits Claim.Started, Claim.InProgress, Claim.Mismatch, Claim.Completed {
        /** The key is new: this request runs. */
        record Started() implements Claim {
        }

        /** A request with this key is still running. */
        record InProgress() implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** The key's request succeeded: its answer, to be repeated. */
        record Completed(int status, String contentType, String location, byte[] body) implements Claim {
        }
    }

    /** The document id: the principal (escaped so it cannot contain the separator), a slash, the key. */
    static String id(String principal, String key) {
        return principal.replace("%", "%25").replace("/", "%2F") + "/" + key;
    }

    public Claim claim(String principal, String key, String fingerprint) {
        String id = id(principal, key);
        try {
            keys.insertOne(new Document("_id", id)
                    .append("state", "pending")
                    .append("fingerprint", fingerprint)
                    .append("startedAt", new Date()));
            return new Claim.Started();
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = keys.find(Filters.eq("_id", id)).first();
        if (existing == null) {
            return new Claim.InProgress(); // the other request failed just now and released the key
        }
        if (!fingerprint.equals(existing.getString("fingerprint"))) {
            return new Claim.Mismatch();
        }
        if (!"done".equals(existing.getString("state"))) {
            return new Claim.InProgress();
        }
        return new Claim.Completed(existing.getInteger("status"), existing.getString("contentType"),
                existing.getString("location"), existing.getString("body").getBytes(StandardCharsets.UTF_8));
    }

    /** Records the successful answer of the request that holds the key. */
    public void complete(String principal, String key, int status, String contentType, String location, byte[] body) {
        // Only the holder of the pending marker completes it, so the _id alone identifies it (and an _id-only filter
        // is an index lookup on the embedded server, where {_id, state} would scan the collection).
        keys.updateOne(Filters.eq("_id", id(principal, key)),
                Updates.combine(
                        Updates.set("state", "done"),
                        Updates.set("status", status),
                        Updates.set("contentType", contentType),
                        Updates.set("location", location),
                        Updates.set("body", new String(body, StandardCharsets.UTF_8)),
                        Updates.set("completedAt", new Date())));
    }

    /** Frees the key of a request that failed (it appended nothing). */
    public void release(String principal, String key) {
        // Guarded by state: a completed key must never be freed (rare failure path, so the scan is acceptable).
        keys.deleteOne(Filters.and(Filters.eq("_id", id(principal, key)), Filters.eq("state", "pending")));
    }
}
