package io.attain.query.integration;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Validation of the feed's and stream's parameters: every failure is a 400 problem naming the parameter and the rule. */
final class FeedParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    static final int MAX_TYPES = 20;
    private static final Pattern TYPE_PREFIX = Pattern.compile("[a-z0-9._]{1,100}");

    private FeedParams() {
    }

    static ProblemException invalid(String field, String rule) {
        return new ProblemException(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, field + ": " + rule,
                                    List.of(new Violation(field, rule)), null);
    }

    static long position(String field, String text) {
        if (text == null) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw invalid(field, "must be a non-negative integer");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a non-negative integer");
        }
    }

    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1 || value > MAX_LIMIT) {
                throw invalid("limit", "must be between 1 and " + MAX_LIMIT);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid("limit", "must be an integer between 1 and " + MAX_LIMIT);
        }
    }

    /** Type-name prefixes; each value may also hold several separated by commas. */
    static List<String> types(List<String> values) {
        List<String> prefixes = new ArrayList<>();
        if (values == null) {
            return prefixes;
        }
        for (String value : values) {
            for (String prefix : value.split(",", -1)) {
                String p = prefix.trim();
                if (!TYPE_PREFIX.matcher(p).matches()) {
                    throw invalid("type", "must be a prefix of an event type name (lower-case letters, digits, dots, "
                            + "underscores; at most 100)");
                }
                prefixes.add(p);
            }
        }
        if (prefixes.size() > MAX_TYPES) {
            throw invalid("type", "at most " + MAX_TYPES + " prefixes");
        }
        return prefixes;
    }

    static String subject(String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.length() > 200) {
            throw invalid("subject", "must be an aggregate id of 1 to 200 characters");
        }
        return text;
    }
}
