package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static io.attain.standalone.http.Api.json;
import static io.attain.standalone.http.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the command API, on its happy path, through HTTP on the embedded store. */
@HttpApiTest
class CommandApiIntegrationTest {

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

    /** 201 with Location and {aggregateId, version, position}; returns the body. */
    private Map<String, Object> created(String path, Object body, String expectedLocation, String expectedAggregate) {
        long before = api.eventCount();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = api.post(path, body)
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", expectedLocation)
                .expectHeader().contentType("application/json")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(result).containsOnlyKeys("aggregateId", "version", "position")
                .containsEntry("aggregateId", expectedAggregate);
        assertThat(((Number) result.get("position")).longValue()).isGreaterThan(0);
        assertThat(api.eventCount()).isEqualTo(before + 1);
        return result;
    }

    private static long version(Map<String, Object> result) {
        return ((Number) result.get("version")).longValue();
    }

    private static long position(Map<String, Object> result) {
        return ((Number) result.get("position")).longValue();
    }

    @Test
    void createsARegionWithAGeneratedId() {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = api.post("/api/v1/regions", json("name", "North", "managerId", "mgr-north"))
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).matches("/api/v1/regions/[0-9a-f-]{36}"))
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(result.get("aggregateId").toString()).matches("[0-9a-f-]{36}");
        assertThat(version(result)).isZero();
    }

    @Test
    void createsATeamAndChangesItsManager() {
        String team = unique("team");
        Map<String, Object> created = created("/api/v1/teams",
                json("teamId", team, "name", "South", "regionId", World.REGION, "managerId", "mgr-a"),
                "/api/v1/teams/" + team, team);

        Map<String, Object> changed = api.ok(HttpMethod.PUT, "/api/v1/teams/" + team + "/manager",
                json("managerId", "mgr-b", "occurredAt", "2017-05-04T09:30:00Z"));

        assertThat(changed).containsEntry("aggregateId", team);
        assertThat(version(changed)).isEqualTo(version(created) + 1);
        assertThat(position(changed)).isGreaterThan(position(created));
    }

    @Test
    void onboardsTransfersAndOffboardsARep() {
        String rep = "Anna Snelling " + unique("x");
        Map<String, Object> onboarded = created("/api/v1/reps", World.rep(rep, World.TEAM_EAST),
                "/api/v1/reps/" + rep.replace(" ", "%20"), rep);

        Map<String, Object> transferred = api.ok(HttpMethod.POST, "/api/v1/reps/" + rep + "/transfers",
                json("toTeamId", World.TEAM_WEST, "toManagerId", "mgr-west", "effectiveDate", "2017-01-01"));
        Map<String, Object> offboarded = api.ok(HttpMethod.POST, "/api/v1/reps/" + rep + "/offboarding",
                json("effectiveDate", "2017-07-01"));

        assertThat(List.of(version(onboarded), version(transferred), version(offboarded))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void theTargetsContractAssignsARepTarget() {
        String rep = unique("rep");
        api.ok(HttpMethod.POST, "/api/v1/reps", World.rep(rep, World.TEAM_EAST));

        long before = api.eventCount();
        web.post().uri("/api/v1/targets")
                .headers(h -> h.setBearerAuth(Tokens.ADMIN))
                .header("Content-Type", "application/json")
                .bodyValue("""
                        {"repId": "%s", "period": "2017-Q2", "metric": "REVENUE", "amount": 150000, "currency": "USD"}
                        """.formatted(rep))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/targets/"))
                .expectBody()
                .jsonPath("$.aggregateId").isEqualTo(rep)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.position").isNumber();
        assertThat(api.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void assignsAndRevisesTeamAndRepTargets() {
        String rep = unique("rep");
        api.ok(HttpMethod.POST, "/api/v1/reps", World.rep(rep, World.TEAM_EAST));
        String repTarget = unique("t");
        created("/api/v1/targets", json("repId", rep, "targetId", repTarget, "period", "2017-05",
                "metric", "PRODUCT_REVENUE", "productLine", World.PRODUCT, "amount", "50000.00", "currency", "EUR",
                "occurredAt", "2017-04-28T08:00:00Z"), "/api/v1/targets/" + repTarget, rep);
        Map<String, Object> revised = api.ok(HttpMethod.POST, "/api/v1/targets/" + repTarget + "/revisions",
                json("repId", rep, "amount", 55000, "reason", "market grew"));
        assertThat(revised).containsEntry("aggregateId", rep);
        assertThat(version(revised)).isEqualTo(2);

        String team = unique("team");
        api.ok(HttpMethod.POST, "/api/v1/teams", json("teamId", team, "name", "T", "regionId", World.REGION,
                "managerId", "m"));
        String teamTarget = unique("tt");
        created("/api/v1/targets", json("teamId", team, "targetId", teamTarget, "period", "2017",
                "metric", "DEALS_WON", "amount", 40), "/api/v1/targets/" + teamTarget, team);
        assertThat(api.ok(HttpMethod.POST, "/api/v1/targets/" + teamTarget + "/revisions",
                json("teamId", team, "amount", 45, "reason", "new hire"))).containsEntry("aggregateId", team);
    }

    @Test
    void logsVisitsCallsAndProposals() {
        String visit = unique("v");
        created("/api/v1/activities/visits", json("activityId", visit, "repId", World.ANNA, "customer", "Acme",
                "purpose", "demo", "outcome", "interested"), "/api/v1/activities/" + visit, World.ANNA);
        String call = unique("c");
        created("/api/v1/activities/calls", json("activityId", call, "repId", World.ANNA, "customer", "Acme",
                "purpose", "follow-up", "outcome", "callback", "occurredAt", "2017-05-04T09:30:00Z"),
                "/api/v1/activities/" + call, World.ANNA);
        String proposal = unique("p");
        created("/api/v1/activities/proposals", json("activityId", proposal, "repId", World.ANNA, "customer", "Acme",
                "productLine", World.PRODUCT, "amount", 1200.5, "currency", "EUR"),
                "/api/v1/activities/" + proposal, World.ANNA);

        @SuppressWarnings("unchecked")
        Map<String, Object> generated = api.post("/api/v1/activities/visits", json("repId", World.ANNA,
                        "customer", "Acme", "purpose", "demo", "outcome", "ok"))
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).matches("/api/v1/activities/[0-9a-f-]{36}"))
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(generated).containsEntry("aggregateId", World.ANNA);
    }

    @Test
    void movesADealThroughTheFunnel() {
        String deal = unique("d");
        Map<String, Object> opened = created("/api/v1/deals", json("dealId", deal, "ownerRepId", World.ANNA,
                "customer", "Acme", "productLine", World.PRODUCT, "channel", "DISTRIBUTOR", "partnerId", "p-1",
                "amount", "1200.50", "currency", "EUR", "expectedCloseDate", "2027-06-30", "stage", "QUALIFIED"),
                "/api/v1/deals/" + deal, deal);

        Map<String, Object> amount = api.ok(HttpMethod.PUT, "/api/v1/deals/" + deal + "/amount",
                json("amount", 1300, "currency", "EUR"));
        Map<String, Object> split = api.ok(HttpMethod.PUT, "/api/v1/deals/" + deal + "/credit-split",
                json("shares", List.of(json("repId", World.ANNA, "percentage", 60),
                        json("repId", World.BORIS, "percentage", "40.00"))));
        Map<String, Object> proposal = api.ok(HttpMethod.POST, "/api/v1/deals/" + deal + "/stage",
                json("stage", "PROPOSAL"));
        Map<String, Object> won = api.ok(HttpMethod.POST, "/api/v1/deals/" + deal + "/stage",
                json("stage", "WON", "reason", "best price", "finalAmount", json("amount", 1250, "currency", "EUR")));
        Map<String, Object> reopened = api.ok(HttpMethod.POST, "/api/v1/deals/" + deal + "/reopening",
                json("reason", "customer came back", "stage", "PROPOSAL"));
        Map<String, Object> lost = api.ok(HttpMethod.POST, "/api/v1/deals/" + deal + "/stage",
                json("stage", "LOST", "reason", "price"));

        assertThat(List.of(opened, amount, split, proposal, won, reopened, lost))
                .extracting(r -> version(r)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(List.of(opened, amount, split, proposal, won, reopened, lost))
                .extracting(r -> position(r)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void registersAProductLine() {
        String product = "GTX " + unique("pro");
        created("/api/v1/product-lines", json("productLineId", product, "series", "GTX",
                "listPrice", json("amount", 5482, "currency", "USD")),
                "/api/v1/product-lines/" + product.replace(" ", "%20"), product);
    }
}
