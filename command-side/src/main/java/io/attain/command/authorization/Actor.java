package io.attain.command.authorization;

import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import org.axonframework.messaging.MetaData;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sends a command, as carried in the command's metadata (never in events: Axon copies only the
 * correlation ids into event metadata). Holds ids and roles, never a token or other secret.
 *
 * @param principalId the authenticated principal
 * @param roles       its roles
 * @param repId       the rep the principal is, or {@code null}
 * @param teamId      the team of the principal, or {@code null}
 */
public record Actor(String principalId, Set<AttainRole> roles, String repId, String teamId) {

    public static final String PRINCIPAL = "attain.principal";
    public static final String ROLES = "attain.roles";
    public static final String REP_ID = "attain.repId";
    public static final String TEAM_ID = "attain.teamId";

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor of(AttainPrincipal principal) {
        return new Actor(principal.id(), principal.roles(), principal.repId(), principal.teamId());
    }

    public boolean has(AttainRole role) {
        return roles.contains(role);
    }

    /** The metadata entries that carry this actor. */
    public Map<String, String> toMetaData() {
        Map<String, String> entries = new HashMap<>();
        entries.put(PRINCIPAL, principalId);
        entries.put(ROLES, roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        if (repId != null) {
            entries.put(REP_ID, repId);
        }
        if (teamId != null) {
            entries.put(TEAM_ID, teamId);
        }
        return entries;
    }

    /** The actor of a command, or empty for a command sent by the application itself (no principal). */
    public static Optional<Actor> from(MetaData metaData) {
        Object principal = metaData.get(PRINCIPAL);
        if (principal == null) {
            return Optional.empty();
        }
        Set<AttainRole> roles = EnumSet.noneOf(AttainRole.class);
        Object names = metaData.get(ROLES);
        if (names != null) {
            Arrays.stream(names.toString().split(",")).map(AttainRole::parse)
                    .flatMap(Optional::stream).forEach(roles::add);
        }
        return Optional.of(new Actor(principal.toString(), roles, text(metaData.get(REP_ID)), text(metaData.get(TEAM_ID))));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
