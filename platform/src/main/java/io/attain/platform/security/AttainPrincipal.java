package io.attain.platform.security;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who sends a request: a stable id, the roles, and where applicable the rep id (whose activities and
 * deals are "their own") and the team (whose reps a manager acts for). Carries no credentials.
 * Controllers get it with {@code @AuthenticationPrincipal AttainPrincipal}; it deliberately does not
 * implement {@link java.security.Principal} (WebFlux would then inject the authentication instead).
 *
 * @param id         the subject (JWT {@code sub}, or the principal id of a configured token)
 * @param roles      at least one role for any request to be allowed
 * @param repId      the rep the principal is, or {@code null}
 * @param teamId     the team the principal manages or belongs to, or {@code null}
 * @param categories the event categories an integrator was granted (lower case, e.g. {@code deals},
 *                   {@code compensation}; JWT claim {@code categories}); empty when none were given (ADR 0011)
 */
public record AttainPrincipal(String id, Set<AttainRole> roles, String repId, String teamId, Set<String> categories) {

    public AttainPrincipal {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Set<String> normalised = new LinkedHashSet<>();
        if (categories != null) {
            categories.forEach(c -> {
                if (c != null && !c.isBlank()) {
                    normalised.add(c.trim().toLowerCase(Locale.ROOT));
                }
            });
        }
        categories = Set.copyOf(normalised);
    }

    /** A principal with no granted categories. */
    public AttainPrincipal(String id, Set<AttainRole> roles, String repId, String teamId) {
        this(id, roles, repId, teamId, Set.of());
    }

    public boolean hasRole(AttainRole role) {
        return roles.contains(role);
    }
}
