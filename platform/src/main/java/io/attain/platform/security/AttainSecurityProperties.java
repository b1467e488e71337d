package io.attain.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens for tests and demos on the embedded default, in addition to the bootstrap admin token:
 * {@code attain.security.tokens.<token>=ROLE:principalId[:teamId]}, e.g.
 * {@code attain.security.tokens[demo-manager-token]=MANAGER:cara:team-east}. Use the bracket form when
 * the token has characters other than lower-case letters, digits and dashes. Ignored when a JWT issuer
 * is configured.
 */
@ConfigurationProperties("attain.security")
public class AttainSecurityProperties {

    /** token → {@code ROLE:principalId[:teamId]}. */
    private Map<String, String> tokens = new LinkedHashMap<>();

    public Map<String, String> getTokens() {
        return tokens;
    }

    public void setTokens(Map<String, String> tokens) {
        this.tokens = tokens;
    }
}
