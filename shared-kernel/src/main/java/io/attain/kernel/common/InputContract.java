package io.attain.kernel.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The input contract of every write: the limits of identifiers, references, free text, amounts and business
 * dates, and the checks that enforce them. The commands' compact constructors call these checks, so every
 * command enforces the contract whoever sends it (HTTP, the CRM import, a process); the HTTP request records
 * carry the same limits as Jakarta validation annotations built from the constants here, so the OpenAPI
 * document shows them ({@code maxLength}, {@code pattern}, {@code maximum}).
 *
 * <p>Every failure is an {@link IllegalArgumentException} {@code "field: rule"}, like {@link Require}'s; the
 * rule names the limit. Events never use these checks: an event that was once stored must always be
 * readable, so value objects that events carry ({@link Money}, {@link Period}, ...) do not check limits in
 * their constructors; the commands check the values they carry.
 *
 * <ul>
 *     <li><b>Identifier</b> (deal, rep, team, region, partner, plan, contest, target, batch, ... ids chosen by a
 *     client): 1–{@value #ID_MAX_LENGTH} characters; letters of any script (with their combining marks),
 *     digits, space and {@code - _ . @ '}; no space at either end. Never {@code /} (a path separator),
 *     {@code :} (the separator of Attain's composite ids), {@code %} (URL escapes) nor control characters.
 *     A CRM rep id such as {@code Anna Snelling} or {@code O'Brien} is an identifier.</li>
 *     <li><b>Reference</b> (an id Attain composes from identifiers, e.g. {@code statement:<repId>:<period>},
 *     commission and rebate line ids, or the id of the authenticated actor): 1–{@value #REFERENCE_MAX_LENGTH}
 *     characters, not blank, no control characters.</li>
 *     <li><b>Name</b> (customer, names, titles, series): 1–{@value #NAME_MAX_LENGTH} characters, not blank, no
 *     control characters. <b>Text</b> (reasons, purposes, outcomes): 1–{@value #TEXT_MAX_LENGTH} characters,
 *     not blank, no control characters (no line breaks either).</li>
 *     <li><b>Amount</b> (money, targets, percentages): at most {@value #AMOUNT_MAX} in absolute value (10^12)
 *     and at most {@value #AMOUNT_FRACTION_DIGITS} significant decimals (trailing zeros do not count). Nothing
 *     is rounded: an amount with more decimals is refused, not rounded, because a silent rounding changes
 *     what the client meant. Six decimals rather than the currency's minor units: amounts that are shares of
 *     others (credit splits, rebate and commission bases, exchange-rate conversions) legitimately carry more
 *     than two decimals, and {@link Money#rounded()} rounds explicitly where a payable amount is needed. An
 *     exponent form ({@code 1E+3}) is accepted only within these limits and is normalised to a plain decimal
 *     (scale 0 or more); JSON has no non-finite numbers, and {@code NaN}/{@code Infinity} text is not a number.
 *     <b>Rate</b> (exchange rates, commission and rebate rates): the same maximum, at most
 *     {@value #RATE_FRACTION_DIGITS} decimals.</li>
 *     <li><b>Business date and time</b> (dates, instants in UTC, periods): years {@value #YEAR_MIN} to
 *     {@value #YEAR_MAX}, inclusive.</li>
 * </ul>
 */
public final class InputContract {

    /** The longest identifier, in UTF-16 code units (what {@link String#length()} and {@code @Size} count). */
    public static final int ID_MAX_LENGTH = 128;
    /** The identifier's characters: see the class comment. */
    public static final String ID_PATTERN =
            "[\\p{L}\\p{M}\\p{Nd}_.@'-](?:[\\p{L}\\p{M}\\p{Nd} _.@'-]*[\\p{L}\\p{M}\\p{Nd}_.@'-])?";
    public static final String ID_RULE = "must be 1 to 128 characters: letters, digits, inner spaces and - _ . @ '"
            + " (no / : % or control characters)";

    public static final int REFERENCE_MAX_LENGTH = 512;
    public static final int NAME_MAX_LENGTH = 200;
    public static final int TEXT_MAX_LENGTH = 2000;
    /** Text without control characters (a blank text is refused by the not-blank rule). */
    public static final String NO_CONTROL_PATTERN = "[^\\p{Cc}]*";
    public static final String NO_CONTROL_RULE = "must not contain control characters";

    /** 10^12, inclusive, in absolute value. */
    public static final String AMOUNT_MAX = "1000000000000";
    public static final String AMOUNT_MIN = "-1000000000000";
    /** The digits before the decimal point of {@link #AMOUNT_MAX} (for {@code @Digits}). */
    public static final int AMOUNT_INTEGER_DIGITS = 13;
    public static final int AMOUNT_FRACTION_DIGITS = 6;
    public static final int RATE_FRACTION_DIGITS = 12;
    public static final String AMOUNT_MAX_RULE = "must be at most 10^12 in absolute value";
    public static final String AMOUNT_DIGITS_RULE = "must have at most 6 decimals (nothing is rounded)";
    public static final String RATE_DIGITS_RULE = "must have at most 12 decimals (nothing is rounded)";

    public static final int YEAR_MIN = 1900;
    public static final int YEAR_MAX = 2200;
    public static final String YEAR_RULE = "must be in the years 1900 to 2200";
    /** For {@code @Past}/{@code @Future}-less request checks: the first and last date of the range. */
    public static final LocalDate DATE_MIN = LocalDate.of(YEAR_MIN, 1, 1);
    public static final LocalDate DATE_MAX = LocalDate.of(YEAR_MAX, 12, 31);

    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final BigDecimal MAX = new BigDecimal(AMOUNT_MAX);
    private static final Instant INSTANT_MIN = DATE_MIN.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant INSTANT_END = DATE_MAX.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private InputContract() {
    }

    // --- identifiers and references

    /** A required identifier. */
    public static String identifier(String value, String field) {
        Require.nonBlank(value, field);
        if (value.length() > ID_MAX_LENGTH || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": " + ID_RULE);
        }
        return value;
    }

    /** An identifier that may be absent; when given, it must be one. */
    public static String optionalIdentifier(String value, String field) {
        if (value == null) {
            return null;
        }
        Require.nullOrNonBlank(value, field);
        return identifier(value, field);
    }

    /** {@code true} if the value is a valid identifier. */
    public static boolean isIdentifier(String value) {
        return value != null && !value.isEmpty() && value.length() <= ID_MAX_LENGTH && ID.matcher(value).matches();
    }

    /** A required reference (an id Attain composes, or an actor's id). */
    public static String reference(String value, String field) {
        return bounded(Require.nonBlank(value, field), REFERENCE_MAX_LENGTH, field);
    }

    /** A reference that may be absent. */
    public static String optionalReference(String value, String field) {
        return value == null ? null : reference(Require.nullOrNonBlank(value, field), field);
    }

    // --- free text

    /** A required name (customer, names, titles, series). */
    public static String name(String value, String field) {
        return bounded(Require.nonBlank(value, field), NAME_MAX_LENGTH, field);
    }

    /** A name that may be absent. */
    public static String optionalName(String value, String field) {
        return value == null ? null : name(Require.nullOrNonBlank(value, field), field);
    }

    /** A required text (reasons, purposes, outcomes). */
    public static String text(String value, String field) {
        return bounded(Require.nonBlank(value, field), TEXT_MAX_LENGTH, field);
    }

    /** A text that may be absent. */
    public static String optionalText(String value, String field) {
        return value == null ? null : text(Require.nullOrNonBlank(value, field), field);
    }

    private static String bounded(String value, int max, String field) {
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.getType(value.charAt(i)) == Character.CONTROL) {
                throw new IllegalArgumentException(field + ": " + NO_CONTROL_RULE);
            }
        }
        return value;
    }

    // --- amounts

    /**
     * An amount within the limits, normalised to a scale of 0 or more ({@code 1E+3} becomes {@code 1000});
     * {@code null} passes (whether it is required is the caller's rule).
     */
    public static BigDecimal amount(BigDecimal value, String field) {
        return decimal(value, field, AMOUNT_FRACTION_DIGITS, AMOUNT_DIGITS_RULE);
    }

    /** A rate within the limits (up to {@value #RATE_FRACTION_DIGITS} decimals); {@code null} passes. */
    public static BigDecimal rate(BigDecimal value, String field) {
        return decimal(value, field, RATE_FRACTION_DIGITS, RATE_DIGITS_RULE);
    }

    /** Money whose amount is within the limits, normalised like {@link #amount}; {@code null} passes. */
    public static Money money(Money value, String field) {
        if (value == null) {
            return null;
        }
        BigDecimal amount = amount(value.amount(), field);
        return amount == value.amount() ? value : new Money(amount, value.currency());
    }

    private static BigDecimal decimal(BigDecimal value, String field, int fractionDigits, String digitsRule) {
        if (value == null) {
            return null;
        }
        if (value.abs().compareTo(MAX) > 0) {
            throw new IllegalArgumentException(field + ": " + AMOUNT_MAX_RULE);
        }
        if (value.scale() > fractionDigits && value.stripTrailingZeros().scale() > fractionDigits) {
            throw new IllegalArgumentException(field + ": " + digitsRule);
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    // --- business dates and times

    /** A date within the years; {@code null} passes. */
    public static LocalDate date(LocalDate value, String field) {
        if (value != null && (value.getYear() < YEAR_MIN || value.getYear() > YEAR_MAX)) {
            throw new IllegalArgumentException(field + ": " + YEAR_RULE);
        }
        return value;
    }

    /** An instant whose UTC date is within the years; {@code null} passes ("now" by the message clock). */
    public static Instant instant(Instant value, String field) {
        if (value != null && (value.isBefore(INSTANT_MIN) || !value.isBefore(INSTANT_END))) {
            throw new IllegalArgumentException(field + ": " + YEAR_RULE);
        }
        return value;
    }

    /** A period within the years; {@code null} passes. */
    public static Period period(Period value, String field) {
        if (value != null && (value.year() < YEAR_MIN || value.year() > YEAR_MAX)) {
            throw new IllegalArgumentException(field + ": " + YEAR_RULE);
        }
        return value;
    }
}
