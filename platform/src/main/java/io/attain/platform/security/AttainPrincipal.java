package io.attain.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who sends a request: a stable id, the roles, and where applicable the rep id (whose activities and
 * deals are "their own") and the team (whose reps a manager acts for). Carries no credentials.
 * Controllers get it with {@code @AuthenticationPrincipal AttainPrincipal}; it deliberately does not
 * implement {@link java.security.Principal} (WebFlux would then inject the authentication instead).
 *
 * @param id     the subject (JWT {@code sub}, or the principal id of a configured token)
 * @param roles  at least one role for any request to be allowed
 * @param repId  the rep the principal is, or {@code null}
 * @param teamId the team the principal manages or belongs to, or {@code null}
 */
public record AttainPrincipal(String id, Set<AttainRole> roles, String repId, String teamId) {

    public AttainPrincipal {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasRole(AttainRole role) {
        return roles.contains(role);
    }
}
