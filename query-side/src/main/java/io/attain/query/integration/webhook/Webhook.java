package io.attain.query.integration.webhook;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A webhook as stored in {@code webhooks} (one document each).
 *
 * @param id            the webhook's id ({@code wh_…})
 * @param owner         the principal id that registered it (an INTEGRATOR manages only its own)
 * @param categories    the event categories its owner was granted at registration ({@code null}: all)
 * @param url           the target (checked against {@link TargetGuard})
 * @param types         type prefixes of the events it receives (empty: every type its categories allow)
 * @param description   free text
 * @param status        ACTIVE (delivering), PAUSED (by its owner or after the last retry failed), DISABLED (the
 *                      receiver answered 410)
 * @param statusReason  why it is paused or disabled, or {@code null}
 * @param position      the last position handled: the next delivery is the first matching event after it
 * @param version       bumped by every registry change (PATCH, replay, rotation); the worker's writes are
 *                      conditional on the version it read, so a registry change is never overwritten
 * @param secrets       the signing secrets in force (during a rotation's overlap two)
 * @param attempts      failed attempts of the event after {@code position} (0 when it has not failed)
 * @param nextAttemptAt when the next attempt is due ({@code null}: now)
 * @param leaseOwner    the worker instance holding the webhook, or {@code null}
 * @param leaseUntil    until when it holds it
 */
public record Webhook(String id, String owner, List<String> categories, String url, List<String> types,
                      String description, Status status, String statusReason, long position, long version,
                      List<Secret> secrets, int attempts, Instant nextAttemptAt, Instant createdAt,
                      Instant updatedAt, String leaseOwner, Instant leaseUntil) {

    public enum Status { ACTIVE, PAUSED, DISABLED }

    /** A signing secret ({@code value} as stored: sealed by {@link SecretBox}), in force until {@code expiresAt}. */
    public record Secret(String value, Instant createdAt, Instant expiresAt) {

        Document toDocument() {
            return new Document("value", value).append("createdAt", date(createdAt))
                                               .append("expiresAt", date(expiresAt));
        }

        static Secret of(Document d) {
            return new Secret(d.getString("value"), instant(d.getDate("createdAt")), instant(d.getDate("expiresAt")));
        }

        public boolean inForce(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }
    }

    public Webhook {
        types = types == null ? List.of() : List.copyOf(types);
        categories = categories == null ? null : List.copyOf(categories);
        secrets = List.copyOf(secrets);
    }

    /** Whether an event of the type and category goes to this webhook. */
    public boolean wants(String type, String category) {
        if (categories != null && (category == null || !categories.contains(category))) {
            return false;
        }
        return types.isEmpty() || types.stream().anyMatch(type::startsWith);
    }

    public Document toDocument() {
        List<Document> secretDocs = new ArrayList<>();
        secrets.forEach(s -> secretDocs.add(s.toDocument()));
        return new Document("_id", id).append("owner", owner).append("categories", categories).append("url", url)
                .append("types", types).append("description", description).append("status", status.name())
                .append("statusReason", statusReason).append("position", position).append("version", version)
                .append("secrets", secretDocs).append("attempts", attempts)
                .append("nextAttemptAt", date(nextAttemptAt)).append("createdAt", date(createdAt))
                .append("updatedAt", date(updatedAt)).append("leaseOwner", leaseOwner)
                .append("leaseUntil", date(leaseUntil));
    }

    public static Webhook of(Document d) {
        List<Secret> secrets = new ArrayList<>();
        for (Document s : d.getList("secrets", Document.class, List.of())) {
            secrets.add(Secret.of(s));
        }
        return new Webhook(d.getString("_id"), d.getString("owner"), d.getList("categories", String.class),
                           d.getString("url"), d.getList("types", String.class, List.of()),
                           d.getString("description"), Status.valueOf(d.getString("status")),
                           d.getString("statusReason"), number(d.get("position")), number(d.get("version")),
                           secrets, (int) number(d.get("attempts")), instant(d.getDate("nextAttemptAt")),
                           instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")),
                           d.getString("leaseOwner"), instant(d.getDate("leaseUntil")));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
