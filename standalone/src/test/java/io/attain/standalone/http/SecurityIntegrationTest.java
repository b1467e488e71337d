package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.attain.standalone.http.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Authentication, the actuator, the OpenAPI document, and that no token ends up in the event log. */
@HttpApiTest
class SecurityIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    MongoDatabase database;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web, database);
        World.ensure(api);
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        // The Prometheus scrape outgrows the client's default 256 KB buffer once many commands ran.
        WebTestClient client = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        return client.get().uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthProbesNeedNoCredentials(String path) {
        get(path, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusIsForAdminsOnly() {
        get("/actuator/prometheus", null)
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:attain:problem:unauthorized");
        get("/actuator/prometheus", Tokens.FINANCE).expectStatus().isForbidden();
        get("/actuator/prometheus", Tokens.MANAGER_EAST).expectStatus().isForbidden();
        get("/actuator/prometheus", Tokens.ADMIN)
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> {
                    assertThat(body).contains("# TYPE", "jvm_", "attain_eventstore_positions");
                    // the lag of every projection's processor, whichever generation runs it
                    assertThat(body.lines().filter(l -> l.startsWith("attain_processor_lag{")))
                            .anyMatch(l -> l.contains("processor=\"funnel\""))
                            .anyMatch(l -> l.contains("processor=\"leaderboards\""))
                            .anyMatch(l -> l.contains("processor=\"attainment\""))
                            .anyMatch(l -> l.contains("processor=\"scorecards\""))
                            .anyMatch(l -> l.contains("processor=\"deal-timeline\""));
                });
    }

    @Test
    void otherActuatorEndpointsAreForAdminsOnly() {
        get("/actuator", null).expectStatus().isUnauthorized();
        get("/actuator", Tokens.AUDITOR).expectStatus().isForbidden();
        get("/actuator", Tokens.ADMIN).expectStatus().isOk();
    }

    @Test
    void theOpenApiDocumentNeedsAuthentication() {
        get("/v3/api-docs", null).expectStatus().isUnauthorized();
        get("/v3/api-docs", Tokens.ADMIN)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Attain API")
                .jsonPath("$.paths['/api/v1/targets'].post").exists()
                .jsonPath("$.paths['/api/v1/deals/{dealId}/credit-split'].put").exists()
                .jsonPath("$.paths['/api/v1/product-lines'].post").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
        get("/v3/api-docs", Tokens.AUDITOR).expectStatus().isOk();
    }

    @Test
    void swaggerUiIsReachableWithAToken() {
        get("/swagger-ui.html", null).expectStatus().isUnauthorized();
        get("/swagger-ui.html", Tokens.ADMIN).expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).contains("swagger-ui"));
        get("/webjars/swagger-ui/index.html", Tokens.ADMIN).expectStatus().isOk();
    }

    @Test
    void anUnknownTokenIsRejected() {
        api.send(HttpMethod.POST, "/api/v1/regions", "not-a-token", json("name", "X", "managerId", "m"))
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.detail").isEqualTo("The bearer token is not valid");
    }

    @Test
    void rolesThatSendNoCommandsAreRefusedBeforeTheBodyIsRead() {
        for (String token : new String[]{Tokens.FINANCE, Tokens.AUDITOR, Tokens.INTEGRATOR}) {
            for (String path : new String[]{"/api/v1/regions", "/api/v1/deals/x/stage", "/api/v1/product-lines"}) {
                api.send(HttpMethod.POST, path, token, "{ not json").expectStatus().isForbidden();
            }
        }
        api.send(HttpMethod.POST, "/api/v1/regions", Tokens.REP_ANNA, "{ not json").expectStatus().isBadRequest();
    }

    @Test
    void basicAuthenticationIsNotAccepted() {
        web.post().uri("/api/v1/regions")
                .headers(h -> h.setBasicAuth("admin", Tokens.ADMIN))
                .bodyValue(json("name", "X", "managerId", "m"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void noTokenOrPrincipalIsStoredInTheEventLog() {
        api.send(HttpMethod.POST, "/api/v1/activities/visits", Tokens.REP_ANNA,
                json("repId", World.ANNA, "customer", "Acme", "purpose", "demo", "outcome", "ok"))
                .expectStatus().isCreated();
        api.send(HttpMethod.POST, "/api/v1/activities/visits", Tokens.MANAGER_EAST,
                json("repId", World.BORIS, "customer", "Acme", "purpose", "demo", "outcome", "ok"))
                .expectStatus().isCreated();

        for (Document commit : database.getCollection("events").find()) {
            String stored = commit.toJson();
            assertThat(stored).doesNotContain(Tokens.ADMIN, Tokens.REP_ANNA, Tokens.MANAGER_EAST, Tokens.REP_BORIS,
                    Tokens.FINANCE, Tokens.AUDITOR, Tokens.INTEGRATOR, "attain.principal", "attain.roles");
        }
    }
}
