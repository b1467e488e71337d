package io.attain.kernel.common;

/**
 * Shape checks for the compact constructors of commands and value objects.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message starts with the field name,
 * followed by a colon and the rule, e.g. {@code "repId: must not be blank"}. Business rules (positive
 * amounts, stage transitions, ...) do not belong here: the aggregates check those.
 *
 * <p>Events never use these checks: an event that was once stored must always be readable.
 */
public final class Require {

    private Require() {
    }

    /** The value must be present. */
    public static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    /** The value must be present and contain at least one non-whitespace character. */
    public static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return value;
    }

    /** The value may be absent ({@code null}), but when given it must not be blank. */
    public static String nullOrNonBlank(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank when given");
        }
        return value;
    }
}
