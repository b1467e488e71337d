package io.attain.query.web;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validation of query parameters: every failure is a 400 problem naming the parameter and the rule. */
public final class QueryParams {

    private QueryParams() {
    }

    public static ProblemException invalid(String field, String rule) {
        return new ProblemException(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, field + ": " + rule,
                                    List.of(new Violation(field, rule)), null);
    }

    public static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            // e.g. "\"2017-13\" is not a valid period; expected a month (2017-05), a quarter (2017-Q2) or a year (2017)"
            throw invalid("period", Violation.fromMessage(e.getMessage()).rule());
        }
    }

    public static long minPosition(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw invalid("minPosition", "must be a non-negative integer");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid("minPosition", "must be a non-negative integer");
        }
    }

    public static String oneOf(String field, String value, List<String> allowed, String defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw invalid(field, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    public static Metric metric(String value) {
        List<String> allowed = Arrays.stream(Metric.values()).map(Enum::name).toList();
        return Metric.valueOf(oneOf("metric", value, allowed, Metric.REVENUE.name()));
    }

    public static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date (yyyy-mm-dd)");
        }
    }

    public static String currency(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!io.attain.kernel.common.Money.isIsoCurrency(text)) {
            throw invalid("currency", "must be an ISO 4217 currency code");
        }
        return text;
    }

    /**
     * The cut named by at most one of the given parameters ({@code all} when none): {@code dimension=value}.
     */
    public static String cut(Map<String, String> candidates, java.util.function.BiFunction<String, String, String> cut) {
        Map<String, String> given = new LinkedHashMap<>();
        candidates.forEach((name, value) -> {
            if (value != null) {
                if (value.isBlank()) {
                    throw invalid(name, "must not be blank when given");
                }
                given.put(name, value);
            }
        });
        if (given.size() > 1) {
            String names = String.join(", ", given.keySet());
            throw invalid(given.keySet().iterator().next(), "at most one of " + names + " may be given");
        }
        if (given.isEmpty()) {
            return "all";
        }
        Map.Entry<String, String> only = given.entrySet().iterator().next();
        return cut.apply(only.getKey(), only.getValue());
    }

    /** 404 naming the field whose value addresses nothing. */
    public static ProblemException notFound(String field, String rule) {
        return new ProblemException(ProblemType.NOT_FOUND, field + ": " + rule, List.of(new Violation(field, rule)));
    }
}
