package io.attain.query.integration;

import io.attain.kernel.integration.EventCategory;
import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may read the integrator feed, stream and deal snapshot, and which categories (ADR 0011):
 * <ul>
 *     <li>ADMIN (and no principal, when no security chain is configured): every category;</li>
 *     <li>INTEGRATOR: the categories its token or JWT {@code categories} claim grants; without any, every category
 *     but compensation. Compensation (commission lines, statements, payments, plans, exchange rates, rebates,
 *     prizes) only when granted by name. Unknown names grant nothing.</li>
 *     <li>everyone else: 403.</li>
 * </ul>
 */
public final class FeedAccess {

    /** What an integrator reads when its token names no category. */
    public static final Set<EventCategory> DEFAULT_CATEGORIES = EnumSet.of(
            EventCategory.DEALS, EventCategory.ACTIVITIES, EventCategory.ORGANISATION, EventCategory.TARGETS);

    private FeedAccess() {
    }

    /** The categories the principal may read; a 403 problem when it may read none of the feed. */
    public static Set<EventCategory> categories(AttainPrincipal principal) {
        if (principal == null || principal.hasRole(AttainRole.ADMIN)) {
            return EnumSet.allOf(EventCategory.class);
        }
        if (!principal.hasRole(AttainRole.INTEGRATOR)) {
            throw forbidden();
        }
        if (principal.categories().isEmpty()) {
            return DEFAULT_CATEGORIES;
        }
        Set<EventCategory> granted = EnumSet.noneOf(EventCategory.class);
        for (String name : principal.categories()) {
            EventCategory.fromId(name).ifPresent(granted::add);
        }
        return granted;
    }

    /** Whether the principal may read every deal (the deal snapshot): ADMIN, or an integrator granted deals. */
    public static void requireCategory(AttainPrincipal principal, EventCategory category) {
        if (!categories(principal).contains(category)) {
            throw forbidden();
        }
    }

    static ProblemException forbidden() {
        return new ProblemException(ProblemType.FORBIDDEN, "Access denied", List.of());
    }
}
