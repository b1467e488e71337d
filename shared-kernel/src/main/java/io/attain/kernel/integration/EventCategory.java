package io.attain.kernel.integration;

import java.util.Locale;
import java.util.Optional;

/**
 * What an integrator may be granted to read (issue 11): every event type belongs to exactly one category.
 * Compensation covers everything about money owed or paid to people and partners (commission lines, statements,
 * payments, plans, exchange rates, channel rebates and agreements, contest prizes) and the sales and marketing costs
 * (which include salaries and commissions paid); those events are published only
 * to consumers granted {@link #COMPENSATION}.
 */
public enum EventCategory {
    DEALS,
    ACTIVITIES,
    ORGANISATION,
    TARGETS,
    COMPENSATION;

    /** The category's public name, as in tokens, JWT claims and the API: lower case ({@code deals}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category named {@code id} (case-insensitive), if there is one. */
    public static Optional<EventCategory> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (EventCategory c : values()) {
            if (c.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
