package io.attain.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Production mode: with a JWT decoder (what Spring Boot provides when an issuer or JWK set URI is
 * configured), bearer tokens are JWTs and the admin token is neither generated nor accepted.
 */
@SpringBootTest(classes = JwtResourceServerTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"attain.data-dir=target/jwt-mode-must-not-be-used", "ATTAIN_ADMIN_TOKEN=admin-token"})
@AutoConfigureWebTestClient(timeout = "60s")
class JwtResourceServerTest {

    @SpringBootApplication(scanBasePackages = "io.attain.platform")
    static class App {

        /** Stands in for the issuer: "manager-jwt" is a valid JWT, anything else is not. */
        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return token -> "manager-jwt".equals(token)
                    ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("cara")
                    .claim("roles", List.of("MANAGER")).claim("team_id", "team-east")
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build())
                    : Mono.error(new BadJwtException("bad"));
        }

        @RestController
        static class WhoAmI {
            @GetMapping("/whoami")
            Map<String, Object> whoami(@AuthenticationPrincipal AttainPrincipal principal) {
                return Map.of("id", principal.id(), "roles", principal.roles(), "teamId", principal.teamId());
            }
        }
    }

    @Autowired
    WebTestClient web;

    @Test
    void aValidJwtAuthenticatesWithItsClaims() {
        web.get().uri("/whoami").headers(h -> h.setBearerAuth("manager-jwt")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo("cara")
                .jsonPath("$.roles[0]").isEqualTo("MANAGER")
                .jsonPath("$.teamId").isEqualTo("team-east");
    }

    @Test
    void anInvalidJwtOrTheAdminTokenIsRejectedAsProblem() {
        for (String token : new String[]{"forged", "admin-token"}) {
            web.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectHeader().contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:attain:problem:unauthorized")
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.errors").isArray();
        }
    }

    @Test
    void withoutTokenItIs401AndHealthStaysOpen() {
        web.get().uri("/whoami").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void unknownPathsAreProblemsToo() {
        web.get().uri("/nothing-here").headers(h -> h.setBearerAuth("manager-jwt")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:attain:problem:not-found");
    }
}
