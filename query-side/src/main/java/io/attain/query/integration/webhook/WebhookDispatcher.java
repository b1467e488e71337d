package io.attain.query.integration.webhook;

import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Updates.set;

/**
 * The delivery worker: for every active webhook whose next attempt is due, claims it with a lease
 * ({@link WebhookStore#claim}: one instance at a time, so each event goes to a webhook from one instance), reads the
 * log after the webhook's position ({@link WebhookSource}, never past the safe head), and POSTs each matching event's
 * CloudEvent, signed ({@link WebhookSigner}), one request at a time and in position order. A 2xx within the timeout
 * moves the position over the event; any other answer or none schedules a retry ({@code attain.webhooks.retry-delays},
 * the schedule and the attempt count stored on the webhook, so a restart continues it); after the last retry fails
 * the webhook is paused (its position stays before the failed event: re-enabling resumes there). {@code 410}
 * disables the webhook; {@code 429} waits for its {@code Retry-After}. Every write of the worker is conditional on
 * the webhook's version and the lease ({@link WebhookStore#advance}), so a registry change made meanwhile wins.
 *
 * <p>Stopping the worker ({@link #stop}) interrupts requests still in flight after 2 s: their events were not
 * acknowledged, so they are sent again (at least once; receivers deduplicate by position or {@code webhook-id}). An
 * instance that dies keeps its leases until they expire ({@code attain.webhooks.lease}); then another goes on from
 * the last acknowledged position.
 */
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final WebhookSource source;
    private final TargetGuard guard;
    private final SecretBox secrets;
    private final WebhookProperties properties;
    private final Clock clock;
    private final String me;
    private final HttpClient http;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger delivered = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean woken = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean running;
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService workers;

    public WebhookDispatcher(WebhookStore store, WebhookSource source, TargetGuard guard, SecretBox secrets,
                             WebhookProperties properties, Clock clock) {
        this.store = store;
        this.source = source;
        this.guard = guard;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
        this.me = "worker-" + UUID.randomUUID();
        this.http = HttpClient.newBuilder()
                              .version(HttpClient.Version.HTTP_1_1)
                              .connectTimeout(properties.getConnectTimeout())
                              .followRedirects(HttpClient.Redirect.NEVER)
                              .build();
    }

    /** This worker's lease owner name. */
    public String instance() {
        return me;
    }

    // --------------------------------------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, properties.getConcurrency()), r -> {
            Thread t = new Thread(r, "attain-webhook-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "attain-webhook-poll");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, properties.getPollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
        log.info("Webhook worker {} started", me);
    }

    /**
     * Stops polling, lets the requests in flight end for up to 2 s, then interrupts them (their events were not
     * acknowledged: they are sent again), and gives this worker's leases up so that another instance goes on at once.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("Webhook deliveries did not stop within 12 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.releaseAll(me);
        } catch (RuntimeException e) {
            log.warn("Webhook worker {} could not give its leases up ({}); they expire after {}", me, e.toString(),
                     properties.getLease());
        }
        inFlight.clear();
        log.info("Webhook worker {} stopped", me);
    }

    /** Started with the application unless {@code attain.webhooks.worker-enabled=false}. */
    @Override
    public boolean isAutoStartup() {
        return properties.isWorkerEnabled();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Successful deliveries since start (for monitoring and the benchmark). */
    public int delivered() {
        return delivered.get();
    }

    /**
     * Looks for due webhooks now rather than at the next poll (called after each append of this instance's engine;
     * quick, never blocks, coalesces calls).
     */
    public void wake() {
        ScheduledExecutorService current = scheduler;
        if (running && current != null && woken.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    woken.set(false);
                    poll();
                });
            } catch (RuntimeException stopping) {
                woken.set(false);
            }
        }
    }

    private void poll() {
        try {
            for (String id : store.due(clock.instant(), me)) {
                if (running && inFlight.add(id)) {
                    try {
                        workers.execute(() -> {
                            try {
                                serve(id);
                            } finally {
                                inFlight.remove(id);
                            }
                        });
                    } catch (RuntimeException rejected) {
                        inFlight.remove(id);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                log.warn("Webhook poll failed: {}", e.toString());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- delivery

    /** Claims the webhook and delivers what is due; gives the lease up when done. */
    void serve(String id) {
        Instant now = clock.instant();
        Optional<Webhook> claimed;
        try {
            claimed = store.claim(id, me, now, now.plus(properties.getLease()));
        } catch (RuntimeException e) {
            if (running) {
                log.warn("Webhook {}: claim failed: {}", id, e.toString());
            }
            return;
        }
        if (claimed.isEmpty()) {
            return;
        }
        try {
            deliverDue(claimed.get());
        } catch (RuntimeException e) {
            if (running) {
                log.warn("Webhook {}: delivery round failed: {}", id, e.toString());
            }
        } finally {
            boolean interrupted = Thread.interrupted(); // stopping: still give the lease up
            try {
                store.release(id, me);
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Webhook {}: could not give the lease up ({})", id, e.toString());
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Delivers slice after slice until nothing is due. Successes are written together (one conditional update of
     * the position, one insert of the attempts) at the end of a slice, before a failure is settled, and at least
     * every third of the lease (which renews it): a crash sends at most those events again.
     */
    private void deliverDue(Webhook webhook) {
        Webhook w = webhook;
        while (running && !Thread.currentThread().isInterrupted()) {
            if (w.status() != Webhook.Status.ACTIVE
                    || (w.nextAttemptAt() != null && w.nextAttemptAt().isAfter(clock.instant()))) {
                return;
            }
            WebhookSource.Slice slice = source.read(w.position(), Math.max(1, properties.getBatchSize()));
            if (slice.readUpTo() <= w.position()) {
                return;
            }
            List<Delivery> delivered = new ArrayList<>();
            long acknowledged = w.position();
            long flushEvery = Math.max(1, properties.getLease().toNanos() / 3);
            long lastFlush = System.nanoTime();
            for (WebhookSource.Event event : slice.events()) {
                if (!running) { // stopping: keep what was acknowledged, leave the rest
                    flush(w, delivered, acknowledged);
                    return;
                }
                if (event.position() <= acknowledged || !w.wants(event.type(), event.category())) {
                    continue;
                }
                int attempt = acknowledged > w.position() ? 1 : w.attempts() + 1;
                Attempt result = send(w, event);
                if (result == null) { // interrupted: this event was not acknowledged, it is sent again later
                    Thread.interrupted();
                    try {
                        flush(w, delivered, acknowledged);
                    } finally {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                if (result.succeeded()) {
                    delivered.add(result.record(w, event, attempt, Delivery.Outcome.DELIVERED, null));
                    this.delivered.incrementAndGet();
                    acknowledged = event.position();
                    if (System.nanoTime() - lastFlush > flushEvery) {
                        w = flush(w, delivered, acknowledged);
                        if (w == null) {
                            return;
                        }
                        lastFlush = System.nanoTime();
                    }
                    continue;
                }
                Webhook settled = flush(w, delivered, acknowledged);
                if (settled != null) {
                    failed(settled, event, attempt, result);
                }
                return;
            }
            w = flush(w, delivered, slice.readUpTo());
            if (w == null) {
                return;
            }
        }
    }

    /**
     * Records the attempts and moves the position to {@code position} (if it moved), conditional on the version and
     * the lease; the webhook after it, or {@code null} if a registry change or another instance came first.
     */
    private Webhook flush(Webhook w, List<Delivery> delivered, long position) {
        if (!delivered.isEmpty()) {
            store.record(delivered);
            delivered.clear();
        }
        if (position <= w.position()) {
            return w;
        }
        List<Bson> moved = List.of(set("position", position), set("attempts", 0), set("nextAttemptAt", null),
                                   renewLease());
        if (!store.advance(w.id(), w.version(), me, moved)) {
            return null;
        }
        return new Webhook(w.id(), w.owner(), w.categories(), w.url(), w.types(), w.description(), w.status(),
                           w.statusReason(), position, w.version(), w.secrets(), 0, null, w.createdAt(),
                           w.updatedAt(), w.leaseOwner(), w.leaseUntil());
    }

    /** What one request came to. */
    private record Attempt(Instant at, Integer status, String error, Duration retryAfter, long latencyMillis) {

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }

        String what() {
            return status != null ? "HTTP " + status : error;
        }

        Delivery record(Webhook w, WebhookSource.Event event, int attempt, Delivery.Outcome outcome, Instant next) {
            return new Delivery(w.id(), event.position(), event.id(), event.type(), attempt, at, outcome, status,
                                latencyMillis, error, next);
        }
    }

    /** Sends one event; {@code null} when the worker was stopped meanwhile. */
    private Attempt send(Webhook w, WebhookSource.Event event) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        Duration retryAfter = null;
        Optional<String> refused = guard.refusal(w.url());
        if (refused.isPresent()) {
            error = "target refused: " + refused.get();
        } else {
            try {
                HttpResponse<Void> response = http.send(request(w, event, at), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status == 429) {
                    retryAfter = response.headers().firstValue("Retry-After").flatMap(v -> retryAfter(v, at))
                                         .orElse(null);
                }
            } catch (HttpTimeoutException e) {
                error = "no answer within " + properties.getTimeout().toSeconds() + " s";
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return new Attempt(at, status, error, retryAfter, (System.nanoTime() - started) / 1_000_000);
    }

    /** Settles a failed attempt: 410 disables, the last retry pauses, else the next attempt is scheduled. */
    private void failed(Webhook w, WebhookSource.Event event, int attempt, Attempt result) {
        if (result.status() != null && result.status() == 410) {
            store.record(List.of(result.record(w, event, attempt, Delivery.Outcome.DISABLED, null)));
            store.advance(w.id(), w.version(), me, List.of(
                    set("status", Webhook.Status.DISABLED.name()),
                    set("statusReason", "the receiver answered 410 Gone to position " + event.position()),
                    set("attempts", 0), set("nextAttemptAt", null)));
            log.info("Webhook {} disabled: its receiver answered 410 Gone", w.id());
            return;
        }
        List<Duration> delays = properties.getRetryDelays();
        if (attempt > delays.size()) {
            store.record(List.of(result.record(w, event, attempt, Delivery.Outcome.PAUSED, null)));
            store.advance(w.id(), w.version(), me, List.of(
                    set("status", Webhook.Status.PAUSED.name()),
                    set("statusReason", "delivery of position " + event.position() + " failed " + attempt
                                        + " times (last: " + result.what() + "); re-enable to resume from it"),
                    set("attempts", attempt), set("nextAttemptAt", null)));
            log.info("Webhook {} paused after {} failed attempts at position {}", w.id(), attempt, event.position());
            return;
        }
        Duration delay = result.retryAfter() != null ? result.retryAfter() : delays.get(attempt - 1);
        Instant next = clock.instant().plus(delay);
        store.record(List.of(result.record(w, event, attempt, Delivery.Outcome.FAILED, next)));
        store.advance(w.id(), w.version(), me, List.of(set("attempts", attempt), set("nextAttemptAt", Date.from(next))));
    }

    private HttpRequest request(Webhook w, WebhookSource.Event event, Instant at) {
        long timestamp = at.getEpochSecond();
        List<String> keys = new ArrayList<>();
        for (Webhook.Secret secret : w.secrets()) {
            if (secret.inForce(at)) {
                keys.add(secrets.open(secret.value()));
            }
        }
        return HttpRequest.newBuilder(URI.create(w.url()))
                          .timeout(properties.getTimeout())
                          .header("Content-Type", "application/cloudevents+json")
                          .header("User-Agent", "Attain-Webhooks/1")
                          .header("webhook-id", event.id())
                          .header("webhook-timestamp", Long.toString(timestamp))
                          .header("webhook-signature",
                                  WebhookSigner.signatureHeader(keys, event.id(), timestamp, event.body()))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()))
                          .build();
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date, capped at {@code attain.webhooks.max-retry-after}. */
    Optional<Duration> retryAfter(String value, Instant now) {
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value.trim(),
                                                                 DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        Duration max = properties.getMaxRetryAfter();
        return Optional.of(wait.compareTo(max) > 0 ? max : wait);
    }

    private Bson renewLease() {
        return set("leaseUntil", Date.from(clock.instant().plus(properties.getLease())));
    }
}
