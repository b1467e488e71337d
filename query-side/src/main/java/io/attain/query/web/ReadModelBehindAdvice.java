package io.attain.query.web;

import io.attain.platform.problem.ProblemWriter;
import io.attain.platform.problem.Violation;
import io.attain.query.projection.ReadModelPositions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/**
 * The one answer of every query controller when its read model does not pass the request's {@code minPosition} in
 * time: 503 problem+json {@code urn:attain:problem:read-model-behind} with {@code Retry-After: 1}, naming the
 * processor and the position (a client may retry; nothing is wrong with the request).
 */
@RestControllerAdvice(basePackages = "io.attain.query")
public class ReadModelBehindAdvice {

    @ExceptionHandler(ReadModelPositions.NotYetAtPositionException.class)
    public Mono<Void> notYet(ReadModelPositions.NotYetAtPositionException e, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create("urn:attain:problem:read-model-behind"));
        problem.setTitle("read model not yet at position");
        problem.setProperty("processor", e.processor());
        problem.setProperty("minPosition", e.position());
        problem.setProperty("errors", List.of(new Violation("minPosition", "not yet reached by the read model")));
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return ProblemWriter.write(exchange, problem);
    }
}
