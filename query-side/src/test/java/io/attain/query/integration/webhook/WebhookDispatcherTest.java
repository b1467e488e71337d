package io.attain.query.integration.webhook;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;
import io.attain.eventstore.embedded.EmbeddedMongo;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery worker against a local receiver (JDK {@code HttpServer}) on the embedded MongoDB-wire server, with a
 * log held in memory: order, retries, pausing, 410, 429, replay racing a delivery, rotation, two workers, a worker
 * stopped mid-batch, and SSRF at delivery time.
 */
class WebhookDispatcherTest {

    private static final EmbeddedMongo SERVER = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(SERVER.connectionString());
    private static final AttainPrincipal ADMIN = new AttainPrincipal("admin", Set.of(AttainRole.ADMIN), null, null);
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

    private final MemorySource log = new MemorySource();
    private final List<WebhookDispatcher> workers = new ArrayList<>();
    private WebhookStore store;
    private WebhookProperties properties;
    private Receiver receiver;

    @BeforeEach
    void setUp() throws IOException {
        MongoDatabase database = CLIENT.getDatabase("webhooks-" + UUID.randomUUID().toString().substring(0, 8));
        store = new WebhookStore(database);
        properties = new WebhookProperties();
        properties.setAllowPrivateTargets(true);
        properties.setRetryDelays(List.of(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(200)));
        properties.setPollInterval(Duration.ofMillis(20));
        properties.setLease(Duration.ofSeconds(30));
        properties.setTimeout(Duration.ofSeconds(5));
        properties.setBatchSize(7);
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        workers.forEach(WebhookDispatcher::stop);
        receiver.close();
    }

    private WebhookRegistry registry() {
        return new WebhookRegistry(store, log, new TargetGuard(properties.isAllowPrivateTargets()), SecretBox.of(null),
                                   properties, Clock.systemUTC(), p -> null);
    }

    private WebhookDispatcher worker() {
        WebhookDispatcher worker = new WebhookDispatcher(store, log, new TargetGuard(properties.isAllowPrivateTargets()),
                                                         SecretBox.of(null), properties, Clock.systemUTC());
        workers.add(worker);
        worker.start();
        return worker;
    }

    private WebhookRegistry.Created register(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", receiver.url(), "from", 0));
        body.putAll(extra);
        return registry().register(ADMIN, body);
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEveryEventOnceInOrder() {
        log.append(25);
        Map<Long, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        // position 1 fails three times (the fourth and last attempt succeeds), position 11 twice
        receiver.answer(position -> {
            int n = attempts.computeIfAbsent(position, p -> new AtomicInteger()).incrementAndGet();
            return position == 1 && n <= 3 || position == 11 && n <= 2 ? 500 : 200;
        });
        String id = register(Map.of()).webhook().id();
        worker();

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acknowledged().size() == 25);
        assertThat(receiver.acknowledged()).containsExactlyElementsOf(positions(1, 25));
        assertThat(receiver.received()).isSorted();
        assertThat(store.find(id).orElseThrow().position()).isEqualTo(25);
        assertThat(store.deliveries(id, 1000)).anySatisfy(d -> {
            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.FAILED);
            assertThat(d.statusCode()).isEqualTo(500);
            assertThat(d.nextAttemptAt()).isAfter(d.at());
        });
    }

    @Test
    void afterTheLastRetryTheWebhookIsPausedAndResumesFromTheFailedEventWhenReEnabled() {
        log.append(5);
        receiver.answer(position -> position >= 3 ? 503 : 200);
        String id = register(Map.of()).webhook().id();
        worker();

        await().atMost(Duration.ofSeconds(10))
               .until(() -> store.find(id).orElseThrow().status() == Webhook.Status.PAUSED);
        Webhook paused = store.find(id).orElseThrow();
        assertThat(paused.position()).isEqualTo(2);
        assertThat(paused.attempts()).isEqualTo(4);
        assertThat(paused.statusReason()).contains("position 3");
        assertThat(receiver.received()).containsExactly(1L, 2L, 3L, 3L, 3L, 3L);

        receiver.answer(position -> 200);
        registry().patch(ADMIN, id, Map.of("status", "active"));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acknowledged().size() == 5);
        assertThat(receiver.acknowledged()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void gone410DisablesTheWebhook() {
        log.append(4);
        receiver.answer(position -> position == 2 ? 410 : 200);
        String id = register(Map.of()).webhook().id();
        worker();

        await().atMost(Duration.ofSeconds(10))
               .until(() -> store.find(id).orElseThrow().status() == Webhook.Status.DISABLED);
        assertThat(store.find(id).orElseThrow().position()).isEqualTo(1);
        assertThat(store.deliveries(id, 10).get(0).outcome()).isEqualTo(Delivery.Outcome.DISABLED);
        log.append(2);
        assertThat(store.due(Instant.now(), "anyone")).doesNotContain(id);
        assertThat(receiver.received()).containsExactly(1L, 2L);
    }

    @Test
    void tooManyRequests429WaitsForRetryAfter() {
        log.append(2);
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(position -> calls.incrementAndGet() == 1 ? 429 : 200);
        receiver.retryAfter("2");
        String id = register(Map.of()).webhook().id();
        worker();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acknowledged().size() == 2);
        List<Delivery> history = new ArrayList<>(store.deliveries(id, 10));
        Collections.reverse(history);
        Delivery limited = history.get(0);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Duration.between(limited.at(), limited.nextAttemptAt())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(Duration.between(limited.at(), history.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    /**
     * A replay made while a delivery is in flight must win: the worker's write after the receiver answers is
     * conditional on the version the replay bumped, so the position the replay set is not overwritten and the
     * events from the replay's position are delivered again.
     */
    @Test
    void aReplayDuringAnInFlightDeliveryIsNotOverwrittenByTheWorker() throws Exception {
        log.append(3);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger third = new AtomicInteger();
        receiver.answer(position -> {
            if (position == 3 && third.incrementAndGet() == 1) {
                blocked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 200;
        });
        String id = register(Map.of()).webhook().id();
        worker();

        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        registry().replay(ADMIN, id, Map.of("from", 1));
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acknowledged().size() == 6);
        assertThat(receiver.acknowledged()).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
        await().atMost(Duration.ofSeconds(5)).until(() -> store.find(id).orElseThrow().position() == 3);
    }

    @Test
    void duringARotationBothSecretsSignAndBothVerify() {
        log.append(1);
        WebhookRegistry.Created created = register(Map.of());
        WebhookRegistry.Rotated rotated = registry().rotate(ADMIN, created.webhook().id(), Map.of());
        worker();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acknowledged().size() == 1);
        Receiver.Request request = receiver.requests().get(0);
        assertThat(request.signature().split(" ")).hasSize(2);
        assertThat(WebhookSigner.verify(created.secret(), request.id(), request.timestamp(), request.body(),
                                        request.signature())).isTrue();
        assertThat(WebhookSigner.verify(rotated.secret(), request.id(), request.timestamp(), request.body(),
                                        request.signature())).isTrue();
        assertThat(request.id()).isEqualTo("event-1");
        assertThat(rotated.previousExpiresAt()).isAfter(Instant.now());
    }

    @Test
    void typePrefixesFilterAndThePositionMovesOverWhatIsNotWanted() {
        log.append(10); // odd positions io.attain.deal.*, even io.attain.activity.*
        String id = register(Map.of("types", List.of("io.attain.deal."))).webhook().id();
        worker();

        await().atMost(Duration.ofSeconds(10)).until(() -> store.find(id).orElseThrow().position() == 10);
        assertThat(receiver.acknowledged()).containsExactly(1L, 3L, 5L, 7L, 9L);
    }

    @Test
    void twoWorkersDeliverEachEventOncePerWebhook() {
        log.append(40);
        receiver.answer(position -> 200);
        String a = register(Map.of()).webhook().id();
        worker();
        worker();

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acknowledged().size() >= 40
                                                         && store.find(a).orElseThrow().position() == 40);
        assertThat(receiver.acknowledged()).containsExactlyElementsOf(positions(1, 40));
    }

    @Test
    void aWorkerStoppedMidBatchLosesNothing() {
        log.append(30);
        receiver.answer(position -> {
            sleepQuietly(30);
            return 200;
        });
        String id = register(Map.of()).webhook().id();
        WebhookDispatcher first = worker();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 8);
        first.stop();
        long stoppedAt = store.find(id).orElseThrow().position();
        assertThat(stoppedAt).isLessThan(30);
        worker();

        await().atMost(Duration.ofSeconds(20)).until(() -> store.find(id).orElseThrow().position() == 30);
        List<Long> acknowledged = receiver.acknowledged();
        assertThat(acknowledged.stream().distinct().toList()).containsExactlyElementsOf(positions(1, 30));
        assertThat(acknowledged.size() - 30).as("redelivered after the stop").isLessThanOrEqualTo(1);
    }

    @Test
    void theLeaseOfAWorkerThatDiedExpiresAndAnotherGoesOnFromTheLastAcknowledgedPosition() {
        log.append(3);
        String id = register(Map.of()).webhook().id();
        Instant now = Instant.now();
        assertThat(store.claim(id, "worker-that-died", now, now.plusSeconds(2))).isPresent();
        worker();

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acknowledged().size() == 3);
        assertThat(receiver.acknowledged()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aPrivateTargetIsRefusedAtDeliveryUnlessAllowed() {
        log.append(1);
        String id = register(Map.of()).webhook().id();
        properties.setAllowPrivateTargets(false);
        worker();

        await().atMost(Duration.ofSeconds(10)).until(() -> !store.deliveries(id, 10).isEmpty());
        Delivery refused = store.deliveries(id, 10).get(0);
        assertThat(refused.error()).contains("target refused").contains("loopback");
        assertThat(refused.statusCode()).isNull();
        assertThat(receiver.received()).isEmpty();
    }

    private static List<Long> positions(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis); // the receiver's own processing time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The log: positions 1, 2, …; odd ones deal events, even ones activity events. */
    static final class MemorySource implements WebhookSource {
        private final List<Event> events = new CopyOnWriteArrayList<>();

        void append(int count) {
            for (int i = 0; i < count; i++) {
                long p = events.size() + 1;
                String type = p % 2 == 1 ? "io.attain.deal.opened.v1" : "io.attain.activity.visit-logged.v1";
                String body = "{\"specversion\":\"1.0\",\"id\":\"event-" + p + "\",\"type\":\"" + type
                              + "\",\"position\":" + p + "}";
                events.add(new Event(p, "event-" + p, type, p % 2 == 1 ? "deals" : "activities",
                                     body.getBytes(StandardCharsets.UTF_8)));
            }
        }

        @Override
        public Slice read(long after, int maxPositions) {
            long head = head();
            long to = Math.min(head, after + maxPositions);
            List<Event> slice = events.stream().filter(e -> e.position() > after && e.position() <= to).toList();
            return new Slice(slice, Math.max(after, to));
        }

        @Override
        public long head() {
            return events.size();
        }
    }

    /** A webhook receiver: answers each request with the status its behaviour gives for the event's position. */
    static final class Receiver implements AutoCloseable {
        record Request(String id, long timestamp, String signature, byte[] body, long position) {
        }

        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
        private volatile Function<Long, Integer> behaviour = position -> 200;
        private volatile String retryAfter;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Matcher m = POSITION.matcher(new String(body, StandardCharsets.UTF_8));
                long position = m.find() ? Long.parseLong(m.group(1)) : -1;
                requests.add(new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
                                         Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                                         exchange.getRequestHeaders().getFirst("webhook-signature"), body, position));
                int status = behaviour.apply(position);
                if (status == 429 && retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                if (status >= 200 && status < 300) {
                    acknowledged.add(position);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void answer(Function<Long, Integer> behaviour) {
            this.behaviour = behaviour;
        }

        void retryAfter(String value) {
            this.retryAfter = value;
        }

        List<Request> requests() {
            return requests;
        }

        List<Long> received() {
            return requests.stream().map(Request::position).toList();
        }

        List<Long> acknowledged() {
            return List.copyOf(acknowledged);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
