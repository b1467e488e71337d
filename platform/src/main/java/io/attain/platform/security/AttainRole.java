package io.attain.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of Attain's users. Granted as Spring Security authorities {@code ROLE_<name>}.
 *
 * <ul>
 *     <li>{@link #ADMIN}: everything.</li>
 *     <li>{@link #MANAGER}: acts for the reps of their own team.</li>
 *     <li>{@link #REP}: logs their own activities, moves the deals they own or share.</li>
 *     <li>{@link #FINANCE}, {@link #AUDITOR}, {@link #INTEGRATOR}: read (and integrate); no commands.</li>
 * </ul>
 */
public enum AttainRole {
    ADMIN,
    MANAGER,
    REP,
    FINANCE,
    AUDITOR,
    INTEGRATOR;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role for a name as tokens and JWT claims carry it: case-insensitive, {@code ROLE_} prefix allowed. */
    public static Optional<AttainRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("ROLE_")) {
            name = name.substring("ROLE_".length());
        }
        for (AttainRole role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
