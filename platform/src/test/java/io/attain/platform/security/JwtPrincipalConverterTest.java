package io.attain.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtPrincipalConverterTest {

    private final JwtPrincipalConverter converter = new JwtPrincipalConverter();

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256")
                .issuedAt(Instant.parse("2026-11-27T08:00:00Z")).expiresAt(Instant.parse("2026-11-27T09:00:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void rolesFromAListRepFromRepIdTeamFromTeamId() {
        AttainPrincipal principal = converter.principal(jwt(Map.of("sub", "u-17", "roles", List.of("manager", "ROLE_REP", "pilot"),
                "rep_id", "Anna Snelling", "team_id", "team-east")));

        assertThat(principal).isEqualTo(new AttainPrincipal("u-17", Set.of(AttainRole.MANAGER, AttainRole.REP),
                "Anna Snelling", "team-east"));
    }

    @Test
    void rolesFromAStringAndTheRepIsTheSubjectByDefault() {
        AttainPrincipal principal = converter.principal(jwt(Map.of("sub", "anna", "roles", "REP, finance")));

        assertThat(principal).isEqualTo(new AttainPrincipal("anna", Set.of(AttainRole.REP, AttainRole.FINANCE), "anna", null));
    }

    @Test
    void anIntegratorsCategoriesFromAListOrAString() {
        assertThat(converter.principal(jwt(Map.of("sub", "dw", "roles", "INTEGRATOR",
                "categories", List.of("deals", "COMPENSATION")))).categories())
                .containsExactlyInAnyOrder("deals", "compensation");
        assertThat(converter.principal(jwt(Map.of("sub", "dw", "roles", "INTEGRATOR",
                "categories", "deals targets,activities"))).categories())
                .containsExactlyInAnyOrder("deals", "targets", "activities");
        assertThat(converter.principal(jwt(Map.of("sub", "dw", "roles", "INTEGRATOR"))).categories()).isEmpty();
    }

    @Test
    void noRolesClaimMeansNoRoles() {
        assertThat(converter.principal(jwt(Map.of("sub", "x"))).roles()).isEmpty();
    }

    @Test
    void authoritiesAreSpringSecurityRoles() {
        var authentication = converter.convert(jwt(Map.of("sub", "x", "roles", List.of("ADMIN")))).block();

        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getName()).isEqualTo("x");
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(authentication.getCredentials()).isNull();
    }

    @Test
    void aTokenWithoutSubjectIsInvalid() {
        assertThatThrownBy(() -> converter.principal(jwt(Map.of("roles", List.of("ADMIN")))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }
}
