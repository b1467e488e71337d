package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.attain.standalone.http.Api.json;
import static io.attain.standalone.http.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Bad requests answer {@code application/problem+json} with {@code type, title, status, detail, errors},
 * and none of them appends anything.
 */
@HttpApiTest
class ProblemResponsesIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    MongoDatabase database;

    Api api;
    String openDeal;
    String lostDeal;
    String visit;

    @BeforeEach
    void setUp() {
        api = new Api(web, database);
        World.ensure(api);
        openDeal = unique("open-deal");
        api.ok(HttpMethod.POST, "/api/v1/deals", World.deal(openDeal, World.ANNA));
        lostDeal = unique("lost-deal");
        api.ok(HttpMethod.POST, "/api/v1/deals", World.deal(lostDeal, World.ANNA));
        api.ok(HttpMethod.POST, "/api/v1/deals/" + lostDeal + "/stage", json("stage", "LOST", "reason", "price"));
        visit = unique("visit");
        api.ok(HttpMethod.POST, "/api/v1/activities/visits", json("activityId", visit, "repId", World.ANNA,
                "customer", "Acme", "purpose", "demo", "outcome", "ok"));
    }

    /** A bad request and the problem it must get: status, type (urn:attain:problem:…) and the fields named. */
    record Bad(String name, HttpMethod method, String path, String contentType, String body, int status, String type,
               List<String> fields, String rule) {
    }

    private static Bad bad(String name, HttpMethod method, String path, String body, int status, String type,
                           List<String> fields, String rule) {
        return new Bad(name, method, path, MediaType.APPLICATION_JSON_VALUE, body, status, type, fields, rule);
    }

    private List<Bad> batch() {
        String deal = "/api/v1/deals";
        String dealJson = """
                {"ownerRepId":"%s","customer":"Acme","productLine":"%s","channel":"%s","amount":%s,"currency":"EUR"}""";
        List<Bad> batch = new ArrayList<>();
        batch.add(bad("malformed JSON", HttpMethod.POST, deal, "{\"dealId\": ", 400, "malformed-request",
                List.of("body"), "must be well-formed JSON"));
        batch.add(bad("not an object", HttpMethod.POST, "/api/v1/regions", "[1, 2]", 400, "malformed-request",
                List.of("body"), "must be a JSON object"));
        batch.add(bad("missing fields are each named", HttpMethod.POST, "/api/v1/reps", "{}", 422, "invalid-request",
                List.of("name", "role", "teamId", "managerId", "hireDate"), null));
        batch.add(bad("missing deal fields", HttpMethod.POST, deal, "{\"ownerRepId\":\"it-anna\"}", 422,
                "invalid-request", List.of("customer", "productLine", "channel", "amount", "currency"), null));
        batch.add(bad("unknown channel names the allowed values", HttpMethod.POST, deal,
                dealJson.formatted(World.ANNA, World.PRODUCT, "TELEPATHY", "100"), 400, "malformed-request",
                List.of("channel"), "must be one of [DIRECT, DISTRIBUTOR, AGENT, ECOMMERCE, SOCIAL]"));
        batch.add(bad("unknown stage", HttpMethod.POST, deal + "/" + openDeal + "/stage", "{\"stage\":\"DONE\"}", 400,
                "malformed-request", List.of("stage"), "must be one of [LEAD, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST]"));
        batch.add(bad("unknown metric", HttpMethod.POST, "/api/v1/targets",
                "{\"repId\":\"it-anna\",\"period\":\"2017-05\",\"metric\":\"HAPPINESS\",\"amount\":1}", 400,
                "malformed-request", List.of("metric"), null));
        batch.add(bad("negative deal amount", HttpMethod.POST, deal,
                dealJson.formatted(World.ANNA, World.PRODUCT, "DIRECT", "-5"), 422, "rule-violation",
                List.of("amount"), "must be positive"));
        batch.add(bad("non-numeric amount", HttpMethod.POST, deal,
                dealJson.formatted(World.ANNA, World.PRODUCT, "DIRECT", "\"lots\""), 400, "malformed-request",
                List.of("amount"), "must be a number"));
        batch.add(bad("negative target amount", HttpMethod.POST, "/api/v1/targets",
                "{\"repId\":\"it-anna\",\"period\":\"2017-05\",\"metric\":\"VISITS\",\"amount\":-1}", 422,
                "rule-violation", List.of("amount"), "must be positive"));
        batch.add(bad("bad period month", HttpMethod.POST, "/api/v1/targets",
                "{\"repId\":\"it-anna\",\"period\":\"2017-13\",\"metric\":\"VISITS\",\"amount\":1}", 400,
                "malformed-request", List.of("period"), null));
        batch.add(bad("bad period shape", HttpMethod.POST, "/api/v1/targets",
                "{\"repId\":\"it-anna\",\"period\":\"Q2-2017\",\"metric\":\"VISITS\",\"amount\":1}", 400,
                "malformed-request", List.of("period"), null));
        batch.add(bad("both rep and team", HttpMethod.POST, "/api/v1/targets",
                "{\"repId\":\"it-anna\",\"teamId\":\"it-team-east\",\"period\":\"2017-05\",\"metric\":\"VISITS\",\"amount\":1}",
                422, "invalid-request", List.of("repId", "teamId"), "exactly one of repId and teamId is required"));
        batch.add(bad("neither rep nor team", HttpMethod.POST, "/api/v1/targets",
                "{\"period\":\"2017-05\",\"metric\":\"VISITS\",\"amount\":1}", 422, "invalid-request",
                List.of("repId", "teamId"), null));
        batch.add(bad("currency on a count metric", HttpMethod.POST, "/api/v1/targets",
                "{\"repId\":\"it-anna\",\"period\":\"2017-05\",\"metric\":\"VISITS\",\"amount\":1,\"currency\":\"EUR\"}",
                422, "rule-violation", List.of("currency"), "is not allowed for count metrics"));
        batch.add(bad("unknown deal", HttpMethod.POST, deal + "/no-such-deal/stage", "{\"stage\":\"WON\"}", 404,
                "not-found", List.of(), null));
        batch.add(bad("unknown rep", HttpMethod.POST, "/api/v1/reps/no-such-rep/transfers",
                "{\"toTeamId\":\"it-team-west\",\"toManagerId\":\"m\",\"effectiveDate\":\"2017-06-01\"}", 404,
                "not-found", List.of(), null));
        batch.add(bad("closed deal cannot move", HttpMethod.POST, deal + "/" + lostDeal + "/stage",
                "{\"stage\":\"WON\"}", 409, "illegal-transition", List.of("dealId"), null));
        batch.add(bad("open deal cannot be reopened", HttpMethod.POST, deal + "/" + openDeal + "/reopening",
                "{\"reason\":\"why\"}", 409, "illegal-transition", List.of("dealId"), "deal is not closed"));
        batch.add(bad("region exists already", HttpMethod.POST, "/api/v1/regions",
                "{\"regionId\":\"" + World.REGION + "\",\"name\":\"East\",\"managerId\":\"m\"}", 409, "duplicate",
                List.of(), null));
        batch.add(bad("activity logged already", HttpMethod.POST, "/api/v1/activities/visits",
                "{\"activityId\":\"" + visit + "\",\"repId\":\"it-anna\",\"customer\":\"Acme\",\"purpose\":\"demo\",\"outcome\":\"ok\"}",
                409, "duplicate", List.of("activityId"), "activity already logged"));
        batch.add(bad("credit split not summing to 100", HttpMethod.PUT, deal + "/" + openDeal + "/credit-split",
                "{\"shares\":[{\"repId\":\"it-anna\",\"percentage\":50},{\"repId\":\"it-boris\",\"percentage\":40}]}",
                422, "rule-violation", List.of("shares"), "must sum to exactly 100"));
        batch.add(bad("credit split with an unknown rep", HttpMethod.PUT, deal + "/" + openDeal + "/credit-split",
                "{\"shares\":[{\"repId\":\"it-anna\",\"percentage\":50},{\"repId\":\"ghost\",\"percentage\":50}]}",
                422, "rule-violation", List.of("shares[1].repId"), "no such rep"));
        batch.add(bad("unknown currency", HttpMethod.PUT, deal + "/" + openDeal + "/amount",
                "{\"amount\":10,\"currency\":\"EURO\"}", 422, "invalid-request", List.of("currency"), null));
        batch.add(bad("other currency than the deal's", HttpMethod.PUT, deal + "/" + openDeal + "/amount",
                "{\"amount\":10,\"currency\":\"USD\"}", 422, "rule-violation", List.of("amount"),
                "must be in the currency of the deal"));
        batch.add(bad("lost without reason", HttpMethod.POST, deal + "/" + openDeal + "/stage", "{\"stage\":\"LOST\"}",
                422, "rule-violation", List.of("reason"), "is required when the deal is lost"));
        batch.add(bad("closed initial stage is named as the request calls it", HttpMethod.POST, deal,
                "{\"ownerRepId\":\"it-anna\",\"customer\":\"Acme\",\"productLine\":\"x\",\"channel\":\"DIRECT\",\"amount\":1,\"currency\":\"EUR\",\"stage\":\"WON\"}",
                422, "rule-violation", List.of("stage"), "must be an open stage"));
        batch.add(bad("impossible date", HttpMethod.POST, "/api/v1/reps",
                "{\"name\":\"n\",\"role\":\"SALES_REP\",\"teamId\":\"it-team-east\",\"managerId\":\"m\",\"hireDate\":\"2017-02-30\"}",
                400, "malformed-request", List.of("hireDate"), null));
        batch.add(bad("owner who is no rep", HttpMethod.POST, deal,
                dealJson.formatted("ghost", World.PRODUCT, "DIRECT", "100"), 422, "rule-violation",
                List.of("ownerRepId"), "no such rep"));
        batch.add(bad("rep into a team that does not exist", HttpMethod.POST, "/api/v1/reps",
                "{\"name\":\"n\",\"role\":\"SALES_REP\",\"teamId\":\"ghost-team\",\"managerId\":\"m\",\"hireDate\":\"2017-02-01\"}",
                422, "rule-violation", List.of("teamId"), "no such team"));
        batch.add(bad("non-positive list price", HttpMethod.POST, "/api/v1/product-lines",
                "{\"productLineId\":\"" + unique("free") + "\",\"series\":\"S\",\"listPrice\":{\"amount\":0,\"currency\":\"EUR\"}}",
                422, "rule-violation", List.of("listPrice"), "must be positive"));
        batch.add(new Bad("not JSON", HttpMethod.POST, "/api/v1/regions", MediaType.TEXT_PLAIN_VALUE, "East", 415,
                "unsupported-media-type", List.of(), null));
        batch.add(bad("no such endpoint", HttpMethod.POST, "/api/v1/nothing", "{}", 404, "not-found", List.of(), null));
        return batch;
    }

    @Test
    void aBatchOfBadRequestsGetsProblemsAndAppendsNothing() {
        List<Bad> batch = batch();
        long before = api.eventCount();

        List<Executable> checks = new ArrayList<>();
        for (Bad bad : batch) {
            Map<String, Object> problem = send(bad);
            checks.add(() -> assertProblem(bad, problem));
        }

        assertThat(batch).hasSizeGreaterThanOrEqualTo(20);
        assertAll(checks);
        assertThat(api.eventCount()).as("events after %d bad requests", batch.size()).isEqualTo(before);
    }

    @Test
    void aProblemHasAllItsMembers() {
        web.post().uri("/api/v1/deals/" + lostDeal + "/stage")
                .headers(h -> h.setBearerAuth(Tokens.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"stage\":\"WON\"}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:attain:problem:illegal-transition")
                .jsonPath("$.title").isEqualTo("Not allowed in the current state")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.detail").isEqualTo("dealId: deal is closed; only ReopenDeal can change it")
                .jsonPath("$.instance").isEqualTo("/api/v1/deals/" + lostDeal + "/stage")
                .jsonPath("$.errors[0].field").isEqualTo("dealId")
                .jsonPath("$.errors[0].rule").isEqualTo("deal is closed; only ReopenDeal can change it");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(Bad bad) {
        var result = web.method(bad.method()).uri(bad.path())
                .headers(h -> h.setBearerAuth(Tokens.ADMIN))
                .header("Content-Type", bad.contentType())
                .bodyValue(bad.body())
                .exchange()
                .expectBody(Map.class).returnResult();
        Map<String, Object> problem = result.getResponseBody() == null ? Map.of() : new java.util.HashMap<>(result.getResponseBody());
        problem.put("_httpStatus", result.getStatus().value());
        problem.put("_contentType", String.valueOf(result.getResponseHeaders().getContentType()));
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static void assertProblem(Bad bad, Map<String, Object> problem) {
        String as = bad.name() + " → " + problem;
        assertThat(problem.get("_httpStatus")).as(as).isEqualTo(bad.status());
        assertThat(problem.get("_contentType")).as(as).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(problem).as(as).containsKeys("type", "title", "status", "detail", "errors");
        assertThat(problem.get("type")).as(as).isEqualTo("urn:attain:problem:" + bad.type());
        assertThat(problem.get("status")).as(as).isEqualTo(bad.status());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).as(as).extracting(e -> e.get("field")).containsAll(bad.fields());
        assertThat(errors).as(as).allSatisfy(e -> assertThat(e).containsKeys("field", "rule"));
        if (bad.rule() != null) {
            assertThat(errors).as(as).extracting(e -> e.get("rule")).contains(bad.rule());
        }
    }
}
