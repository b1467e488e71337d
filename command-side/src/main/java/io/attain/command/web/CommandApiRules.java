package io.attain.command.web;

import io.attain.platform.security.AttainRole;
import io.attain.platform.security.AuthorizationRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The coarse rule of the command API, applied before any request is read: writes to the sales organisation need
 * ADMIN, MANAGER or REP; to plans, exchange rates and sales costs ADMIN or FINANCE; to commission statements ADMIN, FINANCE,
 * MANAGER or REP; to channel partners ADMIN or FINANCE; to channel conflicts ADMIN or MANAGER; to contests and
 * recognitions ADMIN or MANAGER (granting recognition is under {@code /reps/**}); to customers and key accounts ADMIN
 * or MANAGER. AUDITOR and
 * INTEGRATOR get 403 everywhere. Which rep, team, deal or statement a role may act on is
 * decided per command by {@link io.attain.command.authorization.CommandAuthorization}.
 */
@Component
public class CommandApiRules implements AuthorizationRules {

    /** The paths of the command API (for the security rule and the Idempotency-Key filter). */
    public static final List<String> PATHS = List.of(
            "/api/v1/regions/**", "/api/v1/teams/**", "/api/v1/reps/**", "/api/v1/targets/**",
            "/api/v1/activities/**", "/api/v1/deals/**", "/api/v1/product-lines/**",
            "/api/v1/plans/**", "/api/v1/exchange-rates/**", "/api/v1/statements/**", "/api/v1/partners/**",
            "/api/v1/channel-conflicts/**", "/api/v1/contests/**", "/api/v1/recognitions/**", "/api/v1/costs/**",
            "/api/v1/customers/**");

    private static final List<String> ORGANISATION = PATHS.subList(0, 7);
    private static final List<String> COMPENSATION = List.of("/api/v1/plans/**", "/api/v1/exchange-rates/**",
            "/api/v1/costs/**");
    private static final List<String> STATEMENTS = List.of("/api/v1/statements/**");
    private static final List<String> PARTNERS = List.of("/api/v1/partners/**");
    private static final List<String> CONFLICTS = List.of("/api/v1/channel-conflicts/**");
    private static final List<String> CONTESTS = List.of("/api/v1/contests/**", "/api/v1/recognitions/**");
    private static final List<String> CUSTOMERS = List.of("/api/v1/customers/**");

    private static final String[] WRITERS = {AttainRole.ADMIN.name(), AttainRole.MANAGER.name(), AttainRole.REP.name()};
    private static final String[] COMPENSATION_WRITERS = {AttainRole.ADMIN.name(), AttainRole.FINANCE.name()};
    private static final String[] STATEMENT_WRITERS = {AttainRole.ADMIN.name(), AttainRole.FINANCE.name(),
            AttainRole.MANAGER.name(), AttainRole.REP.name()};
    private static final String[] CONTEST_WRITERS = {AttainRole.ADMIN.name(), AttainRole.MANAGER.name()};
    private static final String[] CUSTOMER_WRITERS = {AttainRole.ADMIN.name(), AttainRole.MANAGER.name()};

    @Override
    public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        for (HttpMethod method : new HttpMethod[]{HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            exchanges.pathMatchers(method, ORGANISATION.toArray(String[]::new)).hasAnyRole(WRITERS);
            exchanges.pathMatchers(method, COMPENSATION.toArray(String[]::new)).hasAnyRole(COMPENSATION_WRITERS);
            exchanges.pathMatchers(method, STATEMENTS.toArray(String[]::new)).hasAnyRole(STATEMENT_WRITERS);
            exchanges.pathMatchers(method, PARTNERS.toArray(String[]::new)).hasAnyRole(COMPENSATION_WRITERS);
            exchanges.pathMatchers(method, CONFLICTS.toArray(String[]::new))
                     .hasAnyRole(AttainRole.ADMIN.name(), AttainRole.MANAGER.name());
            exchanges.pathMatchers(method, CONTESTS.toArray(String[]::new)).hasAnyRole(CONTEST_WRITERS);
            exchanges.pathMatchers(method, CUSTOMERS.toArray(String[]::new)).hasAnyRole(CUSTOMER_WRITERS);
        }
    }
}
