package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.attain.standalone.query.QueryApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contests and recognition over HTTP: a MANAGER launches a contest for their team, deals are won inside and outside
 * its window, the live standings update, the contest is closed and its prizes awarded, a title is granted and
 * revoked, and the recognition history shows both; other roles are refused.
 */
@QueryApiTest
class ContestIntegrationTest {

    private static final String MANAGER_EAST = "it-manager-east-token";   // MANAGER mgr-east of it-team-east
    private static final String REP_BORIS = "it-rep-boris-token";         // REP it-boris of it-team-east

    @Autowired
    WebTestClient web;

    QueryApi api;
    int year;
    String eastRep;
    String otherRep;

    @BeforeEach
    void setUp() {
        api = new QueryApi(web);
        year = QueryApi.uniqueYear();
        String region = QueryApi.unique("cr");
        api.post("/api/v1/regions", json("regionId", region, "name", "Contests", "managerId", "mgr-east"));
        // the MANAGER and REP tokens' team and Anna (the REP token's rep); another test may have created them already
        ensure("/api/v1/teams", json("teamId", "it-team-east", "name", "East", "regionId", region,
                                     "managerId", "mgr-east"));
        ensure("/api/v1/reps", json("repId", "it-anna", "name", "it-anna", "role", "SALES_REP",
                                    "teamId", "it-team-east", "managerId", "mgr-east", "hireDate", "2016-01-04"));
        String otherTeam = QueryApi.unique("ct");
        api.post("/api/v1/teams", json("teamId", otherTeam, "name", "Other", "regionId", region, "managerId", "mgr-x"));
        eastRep = QueryApi.unique("east");
        otherRep = QueryApi.unique("other");
        api.post("/api/v1/reps", json("repId", eastRep, "name", "East Rep", "role", "SALES_REP",
                                      "teamId", "it-team-east", "managerId", "mgr-east", "hireDate", "2016-01-04"));
        api.post("/api/v1/reps", json("repId", otherRep, "name", "Other Rep", "role", "SALES_REP",
                                      "teamId", otherTeam, "managerId", "mgr-x", "hireDate", "2016-01-04"));
    }

    private void ensure(String path, Map<String, Object> body) {
        web.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(QueryApi.ADMIN))
           .bodyValue(body).exchange().expectStatus().value(s -> assertThat(s).isIn(201, 409));
    }

    private String at(String monthDay) {
        return year + "-" + monthDay + "T10:00:00Z";
    }

    private WebTestClient.ResponseSpec send(String token, String path, Object body) {
        return web.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(token))
                  .bodyValue(body).exchange();
    }

    /** Sends as the token, expects the status, and remembers the position of a successful write. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> expect(int status, String token, String path, Object body) {
        Map<String, Object> answer = send(token, path, body).expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
        return answer;
    }

    private Map<String, Object> contestBody(String contestId, List<String> reps) {
        return json("contestId", contestId, "name", "May sprint " + year, "startsOn", year + "-05-01",
                    "endsOn", year + "-05-31", "metric", "REVENUE", "currency", "EUR", "participantRepIds", reps,
                    "prizes", List.of(json("rank", 1, "money", json("amount", 100, "currency", "EUR"),
                                           "title", "Champion"),
                                      json("rank", 2, "title", "Runner-up")),
                    "occurredAt", at("04-28"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> standings(Map<String, Object> contest) {
        return (List<Map<String, Object>>) contest.get("standings");
    }

    private Map<String, Object> read(String uri, String token) {
        String sep = uri.contains("?") ? "&" : "?";
        return api.get(uri + sep + "minPosition=" + api.lastPosition(), token).expectStatus().isOk()
                  .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                  }).returnResult().getResponseBody();
    }

    @Test
    void aManagersContestFromLaunchToAwardsWithLiveStandingsAndRecognition() {
        String contest = QueryApi.unique("contest");

        // refusals and bad input: nothing is launched
        expect(403, MANAGER_EAST, "/api/v1/contests", contestBody(QueryApi.unique("c"), List.of(eastRep, otherRep)));
        expect(403, QueryApi.REP_ANNA, "/api/v1/contests", contestBody(QueryApi.unique("c"), List.of("it-anna")));
        Map<String, Object> bad = contestBody(QueryApi.unique("c"), List.of(eastRep));
        bad.put("endsOn", year + "-04-30");
        send(MANAGER_EAST, "/api/v1/contests", bad).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("endsOn");

        // the MANAGER launches a contest for their team (the Idempotency-Key replays the first answer)
        Map<String, Object> body = contestBody(contest, List.of(eastRep, "it-anna"));
        String key = QueryApi.unique("launch");
        Map<?, ?> first = web.post().uri("/api/v1/contests").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> { h.setBearerAuth(MANAGER_EAST); h.set("Idempotency-Key", key); })
                .bodyValue(body).exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/contests/" + contest)
                .expectBody(Map.class).returnResult().getResponseBody();
        web.post().uri("/api/v1/contests").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> { h.setBearerAuth(MANAGER_EAST); h.set("Idempotency-Key", key); })
                .bodyValue(body).exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).isEqualTo(first);
        expect(409, QueryApi.ADMIN, "/api/v1/contests", body);
        // the manager reads it once the read model has the launch (the live view authorizes on the projected contest)
        long launched = ((Number) first.get("position")).longValue();
        assertThat(api.get("/api/v1/contests/" + contest + "?minPosition=" + launched, MANAGER_EAST)
                      .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                      }).returnResult().getResponseBody()).containsEntry("status", "LAUNCHED");

        // live standings: empty first, then the win inside the window
        Flux<ServerSentEvent<Map<String, Object>>> stream = web.get().uri("/api/v1/contests/" + contest + "/live")
                .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> h.setBearerAuth(MANAGER_EAST))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody();
        List<ServerSentEvent<Map<String, Object>>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = stream.filter(e -> e.data() != null).subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            assertThat(received.get(0).event()).isEqualTo("contest");
            assertThat(standings(received.get(0).data())).isEmpty();

            String inside = QueryApi.unique("d");
            api.openDeal(inside, eastRep, "Acme", 1000, "LEAD", at("04-20"));
            api.win(inside, 1000, at("05-10"));
            await().atMost(Duration.ofSeconds(30))
                   .until(() -> standings(received.get(received.size() - 1).data()).size() == 1);
            Map<String, Object> top = standings(received.get(received.size() - 1).data()).get(0);
            assertThat(top).containsEntry("repId", eastRep).containsEntry("rank", 1);
            assertThat(new BigDecimal(top.get("value").toString())).isEqualByComparingTo("1000");
        } finally {
            subscription.dispose();
        }

        // outside the window, and a rep who does not take part: not counted
        String late = QueryApi.unique("d");
        api.openDeal(late, "it-anna", "Acme", 5000, "LEAD", at("04-20"));
        api.win(late, 5000, at("06-02"));
        String other = QueryApi.unique("d");
        api.openDeal(other, otherRep, "Acme", 9000, "LEAD", at("04-20"));
        api.win(other, 9000, at("05-15"));
        String small = QueryApi.unique("d");
        api.openDeal(small, "it-anna", "Acme", 300, "LEAD", at("04-20"));
        api.win(small, 300, at("05-31"));
        Map<String, Object> view = read("/api/v1/contests/" + contest, QueryApi.REP_ANNA);  // a participant reads it
        assertThat(standings(view)).extracting(e -> e.get("repId"), e -> e.get("rank"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(eastRep, 1),
                                 org.assertj.core.groups.Tuple.tuple("it-anna", 2));
        assertThat(view).containsEntry("status", "LAUNCHED").containsEntry("organizerTeamId", "it-team-east");
        api.get("/api/v1/contests/" + contest, REP_BORIS).expectStatus().isForbidden();
        api.get("/api/v1/contests/" + QueryApi.unique("nope"), QueryApi.ADMIN).expectStatus().isNotFound();
        api.get("/api/v1/contests/" + QueryApi.unique("nope"), REP_BORIS).expectStatus().isForbidden();

        // close after the window, award: rules and roles
        expect(409, MANAGER_EAST, "/api/v1/contests/" + contest + "/awards", json("rank", 1, "repId", eastRep));
        expect(409, MANAGER_EAST, "/api/v1/contests/" + contest + "/closing", json("occurredAt", at("05-31")));
        expect(200, MANAGER_EAST, "/api/v1/contests/" + contest + "/closing", json("occurredAt", at("06-01")));
        expect(403, QueryApi.REP_ANNA, "/api/v1/contests/" + contest + "/awards", json("rank", 1, "repId", "it-anna"));
        expect(422, MANAGER_EAST, "/api/v1/contests/" + contest + "/awards", json("rank", 2, "repId", otherRep));
        expect(422, MANAGER_EAST, "/api/v1/contests/" + contest + "/awards", json("rank", 3, "repId", "it-anna"));
        api.post("/api/v1/contests/" + contest + "/awards", json("rank", 1, "repId", eastRep,
                                                                 "occurredAt", at("06-02")));
        expect(409, MANAGER_EAST, "/api/v1/contests/" + contest + "/awards", json("rank", 1, "repId", "it-anna"));
        Map<String, Object> closed = read("/api/v1/contests/" + contest, MANAGER_EAST);   // after the award
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("closedBy", "mgr-east");
        assertThat((List<?>) closed.get("awards")).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> annasContests = (List<Map<String, Object>>) read("/api/v1/contests",
                                                                                   QueryApi.REP_ANNA).get("contests");
        assertThat(annasContests).extracting(c -> c.get("contestId")).contains(contest);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> borisContests = (List<Map<String, Object>>) read("/api/v1/contests",
                                                                                    REP_BORIS).get("contests");
        assertThat(borisContests).extracting(c -> c.get("contestId")).doesNotContain(contest);

        // recognition outside the contest: granted by the manager, revoked by an admin
        expect(403, MANAGER_EAST, "/api/v1/reps/" + otherRep + "/recognitions",
               json("title", "Star", "reason", "not my team"));
        String title = QueryApi.unique("r");
        Map<String, Object> granted = expect(201, MANAGER_EAST, "/api/v1/reps/" + eastRep + "/recognitions",
                json("recognitionId", title, "title", "President's Club " + year, "reason", "top 5%",
                     "occurredAt", at("12-15")));
        assertThat(granted).containsKey("position");
        api.post("/api/v1/recognitions/" + title + "/revocation", json("reason", "granted in error",
                                                                     "occurredAt", at("12-20")));
        expect(409, QueryApi.ADMIN, "/api/v1/recognitions/" + title + "/revocation", json("reason", "again"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) read(
                "/api/v1/reps/" + eastRep + "/recognitions", MANAGER_EAST).get("recognitions");
        assertThat(history).extracting(i -> i.get("kind"), i -> i.get("title"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AWARD", "Champion"),
                                 org.assertj.core.groups.Tuple.tuple("TITLE", "President's Club " + year));
        assertThat(history.get(1)).containsKey("revoked");
        api.get("/api/v1/reps/" + eastRep + "/recognitions", QueryApi.REP_ANNA).expectStatus().isForbidden();
        api.get("/api/v1/reps/" + eastRep + "/recognitions", "it-finance-token").expectStatus().isOk();

    }
}
