package io.attain.command.web;

import io.attain.platform.security.AttainRole;
import io.attain.platform.security.AuthorizationRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The coarse rule of the command API, applied before any request is read: writes need a role that
 * sends commands (ADMIN, MANAGER or REP); FINANCE, AUDITOR and INTEGRATOR get 403. Which rep, team or
 * deal a MANAGER or REP may act on is decided per command by
 * {@link io.attain.command.authorization.CommandAuthorization}.
 */
@Component
public class CommandApiRules implements AuthorizationRules {

    /** The paths of the command API (for the security rule and the Idempotency-Key filter). */
    public static final List<String> PATHS = List.of(
            "/api/v1/regions/**", "/api/v1/teams/**", "/api/v1/reps/**", "/api/v1/targets/**",
            "/api/v1/activities/**", "/api/v1/deals/**", "/api/v1/product-lines/**");

    private static final String[] WRITERS = {AttainRole.ADMIN.name(), AttainRole.MANAGER.name(), AttainRole.REP.name()};

    @Override
    public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        for (HttpMethod method : new HttpMethod[]{HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            exchanges.pathMatchers(method, PATHS.toArray(String[]::new)).hasAnyRole(WRITERS);
        }
    }
}
