package io.attain.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StaticTokensTest {

    @Test
    void findsThePrincipalOfEachToken() {
        StaticTokens tokens = StaticTokens.of("admin-secret", Map.of(
                "manager-secret", "MANAGER:cara:team-east",
                "rep-secret", "rep:anna",
                "auditor-secret", "ROLE_AUDITOR:audrey:"));

        assertThat(tokens.principal("admin-secret")).contains(
                new AttainPrincipal("admin", Set.of(AttainRole.ADMIN), null, null));
        assertThat(tokens.principal("manager-secret")).contains(
                new AttainPrincipal("cara", Set.of(AttainRole.MANAGER), "cara", "team-east"));
        assertThat(tokens.principal("rep-secret")).contains(
                new AttainPrincipal("anna", Set.of(AttainRole.REP), "anna", null));
        assertThat(tokens.principal("auditor-secret")).contains(
                new AttainPrincipal("audrey", Set.of(AttainRole.AUDITOR), "audrey", null));
        assertThat(tokens.principal("unknown")).isEmpty();
        assertThat(tokens.principal(null)).isEmpty();
        assertThat(tokens.size()).isEqualTo(4);
    }

    @Test
    void anIntegratorTokenNamesItsEventCategoriesInsteadOfATeam() {
        StaticTokens tokens = StaticTokens.of(null, Map.of(
                "warehouse-secret", "INTEGRATOR:warehouse:deals,Compensation",
                "bi-secret", "INTEGRATOR:bi:deals+activities",
                "plain-secret", "INTEGRATOR:plain"));

        assertThat(tokens.principal("warehouse-secret")).contains(new AttainPrincipal(
                "warehouse", Set.of(AttainRole.INTEGRATOR), "warehouse", null, Set.of("deals", "compensation")));
        assertThat(tokens.principal("bi-secret").orElseThrow().categories()).containsExactlyInAnyOrder("deals", "activities");
        assertThat(tokens.principal("plain-secret").orElseThrow().categories()).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StaticTokens.of(null, Map.of("x", "INTEGRATOR:x:deals;drop")))
                .withMessageContaining("malformed category");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MANAGER", "BOSS:cara", "MANAGER::team", "MANAGER:cara:team:extra", ""})
    void refusesAMalformedSpecWithoutNamingTheToken(String spec) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StaticTokens.of(null, Map.of("very-secret-token", spec)))
                .withMessageStartingWith("attain.security.tokens: entry 1")
                .withMessageNotContaining("very-secret-token");
    }
}
