package io.attain.query.integration.webhook;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;

/**
 * One delivery attempt, as stored in {@code webhook_deliveries}.
 *
 * @param webhookId     the webhook
 * @param position      the event's global position
 * @param eventId       the event's id (the {@code webhook-id} header)
 * @param type          the event's type
 * @param attempt       1 for the first attempt of this event, 2 for the first retry, …
 * @param at            when the request was sent
 * @param outcome       DELIVERED (2xx), FAILED (will be retried), PAUSED (the last retry failed), DISABLED (410)
 * @param statusCode    the receiver's status code, or {@code null} if none came (timeout, refused, …)
 * @param latencyMillis from sending the request to the answer (or the failure)
 * @param error         what went wrong without a status code, or {@code null}
 * @param nextAttemptAt when the next attempt is due after a failure, or {@code null}
 */
public record Delivery(String webhookId, long position, String eventId, String type, int attempt, Instant at,
                       Outcome outcome, Integer statusCode, long latencyMillis, String error,
                       Instant nextAttemptAt) {

    public enum Outcome { DELIVERED, FAILED, PAUSED, DISABLED }

    public Document toDocument() {
        return new Document("_id", new ObjectId()).append("webhookId", webhookId).append("position", position)
                .append("eventId", eventId).append("type", type).append("attempt", attempt)
                .append("at", Webhook.date(at)).append("outcome", outcome.name()).append("statusCode", statusCode)
                .append("latencyMillis", latencyMillis).append("error", error)
                .append("nextAttemptAt", Webhook.date(nextAttemptAt));
    }

    public static Delivery of(Document d) {
        return new Delivery(d.getString("webhookId"), Webhook.number(d.get("position")), d.getString("eventId"),
                            d.getString("type"), (int) Webhook.number(d.get("attempt")),
                            Webhook.instant(d.getDate("at")), Outcome.valueOf(d.getString("outcome")),
                            d.get("statusCode") instanceof Number n ? n.intValue() : null,
                            Webhook.number(d.get("latencyMillis")), d.getString("error"),
                            Webhook.instant(d.getDate("nextAttemptAt")));
    }
}
