package io.attain.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.file.Path;

/**
 * Authentication for everything except the health probes; bearer tokens only (no sessions, no
 * cookies, no CSRF, no login page).
 *
 * <ul>
 *     <li>Production: an OAuth2 JWT resource server when
 *     {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is set (Spring
 *     Boot then provides the {@link ReactiveJwtDecoder}); roles, rep and team from the claims, see
 *     {@link JwtPrincipalConverter}.</li>
 *     <li>Embedded default (no issuer): the bootstrap admin token ({@link AdminToken}) and the tokens of
 *     {@link AttainSecurityProperties}.</li>
 * </ul>
 *
 * <p>Open: {@code /actuator/health} and its {@code liveness}/{@code readiness} groups. ADMIN only: every
 * other actuator endpoint (e.g. {@code /actuator/prometheus}). Modules add their rules through
 * {@link AuthorizationRules} beans; everything else needs an authenticated principal.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(AttainSecurityProperties.class)
public class AttainSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttainSecurityConfiguration.class);

    @Bean
    public ReactiveAuthenticationManagerResolver<ServerWebExchange> attainAuthenticationManagerResolver(
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder, AttainSecurityProperties properties, Environment environment) {
        ReactiveAuthenticationManager manager;
        ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(decoder);
            jwt.setJwtAuthenticationConverter(new JwtPrincipalConverter());
            manager = jwt;
            if (!properties.getTokens().isEmpty() || environment.getProperty(AdminToken.ENV) != null) {
                log.warn("A JWT issuer is configured: the admin token and attain.security.tokens are ignored");
            }
            log.info("Authentication: OAuth2 JWT resource server");
        } else {
            Path dataDir = Binder.get(environment).bind("attain.data-dir", Path.class).orElse(Path.of("data"));
            String adminToken = AdminToken.resolve(environment.getProperty(AdminToken.ENV), dataDir);
            StaticTokens tokens = StaticTokens.of(adminToken, properties.getTokens());
            log.info("Authentication: bearer tokens of the embedded default ({} configured besides the admin token)",
                    tokens.size() - 1);
            manager = new StaticTokenAuthenticationManager(tokens);
        }
        ReactiveAuthenticationManager selected = manager;
        return exchange -> Mono.just(selected);
    }

    @Bean
    public SecurityWebFilterChain attainSecurityWebFilterChain(
            ServerHttpSecurity http,
            ReactiveAuthenticationManagerResolver<ServerWebExchange> attainAuthenticationManagerResolver,
            ObjectProvider<AuthorizationRules> moduleRules) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()))
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(attainAuthenticationManagerResolver)
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.GET,
                            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll();
                    exchanges.pathMatchers("/actuator", "/actuator/**").hasRole(AttainRole.ADMIN.name());
                    moduleRules.orderedStream().forEach(rules -> rules.configure(exchanges));
                    exchanges.anyExchange().authenticated();
                })
                .build();
    }
}
