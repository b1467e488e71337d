package io.attain.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens of the embedded default: the bootstrap admin token and the tokens configured as
 * {@code attain.security.tokens.<token>=ROLE:principalId[:teamId]}. Only SHA-256 digests of the tokens
 * are kept, so a look-up does not compare secrets character by character.
 */
public final class StaticTokens {

    /** The principal id of the bootstrap admin token. */
    public static final String ADMIN_ID = "admin";

    private final Map<String, AttainPrincipal> byDigest = new HashMap<>();

    private StaticTokens() {
    }

    /**
     * @param adminToken the bootstrap admin token, or {@code null}
     * @param configured token → {@code ROLE:principalId[:teamId]}
     * @throws IllegalArgumentException naming the offending entry (never the token) if a spec is malformed
     */
    public static StaticTokens of(String adminToken, Map<String, String> configured) {
        StaticTokens tokens = new StaticTokens();
        if (adminToken != null) {
            tokens.byDigest.put(digest(adminToken), new AttainPrincipal(ADMIN_ID, EnumSet.of(AttainRole.ADMIN), null, null));
        }
        int entry = 0;
        for (Map.Entry<String, String> token : configured.entrySet()) {
            entry++;
            if (token.getKey() == null || token.getKey().isBlank()) {
                throw new IllegalArgumentException("attain.security.tokens: entry " + entry + " has an empty token");
            }
            tokens.byDigest.put(digest(token.getKey()), parse(token.getValue(), entry));
        }
        return tokens;
    }

    /** The principal of a presented token. */
    public Optional<AttainPrincipal> principal(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byDigest.get(digest(token)));
    }

    public int size() {
        return byDigest.size();
    }

    /**
     * Parses {@code ROLE:principalId[:teamId]}; the rep id of the principal is its principal id. For the
     * {@code INTEGRATOR} role the third part is the granted event categories instead of a team, separated by commas
     * or {@code +} ({@code INTEGRATOR:warehouse:deals,activities,compensation}; ADR 0011).
     */
    static AttainPrincipal parse(String spec, int entry) {
        String[] parts = spec == null ? new String[0] : spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[1].isBlank()) {
            throw new IllegalArgumentException("attain.security.tokens: entry " + entry
                    + " must be ROLE:principalId[:teamId], was \"" + spec + "\"");
        }
        AttainRole role = AttainRole.parse(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                "attain.security.tokens: entry " + entry + " has an unknown role \"" + parts[0] + "\""));
        String principalId = parts[1].trim();
        String third = parts.length == 3 && !parts[2].isBlank() ? parts[2].trim() : null;
        if (role == AttainRole.INTEGRATOR) {
            Set<String> categories = new LinkedHashSet<>();
            if (third != null) {
                for (String c : third.split("[,+\\s]+")) {
                    if (!c.isBlank()) {
                        if (!c.matches("[A-Za-z]+")) {
                            throw new IllegalArgumentException("attain.security.tokens: entry " + entry
                                    + " has a malformed category \"" + c + "\"");
                        }
                        categories.add(c);
                    }
                }
            }
            return new AttainPrincipal(principalId, EnumSet.of(role), principalId, null, categories);
        }
        return new AttainPrincipal(principalId, EnumSet.of(role), principalId, third);
    }

    static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
