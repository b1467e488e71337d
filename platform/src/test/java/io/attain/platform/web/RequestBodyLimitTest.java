package io.attain.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limit on a real server (Reactor Netty) with the JDK's HTTP client: a body over the limit, declared or
 * chunked, gets the 413 problem — never a reset connection — and a body of exactly the limit reaches the handler.
 */
@SpringBootTest(classes = RequestBodyLimitTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "attain.data-dir=target/body-limit-must-not-be-used")
class RequestBodyLimitTest {

    private static final int LIMIT = (int) RequestBodyLimit.DEFAULT_MAX_BODY_BYTES;
    private static final int FIVE_MB = 5 * 1024 * 1024;

    @SpringBootApplication(scanBasePackages = "io.attain.platform")
    static class App {

        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return token -> "admin-jwt".equals(token)
                    ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("ada")
                    .claim("roles", List.of("ADMIN"))
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build())
                    : Mono.error(new BadJwtException("bad"));
        }

        @RestController
        static class Echo {
            @PostMapping(path = "/echo", consumes = "application/json")
            Map<String, Object> echo(@RequestBody Map<String, Object> body) {
                return Map.of("fields", body.size());
            }
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aDeclaredFiveMegabyteBodyGets413ProblemAndNoReset() throws Exception {
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(json(FIVE_MB)));
        assertTooLarge(response);
    }

    @Test
    void aChunkedFiveMegabyteBodyGets413ProblemAndNoReset() throws Exception {
        HttpResponse<String> response = send(chunked(json(FIVE_MB)));
        assertTooLarge(response);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
        assertThat(send(HttpRequest.BodyPublishers.ofByteArray(json(LIMIT))).statusCode()).isEqualTo(200);
        assertThat(send(chunked(json(LIMIT))).statusCode()).isEqualTo(200);
        assertTooLarge(send(HttpRequest.BodyPublishers.ofByteArray(json(LIMIT + 1))));
        assertTooLarge(send(chunked(json(LIMIT + 1))));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"urn:attain:problem:payload-too-large\"")
                .contains("\"field\":\"body\"")
                .contains("must be at most " + LIMIT + " bytes");
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer admin-jwt")
                .POST(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A body of unknown length: the client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    /** A JSON object of exactly {@code size} bytes: {@code {"a":"xxx…"}}. */
    private static byte[] json(int size) {
        String prefix = "{\"a\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
    }
}
