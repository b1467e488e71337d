package io.attain.standalone.http;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections stay open between requests, whatever the answer: 1,000 requests on one kept-alive connection —
 * creations, refusals by the security chain before the body is read, malformed and invalid bodies, unknown paths,
 * unsupported media types — each answered within 10 s and none closing the connection. (Reactor Netty 1.3.6 could
 * stop reading such a connection after a response that went out before its request's body was read; every response
 * used to close its connection to avoid it.)
 */
@HttpApiTest
class KeepAliveIntegrationTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    void aThousandRequestsOfEveryKindOnOneConnection() throws IOException {
        Map<Integer, Integer> answered = new LinkedHashMap<>();
        try (RawHttpConnection connection = new RawHttpConnection(port, ANSWER_WITHIN)) {
            for (int i = 0; i < 1_000; i++) {
                Request request = request(i);
                RawHttpConnection.Response response;
                try {
                    response = connection.exchange(request.method(), request.path(), request.headers(), request.body());
                } catch (IOException e) {
                    throw new AssertionError("request " + i + " (" + request.method() + " " + request.path()
                            + ", expecting " + request.expectedStatus() + ") got no answer: " + e, e);
                }

                assertThat(response.status()).as("request %d: %s %s", i, request.method(), request.path())
                        .isEqualTo(request.expectedStatus());
                assertThat(response.header("connection")).as("request %d keeps the connection", i)
                        .isNotEqualToIgnoringCase("close");
                answered.merge(response.status(), 1, Integer::sum);
            }
        }
        assertThat(answered).containsOnlyKeys(200, 201, 400, 401, 403, 404, 415, 422);
    }

    @Test
    void aRefusalBeforeTheBodyArrivedLeavesTheConnectionUsable() throws IOException {
        try (RawHttpConnection connection = new RawHttpConnection(port, ANSWER_WITHIN)) {
            for (int i = 0; i < 20; i++) {
                // the head first: the security chain refuses before the body is on the wire
                String body = region("late-body-" + i);
                connection.sendHead("POST", "/api/v1/regions", json(), body.length());
                RawHttpConnection.Response refused = connection.read();
                assertThat(refused.status()).isEqualTo(401);
                if ("close".equalsIgnoreCase(refused.header("connection"))) {
                    // closing is a correct answer to an unread body; then the server must really close
                    assertThat(connection.closedByServer()).isTrue();
                    return;
                }
                connection.sendBody(body);
                RawHttpConnection.Response next = connection.exchange("GET", "/actuator/health", Map.of(), null);
                assertThat(next.status()).as("the request after the refusal, round %d", i).isEqualTo(200);
            }
        }
    }

    private record Request(String method, String path, Map<String, String> headers, String body, int expectedStatus) {
    }

    private static Request request(int i) {
        String id = "keep-alive-" + UUID.randomUUID();
        return switch (i % 8) {
            case 0 -> new Request("POST", "/api/v1/regions", admin(json()), region(id), 201);
            case 1 -> new Request("POST", "/api/v1/regions", json(), region(id), 401);
            case 2 -> new Request("POST", "/api/v1/regions", admin(json()), "{\"regionId\": ", 400);
            case 3 -> new Request("POST", "/api/v1/regions", admin(json()), "{\"regionId\":\"" + id + "\"}", 422);
            case 4 -> new Request("GET", "/api/v1/no-such-resource", admin(Map.of()), null, 404);
            case 5 -> new Request("GET", "/actuator/health", Map.of(), null, 200);
            case 6 -> new Request("POST", "/api/v1/regions", admin(Map.of("Content-Type", "text/plain")),
                    region(id), 415);
            default -> new Request("POST", "/api/v1/regions",
                    with(json(), "Authorization", "Bearer " + Tokens.REP_ANNA), region(id), 403);
        };
    }

    private static String region(String id) {
        return "{\"regionId\":\"" + id + "\",\"name\":\"Keep-alive region\",\"managerId\":\"m\"}";
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private static Map<String, String> admin(Map<String, String> headers) {
        return with(headers, "Authorization", "Bearer " + Tokens.ADMIN);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
