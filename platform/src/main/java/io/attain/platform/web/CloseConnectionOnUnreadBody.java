package io.attain.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers with {@code Connection: close} when a response is sent before the request's body was read — a 401 or
 * 403 from the security chain, a 404, a 415 — so the client opens a fresh connection for its next request.
 * <p>
 * Why: on a keep-alive connection, Reactor Netty (up to at least 1.3.6) can stop reading when a request is answered
 * before its body has arrived: the body's trailing content is queued behind the finished request, the queue drains
 * without re-arming the read, and the client's next request on that connection is never read (reactor-netty
 * #4347 and #4361). Attain's HTTP tests met it as a request that got no answer, right after a 401, one run in
 * three. Closing such connections costs one reconnect per refused request and removes the condition.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CloseConnectionOnUnreadBody implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!hasBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        AtomicBoolean read = new AtomicBoolean();
        ServerHttpRequest tracked = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnComplete(() -> read.set(true));
            }
        };
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            if (!read.get()) {
                response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(tracked).build());
    }

    static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
