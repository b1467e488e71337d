package io.attain.query.web;

/**
 * The {@code page} (0-based, default 0) and {@code size} (1 to {@value #MAX_SIZE}, default {@value #DEFAULT_SIZE})
 * parameters of the list endpoints; anything else is a 400 naming the parameter.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static Paging of(String page, String size) {
        int p = number("page", page, 0, 0, 1_000_000);
        int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new Paging(p, s);
    }

    /** The index of the first item of the page. */
    public int offset() {
        return page * size;
    }

    private static int number(String field, String text, int defaultValue, int min, int max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw QueryParams.invalid(field, "must be an integer from " + min + " to " + max);
    }
}
