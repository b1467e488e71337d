package io.attain.platform.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.util.List;

/**
 * A request failed in a way the client can act on. Rendered as {@code application/problem+json} by
 * {@link ProblemWebExceptionHandler}: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance} and {@code errors} (the {@link Violation}s, possibly empty).
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final HttpStatusCode status;
    private final List<Violation> errors;

    public ProblemException(ProblemType type, String detail, List<Violation> errors) {
        this(type, type.status(), detail, errors, null);
    }

    public ProblemException(ProblemType type, String detail, List<Violation> errors, Throwable cause) {
        this(type, type.status(), detail, errors, cause);
    }

    /** With a status other than the type's own (e.g. 400 instead of 422 for an invalid request). */
    public ProblemException(ProblemType type, HttpStatusCode status, String detail, List<Violation> errors,
                            Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public HttpStatusCode status() {
        return status;
    }

    public List<Violation> errors() {
        return errors;
    }

    /** The problem as Spring's {@link ProblemDetail}, with the violations in its {@code errors} property. */
    public ProblemDetail toProblemDetail() {
        return Problems.detail(type, status, getMessage(), errors);
    }
}
