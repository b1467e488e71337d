package io.attain.platform.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * Writes a {@link ProblemDetail} as {@code application/problem+json}: used by the exception handler
 * and by the security entry points, which answer before any controller runs.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    /** The JSON document of the problem. */
    public static byte[] toJson(ProblemDetail problem) {
        return JSON.writeValueAsBytes(Problems.members(problem));
    }

    /**
     * Writes the problem as the response, with {@code instance} set to the request path. Completes
     * with an error if the response was already committed.
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(new IllegalStateException("response already committed; cannot write " + problem));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        response.setStatusCode(org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(toJson(problem));
        return response.writeWith(Mono.just(buffer));
    }
}
