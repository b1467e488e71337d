package io.attain.command.web.request;

import io.attain.kernel.common.InputContract;

/**
 * The rule texts and limits of request validation, the same as the shared kernel's shape checks and
 * {@link InputContract} use, so that a client sees one vocabulary whether the web layer or a command refuses a
 * value, and the OpenAPI document shows the limits ({@code maxLength}, {@code pattern}, {@code maximum}).
 */
final class Rules {

    static final String REQUIRED = "is required";
    static final String NOT_BLANK = "must not be blank";
    static final String NOT_BLANK_WHEN_GIVEN = "must not be blank when given";
    /** Matches any text with at least one non-whitespace character (null is not checked by @Pattern). */
    static final String SOME_TEXT = "(?s).*\\S.*";

    static final int ID_MAX = InputContract.ID_MAX_LENGTH;
    static final String ID = InputContract.ID_PATTERN;
    static final String ID_RULE = InputContract.ID_RULE;

    static final int REFERENCE_MAX = InputContract.REFERENCE_MAX_LENGTH;
    static final String REFERENCE_LENGTH_RULE = "must be at most " + REFERENCE_MAX + " characters";
    static final int NAME_MAX = InputContract.NAME_MAX_LENGTH;
    static final String NAME_LENGTH_RULE = "must be at most " + NAME_MAX + " characters";
    static final int TEXT_MAX = InputContract.TEXT_MAX_LENGTH;
    static final String TEXT_LENGTH_RULE = "must be at most " + TEXT_MAX + " characters";
    static final String NO_CONTROL = InputContract.NO_CONTROL_PATTERN;
    static final String NO_CONTROL_RULE = InputContract.NO_CONTROL_RULE;

    static final String AMOUNT_MAX = InputContract.AMOUNT_MAX;
    static final String AMOUNT_MIN = InputContract.AMOUNT_MIN;
    static final String AMOUNT_MAX_RULE = InputContract.AMOUNT_MAX_RULE;
    static final int INTEGER_DIGITS = InputContract.AMOUNT_INTEGER_DIGITS;
    static final int AMOUNT_DECIMALS = InputContract.AMOUNT_FRACTION_DIGITS;
    static final String AMOUNT_DIGITS_RULE = InputContract.AMOUNT_DIGITS_RULE;
    static final int RATE_DECIMALS = InputContract.RATE_FRACTION_DIGITS;
    static final String RATE_DIGITS_RULE = InputContract.RATE_DIGITS_RULE;

    /** An upper-case three-letter code; whether ISO 4217 knows it is checked where the money is built. */
    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_RULE = "must be an ISO 4217 currency code";

    private Rules() {
    }
}
