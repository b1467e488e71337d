package io.attain.standalone.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.query.integration.EventStreams;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static io.attain.standalone.integration.IntegratorApi.ADMIN;
import static io.attain.standalone.integration.IntegratorApi.all;
import static io.attain.standalone.integration.IntegratorApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/v1/events/stream}: resume, catch-up then live, heartbeat, slow clients (issue 11, ADR 0011). */
@IntegratorApiTest
class EventStreamIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    EventStreams streams;
    @LocalServerPort
    int port;

    private Flux<ServerSentEvent<String>> stream(String query, String lastEventId) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri("/api/v1/events/stream" + query)
                .accept(MediaType.TEXT_EVENT_STREAM).header("Authorization", "Bearer " + ADMIN);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.exchange().expectStatus().isOk().returnResult(SSE).getResponseBody();
    }

    private static List<Long> ids(List<ServerSentEvent<String>> events) {
        return events.stream().map(e -> Long.parseLong(e.id())).toList();
    }

    private List<Long> logPositions() {
        return all(web, ADMIN, 0, 1000, "").stream().map(e -> e.get("position").asLong()).toList();
    }

    @Test
    void resumingWithLastEventIdAtAHundredRandomPointsGivesExactlyTheRest() {
        long base = engine.safeHead();
        for (int i = 0; i < 40; i++) {
            IntegratorApi.append(engine, IntegratorApi.deal(unique("resume-deal"), i % 5));
        }
        List<Long> positions = logPositions().stream().filter(p -> p > base).toList();
        List<Long> starts = new ArrayList<>(List.of(base));
        starts.addAll(positions.subList(0, positions.size() - 1));
        Random random = new Random(11);
        for (int i = 0; i < 100; i++) {
            long from = starts.get(random.nextInt(starts.size()));
            List<Long> rest = positions.stream().filter(p -> p > from).toList();
            List<ServerSentEvent<String>> received = stream("?after=0", String.valueOf(from))
                    .filter(e -> e.id() != null).take(rest.size()).collectList().block(Duration.ofSeconds(30));
            assertThat(ids(received)).as("resumed after %d", from).isEqualTo(rest);
            ServerSentEvent<String> first = received.get(0);
            assertThat(first.event()).isNotBlank();
            JsonNode ce = json(first.data());
            assertThat(ce.get("type").asText()).isEqualTo(first.event());
            assertThat(ce.get("position").asLong()).isEqualTo(Long.parseLong(first.id()));
        }
    }

    @Test
    void catchUpThenLiveWithoutGapOrDuplicateAtTheSwitch() throws Exception {
        for (int i = 0; i < 5; i++) {
            IntegratorApi.append(engine, IntegratorApi.deal(unique("live-deal"), 3));
        }
        List<Long> before = logPositions();
        long from = before.get(before.size() - 12);
        CompletableFuture<List<ServerSentEvent<String>>> received = stream("?after=" + from, null)
                .filter(e -> e.id() != null).take(11 + 40).collectList().toFuture();
        // written while the stream catches up and after it went live
        for (int i = 0; i < 10; i++) {
            IntegratorApi.append(engine, IntegratorApi.deal(unique("live-deal"), 3));
        }
        List<ServerSentEvent<String>> events = received.get(60, java.util.concurrent.TimeUnit.SECONDS);
        List<Long> expected = logPositions().stream().filter(p -> p > from).limit(51).toList();
        assertThat(ids(events)).isEqualTo(expected).doesNotHaveDuplicates();
    }

    @Test
    void aKeepAliveCommentWhileNothingHappens() {
        long head = engine.safeHead();
        List<ServerSentEvent<String>> comments = stream("?after=" + head, null)
                .filter(e -> e.comment() != null).take(3).collectList().block(Duration.ofSeconds(10));
        assertThat(comments).hasSize(3).allSatisfy(c -> assertThat(c.comment()).isEqualTo("keep-alive"));
    }

    @Test
    void aClientThatDoesNotReadIsDisconnectedAndTheServerHoldsNoMoreThanItsBuffer() throws Exception {
        for (int i = 0; i < 300; i++) {
            List<EventMessage<?>> deal = IntegratorApi.deal(unique("slow-deal"), 9);
            IntegratorApi.append(engine, deal);
        }
        long droppedBefore = streams.droppedClients();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events/stream?after=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + ADMIN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the client reads nothing: its socket, the server's send buffer and its 50-event buffer fill up
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (streams.droppedClients() == droppedBefore && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // polls a counter; Awaitility hides the state
            }
            assertThat(streams.droppedClients()).as("sessions:\n%s", streams.describe()).isGreaterThan(droppedBefore);
            assertThat(streams.maxBufferedPerClient()).isLessThanOrEqualTo(50);

            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[65536];
            long read = 0;
            int n;
            while ((n = in.read(chunk)) >= 0) {     // the server closed the connection: the read ends
                read += n;
            }
            assertThat(read).isPositive();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.clients() == 0);
    }

    private static JsonNode json(String text) {
        try {
            return IntegratorApi.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
