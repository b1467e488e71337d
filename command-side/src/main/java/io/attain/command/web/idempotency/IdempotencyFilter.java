package io.attain.command.web.idempotency;

import io.attain.command.web.CommandApiRules;
import io.attain.command.web.CommandScheduler;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.ProblemWriter;
import io.attain.platform.problem.Problems;
import io.attain.platform.problem.Violation;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code Idempotency-Key} on the POST and PUT requests of the command API ({@link CommandApiRules#PATHS}).
 *
 * <ul>
 *     <li>First request with a key: runs; if it succeeds (2xx), its status, {@code Location} and body are
 *     stored before the answer is sent.</li>
 *     <li>Same key, same request (method, path, principal, canonical body): the stored answer again, marked
 *     {@code Idempotent-Replayed: true}; nothing is sent to the command side, nothing appended.</li>
 *     <li>Same key, different request: 422 "Idempotency-Key reused with a different request".</li>
 *     <li>Same key while the first request still runs: 409 "request in progress".</li>
 * </ul>
 * Keys are per principal. A failed request frees its key. Runs after authentication (the security
 * chain's order is -100), so unauthenticated requests never reach the store.
 */
@Component
@Order(0)
public class IdempotencyFilter implements WebFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    /** Like the codecs' default limit: command bodies are small. */
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final List<PathPattern> COMMAND_PATHS = CommandApiRules.PATHS.stream()
            .map(PathPatternParser.defaultInstance::parse).toList();

    private final IdempotencyStore store;

    public IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key == null || !applies(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!isValid(key)) {
            return ProblemWriter.write(exchange, Problems.detail(ProblemType.MALFORMED_REQUEST,
                    "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters",
                    List.of(new Violation(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters"))));
        }
        return principal()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> principal.isEmpty()
                        ? chain.filter(exchange)
                        : withKey(exchange, chain, principal.get(), key));
    }

    private Mono<Void> withKey(ServerWebExchange exchange, WebFilterChain chain, String principal, String key) {
        ServerHttpRequest request = exchange.getRequest();
        String pathAndQuery = request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(IdempotencyFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    String fingerprint = RequestFingerprint.of(request.getMethod().name(), pathAndQuery, principal, body);
                    return blocking(() -> store.claim(principal, key, fingerprint))
                            .flatMap(claim -> answer(claim, exchange, chain, principal, key, body));
                })
                .onErrorResume(DataBufferLimitException.class, tooLarge -> ProblemWriter.write(exchange,
                        Problems.detail(ProblemType.PAYLOAD_TOO_LARGE,
                                "The request body exceeds " + MAX_BODY_BYTES + " bytes", List.of())));
    }

    private Mono<Void> answer(IdempotencyStore.Claim claim, ServerWebExchange exchange, WebFilterChain chain,
                              String principal, String key, byte[] body) {
        if (claim instanceof IdempotencyStore.Claim.Mismatch) {
            return ProblemWriter.write(exchange, Problems.detail(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request",
                    List.of(new Violation(HEADER, "was used for a different request"))));
        }
        if (claim instanceof IdempotencyStore.Claim.InProgress) {
            return ProblemWriter.write(exchange, Problems.detail(ProblemType.REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still in progress; repeat it later for its answer",
                    List.of(new Violation(HEADER, "request in progress"))));
        }
        if (claim instanceof IdempotencyStore.Claim.Completed completed) {
            return replay(exchange, completed);
        }
        return proceed(exchange, chain, principal, key, body);
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String principal, String key,
                               byte[] body) {
        AtomicBoolean settled = new AtomicBoolean();
        Mono<Void> release = Mono.defer(() -> settled.compareAndSet(false, true)
                ? blocking(() -> {
                    store.release(principal, key);
                    return true;
                }).then().onErrorResume(e -> {
                    log.error("Could not free Idempotency-Key {} of {}; it stays in progress", key, principal, e);
                    return Mono.empty();
                })
                : Mono.empty());

        ServerHttpRequest replayableRequest = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        ServerHttpResponse recordingResponse = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> answer) {
                HttpStatusCode status = getStatusCode();
                if (status == null || !status.is2xxSuccessful()) {
                    return release.then(super.writeWith(answer));
                }
                return DataBufferUtils.join(Flux.from(answer)).map(IdempotencyFilter::bytes).defaultIfEmpty(new byte[0])
                        .flatMap(bytes -> {
                            if (!settled.compareAndSet(false, true)) {
                                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                            }
                            MediaType type = getHeaders().getContentType();
                            String location = getHeaders().getFirst(HttpHeaders.LOCATION);
                            return blocking(() -> {
                                store.complete(principal, key, status.value(), type == null ? null : type.toString(),
                                        location, bytes);
                                return true;
                            }).then().onErrorResume(e -> {
                                // The command succeeded: answer it anyway; the key stays "in progress".
                                log.error("Could not store the answer for Idempotency-Key {} of {}", key, principal, e);
                                return Mono.empty();
                            }).then(super.writeWith(Mono.just(bufferFactory().wrap(bytes))));
                        });
            }
        };
        return chain.filter(exchange.mutate().request(replayableRequest).response(recordingResponse).build())
                .onErrorResume(error -> release.then(Mono.error(error)))
                .then(release);
    }

    private static Mono<Void> replay(ServerWebExchange exchange, IdempotencyStore.Claim.Completed completed) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(completed.status()));
        if (completed.contentType() != null) {
            response.getHeaders().setContentType(MediaType.parseMediaType(completed.contentType()));
        }
        if (completed.location() != null) {
            response.getHeaders().set(HttpHeaders.LOCATION, completed.location());
        }
        response.getHeaders().set(REPLAYED, "true");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(completed.body())));
    }

    private static boolean applies(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return (HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method))
                && COMMAND_PATHS.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
    }

    static boolean isValid(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static Mono<String> principal() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getName);
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(CommandScheduler.commands());
    }
}
