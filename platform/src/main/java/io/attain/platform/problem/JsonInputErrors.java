package io.attain.platform.problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a failure to read a JSON request body (Jackson 3) into the violations a client can act on:
 * the JSON path of the field and what it must be, e.g. {@code stage: must be one of [LEAD, …]} or
 * {@code amount: must be a number}. Parser internals are not echoed.
 */
final class JsonInputErrors {

    private JsonInputErrors() {
    }

    /** The violations, or {@code null} if no Jackson exception is among the causes. */
    static List<Violation> describe(Throwable error) {
        JacksonException jackson = find(error);
        if (jackson == null) {
            return null;
        }
        if (jackson instanceof StreamReadException) {
            return List.of(new Violation("body", "must be well-formed JSON"));
        }
        String path = path(jackson);
        String field = path != null ? path : "body";
        if (jackson instanceof PropertyBindingException unknown) {
            return List.of(new Violation(field, "is not a known field"));
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return List.of(new Violation(field, ruleFor(mismatch.getTargetType(), mismatch instanceof InvalidFormatException)));
        }
        // A value object refused the value in its constructor or factory, e.g. a period "2017-13".
        Throwable cause = jackson.getCause();
        while (cause != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            Violation own = Violation.fromMessage(cause.getMessage());
            return List.of(new Violation(path != null ? path : own.field() != null ? own.field() : "body", own.rule()));
        }
        return List.of(new Violation(field, "has an invalid value"));
    }

    private static JacksonException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The JSON path of the failing value, e.g. {@code shares[1].percentage}; {@code null} at the root. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String ruleFor(Class<?> type, boolean badText) {
        if (type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
            return "must be one of " + allowed;
        }
        if (type == BigDecimal.class || type == BigInteger.class || Number.class.isAssignableFrom(type)
                || type == int.class || type == long.class || type == double.class) {
            return "must be a number";
        }
        if (type == LocalDate.class) {
            return "must be a date like 2017-05-31";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "must be an instant like 2017-05-31T09:30:00Z";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return badText ? "has an invalid value" : "must be a JSON object";
    }
}
