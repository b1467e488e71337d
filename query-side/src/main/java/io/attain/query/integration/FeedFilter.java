package io.attain.query.integration;

import io.attain.eventstore.LoggedEvent;
import io.attain.kernel.integration.EventCategory;
import io.attain.kernel.integration.EventType;

import java.util.List;
import java.util.Set;

/**
 * Which events of the log one consumer gets: the categories it was granted, and optionally type-name prefixes
 * ({@code io.attain.deal.}) and one subject (aggregate id). Events of no registered type are never published.
 *
 * @param categories   the categories the consumer may read
 * @param typePrefixes prefixes of type names; empty = every type
 * @param subject      the one aggregate id to keep, or {@code null}
 */
public record FeedFilter(Set<EventCategory> categories, List<String> typePrefixes, String subject) {

    public FeedFilter {
        categories = Set.copyOf(categories);
        typePrefixes = List.copyOf(typePrefixes);
    }

    /** Everything (an ADMIN, or no security chain). */
    public static FeedFilter everything() {
        return new FeedFilter(Set.of(EventCategory.values()), List.of(), null);
    }

    /** Whether the event, of public type {@code type} ({@code null} when it has none), passes the filter. */
    public boolean accepts(LoggedEvent event, EventType type) {
        if (type == null || !categories.contains(type.category())) {
            return false;
        }
        if (subject != null && !subject.equals(event.aggregateId())) {
            return false;
        }
        if (typePrefixes.isEmpty()) {
            return true;
        }
        for (String prefix : typePrefixes) {
            if (type.name().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
