package io.attain.platform.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders every error of the HTTP APIs as {@code application/problem+json} (RFC 9457): the modules'
 * {@link ProblemMapper}s first, then {@link ProblemException}, request-body and validation errors,
 * Spring's status exceptions (404, 405, 415, …), and anything else as a 500 without internals.
 *
 * <p>Runs before Spring Boot's own error handler ({@code -1}).
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ObjectProvider<ProblemMapper> mappers;
    private final ObjectProvider<ApplicationAvailability> availability;

    public ProblemWebExceptionHandler(ObjectProvider<ProblemMapper> mappers,
                                      ObjectProvider<ApplicationAvailability> availability) {
        this.mappers = mappers;
        this.availability = availability;
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = toProblem(error);
        if (problem.getStatus() >= 500 && WriteRefusal.refusingTraffic(availability.getIfAvailable())) {
            // a write that was under way when the store stopped: it was not made durable
            problem = WriteRefusal.problem();
        }
        if (problem.getStatus() >= 500) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        }
        return ProblemWriter.write(exchange, problem);
    }

    /** The problem for an error; public so that other components (filters) answer the same way. */
    public ProblemDetail toProblem(Throwable error) {
        for (ProblemMapper mapper : mappers.orderedStream().toList()) {
            ProblemException mapped = mapper.map(error);
            if (mapped != null) {
                return mapped.toProblemDetail();
            }
        }
        if (error instanceof ProblemException problem) {
            return problem.toProblemDetail();
        }
        if (error instanceof WebExchangeBindException bind) {
            return Problems.detail(ProblemType.INVALID_REQUEST,
                    "The request has " + bind.getErrorCount() + " invalid field(s)", violations(bind));
        }
        if (error instanceof ServerWebInputException input) {
            return inputProblem(input);
        }
        if (error instanceof ResponseStatusException status) {
            return statusProblem(status.getStatusCode(), status.getReason());
        }
        if (error instanceof AccessDeniedException) {
            return Problems.detail(ProblemType.FORBIDDEN, "Access denied", List.of());
        }
        if (error instanceof AuthenticationException) {
            return Problems.detail(ProblemType.UNAUTHORIZED, "Authentication required", List.of());
        }
        return Problems.detail(ProblemType.INTERNAL_ERROR, "The request could not be processed", List.of());
    }

    private static ProblemDetail inputProblem(ServerWebInputException input) {
        List<Violation> violations = JsonInputErrors.describe(input);
        if (violations != null) {
            Violation first = violations.get(0);
            String detail = "must be well-formed JSON".equals(first.rule()) ? "The request body is not well-formed JSON"
                    : first.field() + ": " + first.rule();
            return Problems.detail(ProblemType.MALFORMED_REQUEST, detail, violations);
        }
        String reason = input.getReason() == null ? "The request is malformed" : input.getReason();
        List<Violation> body = reason.toLowerCase().contains("body")
                ? List.of(new Violation("body", "is required")) : List.of();
        return Problems.detail(ProblemType.MALFORMED_REQUEST, reason, body);
    }

    private static ProblemDetail statusProblem(HttpStatusCode status, String reason) {
        ProblemType type = switch (status.value()) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.DUPLICATE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ProblemType.INVALID_REQUEST;
            default -> ProblemType.INTERNAL_ERROR;
        };
        if (status.value() == 404) {
            return Problems.detail(type, status, "No such resource", List.of());
        }
        String detail = reason != null ? reason
                : HttpStatus.resolve(status.value()) != null ? HttpStatus.resolve(status.value()).getReasonPhrase()
                : type.title();
        return Problems.detail(type, status, detail, List.of());
    }

    private static List<Violation> violations(WebExchangeBindException bind) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError field : bind.getFieldErrors()) {
            violations.add(new Violation(field.getField(), field.getDefaultMessage()));
        }
        for (ObjectError global : bind.getGlobalErrors()) {
            violations.add(Violation.fromMessage(global.getDefaultMessage()));
        }
        return violations;
    }
}
