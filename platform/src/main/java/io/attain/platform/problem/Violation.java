package io.attain.platform.problem;

/**
 * One broken rule of a request, as listed in a problem's {@code errors} member: the request field at
 * fault (a JSON path such as {@code amount} or {@code shares[1].repId}; {@code body} for the request
 * body as a whole; {@code null} if no field applies) and the rule, e.g. {@code "must be positive"}.
 */
public record Violation(String field, String rule) {

    /**
     * Splits a {@code "field: rule"} message (the convention of Attain's command records and domain
     * exceptions) into a violation; a message without that shape becomes a rule without a field.
     */
    public static Violation fromMessage(String message) {
        if (message == null) {
            return new Violation(null, "is invalid");
        }
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]]+")) {
            return new Violation(message.substring(0, colon), message.substring(colon + 2));
        }
        return new Violation(null, message);
    }
}
