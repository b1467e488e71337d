package io.attain.platform.problem;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The kinds of problem Attain's HTTP APIs answer with, each with its {@code type} URI (a URN: stable,
 * not meant to be dereferenced, as RFC 9457 allows), title and status.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.UNPROCESSABLE_CONTENT),
    RULE_VIOLATION("rule-violation", "Business rule violated", HttpStatus.UNPROCESSABLE_CONTENT),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    ILLEGAL_TRANSITION("illegal-transition", "Not allowed in the current state", HttpStatus.CONFLICT),
    DUPLICATE("duplicate", "Already exists", HttpStatus.CONFLICT),
    CONCURRENT_MODIFICATION("concurrent-modification", "Concurrent modification", HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key reused with a different request",
            HttpStatus.UNPROCESSABLE_CONTENT),
    REQUEST_IN_PROGRESS("request-in-progress", "Request in progress", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    STORE_UNAVAILABLE("store-unavailable", "Store unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private static final String PREFIX = "urn:attain:problem:";

    private final URI type;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.type = URI.create(PREFIX + slug);
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
