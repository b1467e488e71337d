package io.attain.platform.web;

import org.springframework.beans.factory.annotation.Value;
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
 * Answers with {@code Connection: close} — by default on every response, and with
 * {@code attain.http.keep-alive=true} still whenever a response is sent before the request's body was read (a 401 or
 * 403 from the security chain, a 404, a 415) — so a client's next request goes on a fresh connection.
 * <p>
 * Why: Reactor Netty 1.3.6 (Spring Boot 4.0.7's) can stop reading a keep-alive connection when a request that was
 * queued behind the previous one completes synchronously, or is answered before its body arrived: the connection's
 * read is never re-armed and the client's next request on it waits forever (reactor-netty #4347 and #4361, fixed in
 * 1.3.8, which does not run with this Boot's Netty here). Attain's HTTP tests met it as requests that got no answer
 * right after a 401 or a 400. Closing costs one TCP connection per request; turn keep-alive back on with the property
 * once Reactor Netty is at 1.3.8 or later.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CloseConnectionOnUnreadBody implements WebFilter {

    private final boolean keepAlive;

    public CloseConnectionOnUnreadBody(@Value("${attain.http.keep-alive:false}") boolean keepAlive) {
        this.keepAlive = keepAlive;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        if (!keepAlive) {
            response.beforeCommit(() -> {
                response.getHeaders().set(HttpHeaders.CONNECTION, "close");
                return Mono.empty();
            });
            return chain.filter(exchange);
        }
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
