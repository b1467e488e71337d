package io.attain.standalone.query;

import io.attain.query.projection.ProjectionRuntime;
import io.attain.standalone.cli.ProjectionRebuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding projections through the admin API and the {@code rebuild} command line against the running app
 * (ADR 0004): ADMIN only; queries keep answering from the active generation and say a rebuild runs; a second
 * rebuild of the same projection is refused; the rebuilt generation answers the same afterwards.
 */
@QueryApiTest
class RebuildIntegrationTest {

    private static final String ADMIN_API = "/api/v1/admin/projections";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;
    @Autowired
    ProjectionRuntime runtime;
    @LocalServerPort
    int port;

    @AfterEach
    void release() {
        runtime.holdSwitches(false);
    }

    private WebTestClient.ResponseSpec post(String uri, String token) {
        WebTestClient.RequestBodySpec request = web.post().uri(uri);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return request.exchange();
    }

    private WebTestClient.ResponseSpec get(String uri, String token) {
        return new QueryApi(web).get(uri, token);
    }

    private Map<String, Object> status(String name) {
        return get(ADMIN_API + "/" + name, QueryApi.ADMIN).expectStatus().isOk().expectBody(JSON).returnResult()
                                                          .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    @Test
    void onlyAnAdminMayListOrRebuildProjections() {
        get(ADMIN_API, null).expectStatus().isUnauthorized()
                            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(ADMIN_API + "/funnel/rebuild", null).expectStatus().isUnauthorized()
                                                 .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        for (String token : List.of(QueryApi.REP_ANNA, "it-manager-east-token", "it-finance-token",
                                    "it-auditor-token", "it-integrator-token")) {
            get(ADMIN_API, token).expectStatus().isForbidden()
                                 .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            get(ADMIN_API + "/funnel", token).expectStatus().isForbidden();
            post(ADMIN_API + "/funnel/rebuild", token).expectStatus().isForbidden()
                                                      .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(status("funnel")).containsEntry("rebuildInProgress", false);
        Map<String, Object> all = get(ADMIN_API, QueryApi.ADMIN).expectStatus().isOk().expectBody(JSON)
                                                                .returnResult().getResponseBody();
        assertThat(((List<?>) all.get("projections")).stream().map(p -> (Object) ((Map<?, ?>) p).get("name")).toList())
                .containsExactlyInAnyOrder("funnel", "leaderboards", "attainment", "scorecards", "deal-timeline",
                        "statements", "partner-rebates", "channel-conflicts", "contests", "recognitions", "deal-list",
                        "directory", "activities", "kpis");
        post(ADMIN_API + "/nope/rebuild", QueryApi.ADMIN).expectStatus().isNotFound()
                                                         .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(ADMIN_API + "/nope", QueryApi.ADMIN).expectStatus().isNotFound();
    }

    @Test
    void queriesAnswerFromTheActiveGenerationDuringARebuildAndFromTheRebuiltOneAfter() {
        QueryApi api = new QueryApi(web);
        QueryApi.Org org = api.organisation();
        int year = QueryApi.uniqueYear();
        String deal = QueryApi.unique("rb");
        api.openDeal(deal, org.anna(), "Acme", 1200, "LEAD", year + "-05-02T10:00:00Z");
        api.win(deal, 1200, year + "-05-10T10:00:00Z");
        String board = "/api/v1/leaderboards/" + year + "-05?metric=REVENUE";
        Map<String, Object> before = api.read(board);
        assertThat((List<?>) before.get("entries")).hasSize(1);
        int generation = ((Number) status("leaderboards").get("generation")).intValue();

        runtime.holdSwitches(true); // keeps the rebuild from switching, so that it is observably in progress
        Map<String, Object> started = post(ADMIN_API + "/leaderboards/rebuild", QueryApi.ADMIN)
                .expectStatus().isAccepted()
                .expectHeader().location(ADMIN_API + "/leaderboards")
                .expectBody(JSON).returnResult().getResponseBody();
        String id = (String) started.get("rebuildId");
        assertThat(id).isNotBlank();
        assertThat(sub(started, "generations")).containsEntry("leaderboards", generation + 1);

        // a second rebuild of it is refused while this one runs (also as part of "all")
        post(ADMIN_API + "/leaderboards/rebuild", QueryApi.ADMIN)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).value(p -> assertThat(p).containsEntry("type", "urn:attain:problem:rebuild-in-progress"));
        post(ADMIN_API + "/all/rebuild", QueryApi.ADMIN).expectStatus().isEqualTo(409);

        Map<String, Object> running = status("leaderboards");
        assertThat(running).containsEntry("rebuildInProgress", true).containsEntry("generation", generation);
        assertThat(sub(running, "rebuild")).containsEntry("id", id).containsEntry("state", "RUNNING")
                                           .containsKeys("startedAt", "headAtStart", "position", "eventsProcessed",
                                                         "percent", "eventsPerSecond");

        // queries answer from the active generation, say that a rebuild runs, and keep the contract's shape
        Map<String, Object> during = get(board + "&minPosition=" + api.lastPosition(), QueryApi.ADMIN)
                .expectStatus().isOk()
                .expectHeader().valueEquals("Attain-Rebuild-In-Progress", "true")
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(during).isEqualTo(before);
        get("/api/v1/funnel/" + year + "-05", QueryApi.ADMIN).expectStatus().isOk()
                .expectHeader().doesNotExist("Attain-Rebuild-In-Progress");
        // live processing of the active generation goes on meanwhile
        String second = QueryApi.unique("rb");
        api.openDeal(second, org.boris(), "Beta", 300, "LEAD", year + "-05-03T10:00:00Z");
        api.win(second, 300, year + "-05-11T10:00:00Z");
        Map<String, Object> withSecond = api.read(board);
        assertThat((List<?>) withSecond.get("entries")).hasSize(2);

        // let it switch: the rebuilt generation becomes active and answers the same
        runtime.holdSwitches(false);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(
                () -> !(Boolean) status("leaderboards").get("rebuildInProgress"));
        Map<String, Object> done = status("leaderboards");
        assertThat(done).containsEntry("generation", generation + 1);
        assertThat(sub(done, "lastRebuild")).containsEntry("id", id).containsEntry("state", "DONE")
                                            .containsEntry("percent", 100.0).containsKey("finishedAt");
        Map<String, Object> after = get(board + "&minPosition=" + api.lastPosition(), QueryApi.ADMIN)
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Attain-Rebuild-In-Progress")
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(after).isEqualTo(withSecond);
    }

    @Test
    void theCommandLineRebuildsAndPrintsProgressUntilDone() {
        QueryApi api = new QueryApi(web);
        QueryApi.Org org = api.organisation();
        int year = QueryApi.uniqueYear();
        String deal = QueryApi.unique("cli");
        api.openDeal(deal, org.carl(), "Gamma", 700, "QUALIFIED", year + "-03-02T10:00:00Z");
        api.lose(deal, "price", year + "-03-20T10:00:00Z");
        String funnel = "/api/v1/funnel/" + year + "-Q1";
        Map<String, Object> before = api.read(funnel);
        int generation = ((Number) status("funnel").get("generation")).intValue();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ProjectionRebuild.run(new String[]{"funnel", "--server", "http://127.0.0.1:" + port,
                                                      "--interval", "0.2", "--timeout", "120"},
                                         Map.of("ATTAIN_TOKEN", QueryApi.ADMIN), o, e);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("rebuild ", "started: funnel into generation " + (generation + 1),
                                     "funnel: done, generation " + (generation + 1) + " active", "finished");
        assertThat(status("funnel")).containsEntry("generation", generation + 1);
        assertThat(get(funnel, QueryApi.ADMIN).expectStatus().isOk().expectBody(JSON).returnResult()
                                              .getResponseBody()).isEqualTo(before);

        // refused tokens and usage errors exit with 2
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream s = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
            assertThat(ProjectionRebuild.run(new String[]{"funnel", "--server", "http://127.0.0.1:" + port},
                                             Map.of("ATTAIN_TOKEN", QueryApi.REP_ANNA), s, s)).isEqualTo(2);
            assertThat(ProjectionRebuild.run(new String[]{"funnel"}, Map.of("ATTAIN_TOKEN", QueryApi.ADMIN), s, s))
                    .isEqualTo(2);
            assertThat(ProjectionRebuild.run(new String[]{"nope", "--server", "http://127.0.0.1:" + port},
                                             Map.of("ATTAIN_TOKEN", QueryApi.ADMIN), s, s)).isEqualTo(1);
        }
        assertThat(status("funnel")).containsEntry("rebuildInProgress", false);
    }
}
