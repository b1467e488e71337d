package io.attain.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A module's own path rules, added to the security chain after the actuator rules and before the
 * final "everything else needs authentication".
 */
@FunctionalInterface
public interface AuthorizationRules {

    void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
