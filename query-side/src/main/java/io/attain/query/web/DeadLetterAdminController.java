package io.attain.query.web;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.ProblemWriter;
import io.attain.platform.problem.Violation;
import io.attain.query.projection.DeadLetters;
import io.attain.query.projection.ProjectionRuntime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Dead letters of the projections (ADR 0007), ADMIN only like every path under {@code /api/v1/admin}
 * ({@link ProjectionAdminController#RULES}):
 * <ul>
 *     <li>{@code GET /api/v1/admin/dead-letters[?projection=]}: {@code {deadLetters: [{projection, processor,
 *     sequenceId, eventId, type, position, causeType, causeMessage, enqueuedAt, lastTouched, retries}]}} — every
 *     generation's processor of the projection(s);</li>
 *     <li>{@code POST /api/v1/admin/dead-letters/{projection}/{sequenceId}/retry}: retries one sequence (a deal's
 *     dead letter and the events parked behind it), in order, until the first failure;</li>
 *     <li>{@code POST /api/v1/admin/dead-letters/{projection}/retry}: retries every sequence.</li>
 * </ul>
 * A retry answers 200 {@code {projection, processor, processed: [...], failed: [...], remaining}}; 404 for an
 * unknown projection; 409 when the processor runs on another instance (retry there, or later).
 * {@code {projection}} is a projection name (its active generation) or a processor name ({@code funnel@g2}).
 */
@RestController
@RequestMapping(path = "/api/v1/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeadLetterAdminController {

    private final ProjectionRuntime runtime;

    public DeadLetterAdminController(ProjectionRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping
    public Mono<Map<String, Object>> list(@RequestParam(required = false) String projection) {
        return blocking(() -> {
            List<DeadLetters.Letter> letters = runtime.deadLetters(projection == null || projection.isBlank()
                                                                           ? null : projection);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("deadLetters", letters);
            return body;
        });
    }

    @PostMapping("/{projection}/{sequenceId}/retry")
    public Mono<DeadLetters.RetryResult> retryOne(@PathVariable String projection, @PathVariable String sequenceId) {
        return blocking(() -> runtime.retryDeadLetters(projection, sequenceId));
    }

    @PostMapping("/{projection}/retry")
    public Mono<DeadLetters.RetryResult> retryAll(@PathVariable String projection) {
        return blocking(() -> runtime.retryDeadLetters(projection, null));
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    @ExceptionHandler(ProjectionRuntime.UnknownProjectionException.class)
    public Mono<Void> unknown(ProjectionRuntime.UnknownProjectionException e, ServerWebExchange exchange) {
        return ProblemWriter.write(exchange, new ProblemException(
                ProblemType.NOT_FOUND, e.getMessage() + " (one of " + String.join(", ", runtime.names()) + ")",
                List.of(new Violation("projection", "no such projection"))).toProblemDetail());
    }

    /** 409: the processor is not held here (another instance runs it, or it is not running). */
    @ExceptionHandler(ProjectionRuntime.DeadLetterRetryUnavailableException.class)
    public Mono<Void> unavailable(ProjectionRuntime.DeadLetterRetryUnavailableException e,
                                  ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("urn:attain:problem:dead-letter-retry-unavailable"));
        problem.setTitle("Dead letters cannot be retried here now");
        problem.setProperty("errors", List.of(new Violation("projection", "processor not held by this instance")));
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return ProblemWriter.write(exchange, problem);
    }
}
