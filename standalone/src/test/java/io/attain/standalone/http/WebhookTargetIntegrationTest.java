package io.attain.standalone.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSRF: with the default settings ({@code attain.webhooks.allow-private-targets} unset) a webhook on loopback,
 * link-local, private or unique-local addresses is refused, naming the field, and nothing is stored.
 */
@HttpApiTest
class WebhookTargetIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8080/hook, loopback", "http://localhost/hook, loopback",
                "http://[::1]/hook, loopback", "http://169.254.169.254/latest/meta-data, link-local",
                "http://10.1.2.3/hook, private", "https://192.168.0.10/hook, private",
                "http://[fd00::1]/hook, unique-local", "http://0.0.0.0/hook, unspecified"})
    @SuppressWarnings("unchecked")
    void aPrivateTargetIsRefusedByDefault(String url, String kind) {
        Map<String, Object> problem = web.post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(Tokens.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();
        Map<String, Object> error = ((List<Map<String, Object>>) problem.get("errors")).get(0);
        assertThat(error).containsEntry("field", "url");
        assertThat(error.get("rule").toString()).contains(kind);

        List<Map<String, Object>> webhooks = (List<Map<String, Object>>) web.get().uri("/api/v1/webhooks")
                .headers(h -> h.setBearerAuth(Tokens.ADMIN)).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("webhooks");
        assertThat(webhooks).noneMatch(w -> url.equals(w.get("url")));
    }
}
