package io.attain.query.dashboard;

import io.attain.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The manager dashboard: static files in {@code classpath:/static} (the page at {@code /}, its script and styles
 * under {@code /dashboard/}), bundled into the jar and fetched from nowhere else. They are the only open paths
 * besides health: everything the page shows comes from the API with the token the user signs in with, under the
 * API's role rules.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardConfiguration {

    /** The page and its static files are open (GET only); they hold no data. */
    public static final AuthorizationRules RULES = exchanges -> exchanges
            .pathMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/dashboard/**").permitAll();

    @Bean
    public AuthorizationRules attainDashboardRules() {
        return RULES;
    }
}
