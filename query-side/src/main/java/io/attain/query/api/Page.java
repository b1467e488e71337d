package io.attain.query.api;

import java.util.List;

/**
 * One page of a list answer: the items of page {@code page} (0-based) of {@code size} items each, and how many items
 * match in all ({@code total}), so a client knows how many pages there are.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The page of an already filtered and ordered list. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return new Page<>(List.of(), page, size, all.size());
        }
        return new Page<>(all.subList((int) from, (int) Math.min(all.size(), from + size)), page, size, all.size());
    }
}
