package io.attain.query.integration.webhook;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Updates.set;

/**
 * The webhook registry behind {@code /api/v1/webhooks} (blocking: call it off the event loop). Validates every
 * request completely before it reads or writes anything (problem+json naming each field at fault, nothing stored);
 * ADMIN manages every webhook, an INTEGRATOR only its own (another's is answered 404, as a missing one). Every
 * change bumps the webhook's version ({@link WebhookStore#change}).
 */
public class WebhookRegistry {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_TYPES = 50;
    private static final Pattern TYPE_PREFIX = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");
    private static final Set<String> CREATE_FIELDS = Set.of("url", "types", "from", "description");
    private static final Set<String> PATCH_FIELDS = Set.of("url", "types", "description", "status");

    private final WebhookStore store;
    private final WebhookSource source;
    private final TargetGuard guard;
    private final SecretBox box;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Function<AttainPrincipal, List<String>> categories;

    /**
     * @param categories the event categories a principal may receive ({@code null}: all of them)
     */
    public WebhookRegistry(WebhookStore store, WebhookSource source, TargetGuard guard, SecretBox box,
                           WebhookProperties properties, Clock clock,
                           Function<AttainPrincipal, List<String>> categories) {
        this.store = store;
        this.source = source;
        this.guard = guard;
        this.box = box;
        this.properties = properties;
        this.clock = clock;
        this.categories = categories;
    }

    /** A new webhook and its secret (returned here only). */
    public record Created(Webhook webhook, String secret) {
    }

    public Created register(AttainPrincipal principal, Map<String, Object> body) {
        List<Violation> errors = new ArrayList<>();
        unknownFields(body, CREATE_FIELDS, errors);
        String url = url(body, true, errors);
        List<String> types = types(body, errors);
        String description = description(body, errors);
        Long from = position(body, "from", true, errors);
        refuseIfAny(errors);

        Instant now = clock.instant();
        long position = from == null ? source.head() : Math.max(0, from - 1);
        String secret = WebhookSigner.newSecret();
        Webhook webhook = new Webhook("wh_" + UUID.randomUUID().toString().replace("-", ""), owner(principal),
                                      categories.apply(principal), url, types, description, Webhook.Status.ACTIVE,
                                      null, position, 0, List.of(new Webhook.Secret(box.seal(secret), now, null)), 0,
                                      null, now, now, null, null);
        store.insert(webhook);
        return new Created(webhook, secret);
    }

    public List<Webhook> list(AttainPrincipal principal) {
        return store.list(admin(principal) ? null : owner(principal));
    }

    public Webhook get(AttainPrincipal principal, String id) {
        return store.find(id).filter(w -> mayManage(principal, w)).orElseThrow(() -> notFound(id));
    }

    public Webhook patch(AttainPrincipal principal, String id, Map<String, Object> body) {
        List<Violation> errors = new ArrayList<>();
        unknownFields(body, PATCH_FIELDS, errors);
        if (body.isEmpty()) {
            errors.add(new Violation("body", "must change at least one of " + String.join(", ", PATCH_FIELDS)));
        }
        List<Bson> updates = new ArrayList<>();
        if (body.containsKey("url")) {
            updates.add(set("url", url(body, true, errors)));
        }
        if (body.containsKey("types")) {
            updates.add(set("types", types(body, errors)));
        }
        if (body.containsKey("description")) {
            updates.add(set("description", description(body, errors)));
        }
        if (body.containsKey("status")) {
            Object status = body.get("status");
            String name = status instanceof String s ? s.trim().toUpperCase(Locale.ROOT) : "";
            if (name.equals("ACTIVE")) {
                updates.add(set("status", Webhook.Status.ACTIVE.name()));
                updates.add(set("statusReason", null));
                updates.add(set("attempts", 0));
                updates.add(set("nextAttemptAt", null));
            } else if (name.equals("PAUSED")) {
                updates.add(set("status", Webhook.Status.PAUSED.name()));
                updates.add(set("statusReason", "paused by " + principal.id()));
            } else {
                errors.add(new Violation("status", "must be ACTIVE or PAUSED"));
            }
        }
        refuseIfAny(errors);
        get(principal, id);
        return store.change(id, clock.instant(), updates).orElseThrow(() -> notFound(id));
    }

    public void delete(AttainPrincipal principal, String id) {
        get(principal, id);
        store.delete(id);
    }

    public List<Delivery> deliveries(AttainPrincipal principal, String id, int limit) {
        get(principal, id);
        return store.deliveries(id, limit);
    }

    /** Delivers again from the position {@code from} (inclusive); re-activates the webhook. */
    public Webhook replay(AttainPrincipal principal, String id, Map<String, Object> body) {
        List<Violation> errors = new ArrayList<>();
        unknownFields(body, Set.of("from"), errors);
        Long from = position(body, "from", false, errors);
        if (!body.containsKey("from")) {
            errors.add(new Violation("from", "is required"));
        }
        refuseIfAny(errors);
        get(principal, id);
        long position = from == null ? source.head() : Math.max(0, from - 1);
        return store.change(id, clock.instant(), List.of(
                set("position", position), set("status", Webhook.Status.ACTIVE.name()), set("statusReason", null),
                set("attempts", 0), set("nextAttemptAt", null))).orElseThrow(() -> notFound(id));
    }

    /** A rotation: the new secret (returned here only) and the former ones, which keep signing until the overlap ends. */
    public record Rotated(Webhook webhook, String secret, Instant previousExpiresAt) {
    }

    public Rotated rotate(AttainPrincipal principal, String id, Map<String, Object> body) {
        List<Violation> errors = new ArrayList<>();
        unknownFields(body, Set.of(), errors);
        refuseIfAny(errors);
        Webhook current = get(principal, id);
        Instant now = clock.instant();
        Instant until = now.plus(properties.getRotationOverlap());
        List<org.bson.Document> kept = new ArrayList<>();
        for (Webhook.Secret s : current.secrets()) {
            if (s.inForce(now)) {
                Instant expires = s.expiresAt() == null || s.expiresAt().isAfter(until) ? until : s.expiresAt();
                kept.add(new Webhook.Secret(s.value(), s.createdAt(), expires).toDocument());
            }
        }
        String secret = WebhookSigner.newSecret();
        kept.add(new Webhook.Secret(box.seal(secret), now, null).toDocument());
        Webhook rotated = store.change(id, now, List.of(set("secrets", kept))).orElseThrow(() -> notFound(id));
        return new Rotated(rotated, secret, until);
    }

    // ------------------------------------------------------------------------------------------------- rules

    public static boolean admin(AttainPrincipal principal) {
        return principal == null || principal.hasRole(AttainRole.ADMIN);
    }

    private static String owner(AttainPrincipal principal) {
        return principal == null ? "system" : principal.id();
    }

    private static boolean mayManage(AttainPrincipal principal, Webhook webhook) {
        return admin(principal) || owner(principal).equals(webhook.owner());
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "no webhook " + id,
                                    List.of(new Violation("id", "no such webhook")));
    }

    private static void refuseIfAny(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the webhook request is invalid", errors);
        }
    }

    private static void unknownFields(Map<String, Object> body, Set<String> known, List<Violation> errors) {
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                errors.add(new Violation(field, "is not a field of this request"));
            }
        }
    }

    private String url(Map<String, Object> body, boolean required, List<Violation> errors) {
        Object value = body.get("url");
        if (value == null) {
            if (required) {
                errors.add(new Violation("url", "is required"));
            }
            return null;
        }
        if (!(value instanceof String url) || url.isBlank()) {
            errors.add(new Violation("url", "must be an absolute http or https URL"));
            return null;
        }
        if (url.length() > MAX_URL) {
            errors.add(new Violation("url", "must be at most " + MAX_URL + " characters"));
            return null;
        }
        guard.refusal(url.trim()).ifPresent(reason -> errors.add(new Violation("url", reason)));
        return url.trim();
    }

    private static List<String> types(Map<String, Object> body, List<Violation> errors) {
        Object value = body.get("types");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            errors.add(new Violation("types", "must be an array of event type prefixes"));
            return List.of();
        }
        if (list.size() > MAX_TYPES) {
            errors.add(new Violation("types", "must have at most " + MAX_TYPES + " entries"));
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s && TYPE_PREFIX.matcher(s).matches()) {
                types.add(s);
            } else {
                errors.add(new Violation("types[" + i + "]",
                                         "must be an event type prefix (letters, digits, '.', '_', '-')"));
            }
        }
        return types;
    }

    private static String description(Map<String, Object> body, List<Violation> errors) {
        Object value = body.get("description");
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new Violation("description", "must be a string"));
            return null;
        }
        if (s.length() > MAX_DESCRIPTION) {
            errors.add(new Violation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return s;
    }

    /** {@code "now"} (null), or an integer position ≥ 0. */
    private static Long position(Map<String, Object> body, String field, boolean nowAllowed, List<Violation> errors) {
        Object value = body.get(field);
        String rule = nowAllowed ? "must be \"now\" or a position (an integer ≥ 0)" : "must be a position (an integer ≥ 0)";
        if (value == null) {
            if (body.containsKey(field)) {
                errors.add(new Violation(field, rule));
            }
            return null;
        }
        if (value instanceof String s && nowAllowed && s.equals("now")) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            long p;
            try {
                p = value instanceof java.math.BigInteger b ? b.longValueExact() : ((Number) value).longValue();
            } catch (ArithmeticException e) {
                errors.add(new Violation(field, rule));
                return null;
            }
            if (p >= 0) {
                return p;
            }
        }
        errors.add(new Violation(field, rule));
        return null;
    }

    /** The webhook as the API shows it: never a secret. */
    public static Map<String, Object> view(Webhook w) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", w.id());
        view.put("url", w.url());
        view.put("types", w.types());
        view.put("description", w.description());
        view.put("status", w.status().name());
        view.put("statusReason", w.statusReason());
        view.put("position", w.position());
        view.put("attempts", w.attempts());
        view.put("nextAttemptAt", w.nextAttemptAt() == null ? null : w.nextAttemptAt().toString());
        view.put("categories", w.categories());
        view.put("owner", w.owner());
        view.put("version", w.version());
        view.put("createdAt", w.createdAt().toString());
        view.put("updatedAt", w.updatedAt().toString());
        List<Map<String, Object>> secrets = new ArrayList<>();
        for (Webhook.Secret s : w.secrets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("createdAt", s.createdAt().toString());
            m.put("expiresAt", s.expiresAt() == null ? null : s.expiresAt().toString());
            secrets.add(m);
        }
        view.put("secrets", secrets);
        return view;
    }

    public static Map<String, Object> view(Delivery d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("position", d.position());
        view.put("eventId", d.eventId());
        view.put("type", d.type());
        view.put("attempt", d.attempt());
        view.put("at", d.at().toString());
        view.put("outcome", d.outcome().name());
        view.put("statusCode", d.statusCode());
        view.put("latencyMillis", d.latencyMillis());
        view.put("error", d.error());
        view.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
        return view;
    }

    static Optional<Date> date(Instant instant) {
        return Optional.ofNullable(instant).map(Date::from);
    }
}
