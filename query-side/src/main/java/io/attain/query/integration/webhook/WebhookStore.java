package io.attain.query.integration.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

/**
 * The webhook registry ({@code webhooks}) and the delivery attempts ({@code webhook_deliveries}) in the query side's
 * MongoDB database. Two kinds of writers, kept apart:
 * <ul>
 *     <li>the registry (the API): every change bumps {@code version};</li>
 *     <li>the worker: claims a webhook with a lease (owner + expiry, a conditional update), and writes its
 *     progress only {@link #advance if the version is still the one it read} and it still holds the lease — so a
 *     PATCH, replay or rotation made while a delivery was in flight is never overwritten by that delivery's
 *     result.</li>
 * </ul>
 */
public class WebhookStore {

    public static final String WEBHOOKS = "webhooks";
    public static final String DELIVERIES = "webhook_deliveries";

    private final MongoCollection<Document> webhooks;
    private final MongoCollection<Document> deliveries;

    public WebhookStore(MongoDatabase database) {
        this.webhooks = database.getCollection(WEBHOOKS);
        this.deliveries = database.getCollection(DELIVERIES);
        this.deliveries.createIndex(Indexes.ascending("webhookId"));
    }

    // -------------------------------------------------------------------------------------------------- registry

    public void insert(Webhook webhook) {
        webhooks.insertOne(webhook.toDocument());
    }

    public Optional<Webhook> find(String id) {
        return Optional.ofNullable(webhooks.find(eq("_id", id)).first()).map(Webhook::of);
    }

    /** Every webhook ({@code owner} null) or those of one owner, oldest first. */
    public List<Webhook> list(String owner) {
        List<Webhook> all = new ArrayList<>();
        Bson filter = owner == null ? new Document() : eq("owner", owner);
        webhooks.find(filter).sort(Sorts.ascending("createdAt", "_id")).forEach(d -> all.add(Webhook.of(d)));
        return all;
    }

    /** A registry change: applies the updates and bumps the version; the webhook after it, or empty if gone. */
    public Optional<Webhook> change(String id, Instant now, List<Bson> updates) {
        List<Bson> all = new ArrayList<>(updates);
        all.add(Updates.inc("version", 1L));
        all.add(Updates.set("updatedAt", Date.from(now)));
        return Optional.ofNullable(webhooks.findOneAndUpdate(
                eq("_id", id), Updates.combine(all),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(Webhook::of);
    }

    /** Removes the webhook and its delivery history; {@code false} if it did not exist. */
    public boolean delete(String id) {
        boolean existed = webhooks.deleteOne(eq("_id", id)).getDeletedCount() == 1;
        deliveries.deleteMany(eq("webhookId", id));
        return existed;
    }

    // ---------------------------------------------------------------------------------------------------- worker

    /** Ids of the active webhooks whose next attempt is due and that no live lease holds (or {@code me} holds). */
    public List<String> due(Instant now, String me) {
        Date at = Date.from(now);
        List<String> ids = new ArrayList<>();
        webhooks.find(and(eq("status", Webhook.Status.ACTIVE.name()),
                          or(eq("nextAttemptAt", null), lte("nextAttemptAt", at)),
                          or(eq("leaseOwner", null), lt("leaseUntil", at), eq("leaseOwner", me))))
                .projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /**
     * Claims (or renews) the lease on an active webhook: a conditional update that succeeds only if no other
     * instance holds a lease that has not expired. The webhook as claimed, or empty.
     */
    public Optional<Webhook> claim(String id, String me, Instant now, Instant until) {
        Date at = Date.from(now);
        return Optional.ofNullable(webhooks.findOneAndUpdate(
                and(eq("_id", id), eq("status", Webhook.Status.ACTIVE.name()),
                    or(eq("leaseOwner", null), lt("leaseUntil", at), eq("leaseOwner", me))),
                Updates.combine(Updates.set("leaseOwner", me), Updates.set("leaseUntil", Date.from(until))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(Webhook::of);
    }

    /**
     * The worker's progress: applies the updates only if the webhook still has the version the worker read and
     * the worker still holds its lease. {@code false}: a registry change (or another instance) came first; the
     * worker drops what it was doing and reads the webhook again.
     */
    public boolean advance(String id, long version, String me, List<Bson> updates) {
        return webhooks.updateOne(and(eq("_id", id), eq("version", version), eq("leaseOwner", me)),
                                  Updates.combine(updates)).getModifiedCount() == 1;
    }

    /** Gives the lease up (touches nothing but the lease). */
    public void release(String id, String me) {
        webhooks.updateOne(and(eq("_id", id), eq("leaseOwner", me)),
                           Updates.combine(Updates.set("leaseOwner", null), Updates.set("leaseUntil", null)));
    }

    /** Gives every lease of the worker up (when it stops). */
    public void releaseAll(String me) {
        webhooks.updateMany(eq("leaseOwner", me),
                            Updates.combine(Updates.set("leaseOwner", null), Updates.set("leaseUntil", null)));
    }

    // ------------------------------------------------------------------------------------------------ deliveries

    public void record(List<Delivery> attempts) {
        if (!attempts.isEmpty()) {
            deliveries.insertMany(attempts.stream().map(Delivery::toDocument).toList());
        }
    }

    /** The webhook's latest attempts, newest first. */
    public List<Delivery> deliveries(String webhookId, int limit) {
        List<Delivery> all = new ArrayList<>();
        deliveries.find(Filters.eq("webhookId", webhookId)).sort(Sorts.descending("_id")).limit(limit)
                  .forEach(d -> all.add(Delivery.of(d)));
        return all;
    }
}
