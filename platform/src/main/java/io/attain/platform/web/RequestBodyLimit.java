package io.attain.platform.web;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.ProblemWriter;
import io.attain.platform.problem.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limit of a request body: {@code attain.http.max-body-bytes} (default {@value #DEFAULT_MAX_BODY_BYTES} bytes,
 * 256 KiB), answered with {@code 413} {@code application/problem+json} naming {@code body} before anything parses
 * the body.
 * <ul>
 *     <li>A declared {@code Content-Length} over the limit is answered without calling the handler (nor the security
 *     chain) at all.</li>
 *     <li>A body without a length ({@code Transfer-Encoding: chunked}) is counted as it streams: the handler sees at
 *     most the limit's bytes, and the request fails with the 413 once the body ends.</li>
 * </ul>
 * In both cases the rest of the body is read and discarded first, up to {@value #DRAIN_FACTOR} times the limit
 * (8 MiB by default), so that the client reads the 413: a server that closes a connection with unread bytes
 * makes the kernel reset it, and the client then sees "connection reset" instead of the answer. A body larger
 * than that is not read: the 413 is sent and the connection closed (a reset is what such a client gets).
 *
 * <p>Spring's codecs hold at most {@code spring.codec.max-in-memory-size} (256 KiB by default) of a body; keep that
 * at least this limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimit implements WebFilter {

    public static final long DEFAULT_MAX_BODY_BYTES = 262_144;
    static final int DRAIN_FACTOR = 32;

    private final long maxBytes;
    private final long drainBytes;

    public RequestBodyLimit(@Value("${attain.http.max-body-bytes:" + DEFAULT_MAX_BODY_BYTES + "}") long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("attain.http.max-body-bytes: must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.drainBytes = Math.multiplyExact(maxBytes, DRAIN_FACTOR);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            Mono<Void> drained = declared <= drainBytes ? drain(request.getBody()) : Mono.empty();
            return drained.onErrorResume(e -> Mono.empty())
                    .then(Mono.defer(() -> ProblemWriter.write(exchange, tooLarge().toProblemDetail())));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new Counted(request)).build());
    }

    private static Mono<Void> drain(Flux<DataBuffer> body) {
        return body.doOnNext(DataBufferUtils::release).then();
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + maxBytes + " bytes",
                List.of(new Violation("body", "must be at most " + maxBytes + " bytes")));
    }

    /** A body of unknown length, counted as it streams. */
    private final class Counted extends ServerHttpRequestDecorator {

        Counted(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody()
                    .<DataBuffer>handle((buffer, sink) -> {
                        long total = seen.addAndGet(buffer.readableByteCount());
                        if (total <= maxBytes) {
                            sink.next(buffer);
                            return;
                        }
                        DataBufferUtils.release(buffer);
                        if (total > drainBytes) {
                            sink.error(tooLarge());
                        }
                        // over the limit: discard the rest of the body, then fail (below)
                    })
                    .concatWith(Mono.defer(() -> seen.get() > maxBytes ? Mono.error(tooLarge()) : Mono.empty()));
        }
    }
}
