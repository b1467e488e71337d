package io.attain.command.web.request;

/**
 * The rule texts of request validation, the same as the shared kernel's shape checks use, so that a
 * client sees one vocabulary whether the web layer or a command refuses a value.
 */
final class Rules {

    static final String REQUIRED = "is required";
    static final String NOT_BLANK = "must not be blank";
    static final String NOT_BLANK_WHEN_GIVEN = "must not be blank when given";
    /** Matches any text with at least one non-whitespace character (null is not checked by @Pattern). */
    static final String SOME_TEXT = "(?s).*\\S.*";

    private Rules() {
    }
}
