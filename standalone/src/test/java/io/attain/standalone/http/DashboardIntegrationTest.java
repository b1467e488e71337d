package io.attain.standalone.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over HTTP: the page and its files are open and bundled (nothing fetched from elsewhere), the data
 * behind it is not; {@code /api/v1/me} tells the page who signed in.
 */
@HttpApiTest
class DashboardIntegrationTest {

    static final String ADMIN = Tokens.ADMIN;
    static final String REP = Tokens.REP_ANNA;

    /** A reference that would make the browser fetch from another host (a CDN, a font service …). */
    private static final Pattern EXTERNAL = Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//|@import|url\\(\\s*[\"']?(https?:)?//");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsFilesAreOpenAndSelfContained() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("name=\"token\"").contains("/dashboard/app.js");
        for (String file : new String[]{"/dashboard/app.js", "/dashboard/app.css"}) {
            HttpResponse<String> asset = get(file, null);
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(EXTERNAL.matcher(asset.body()).find()).as(file + " refers to another host").isFalse();
        }
        assertThat(EXTERNAL.matcher(page.body()).find()).as("index.html refers to another host").isFalse();
    }

    @Test
    void theDataBehindThePageNeedsAToken() throws Exception {
        assertThat(get("/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/leaderboards/2017", null).statusCode()).isEqualTo(401);
        assertThat(get("/dashboard/../api/v1/me", null).statusCode()).isIn(400, 401, 404);
        assertThat(get("/api/v1/me", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void meNamesThePrincipalOfTheToken() throws Exception {
        HttpResponse<String> rep = get("/api/v1/me", REP);
        assertThat(rep.statusCode()).isEqualTo(200);
        Map<?, ?> me = new ObjectMapper().readValue(rep.body(), Map.class);
        assertThat(me.get("roles")).isEqualTo(java.util.List.of("REP"));
        assertThat(me.get("repId")).isEqualTo(World.ANNA);
        assertThat(me.get("teamId")).isEqualTo(World.TEAM_EAST);

        Map<?, ?> admin = new ObjectMapper().readValue(get("/api/v1/me", ADMIN).body(), Map.class);
        assertThat(admin.get("roles")).isEqualTo(java.util.List.of("ADMIN"));
        assertThat(admin.get("repId")).isNull();
    }
}
