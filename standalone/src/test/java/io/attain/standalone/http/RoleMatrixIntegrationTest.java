package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.attain.standalone.http.Api.json;
import static io.attain.standalone.http.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role × endpoint: every write endpoint with every role (and without credentials). The MANAGER
 * manages team east; the REP is Anna of team east; Boris is her teammate, Carl is in team west.
 * A refusal (401, 403) appends nothing; an allowed request appends its event. Compensation cases prepare their
 * statements through the commission process (a plan and a target in a far-future year of their own, a won deal)
 * and wait for its line before the request.
 */
@HttpApiTest
class RoleMatrixIntegrationTest {

    private static final List<String> ROLES = List.of("ADMIN", "MANAGER", "REP", "FINANCE", "AUDITOR", "INTEGRATOR", "NONE");
    private static final AtomicInteger YEARS = new AtomicInteger(2100); // 2101-2140: apart from Compensation's and QueryApi's, within 2200 (InputContract)

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

    record Request(HttpMethod method, String path, Object body) {
    }

    /** An endpoint call, prepared (as ADMIN) afresh for every role, and what ADMIN, MANAGER, REP and FINANCE get. */
    record Case(String name, Function<Api, Request> prepare, int admin, int manager, int rep, int finance) {
        Case(String name, Function<Api, Request> prepare, int admin, int manager, int rep) {
            this(name, prepare, admin, manager, rep, 403);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> arguments = new ArrayList<>();
        for (Case c : cases()) {
            for (String role : ROLES) {
                int expected = switch (role) {
                    case "ADMIN" -> c.admin();
                    case "MANAGER" -> c.manager();
                    case "REP" -> c.rep();
                    case "FINANCE" -> c.finance();
                    case "NONE" -> 401;
                    default -> 403;
                };
                arguments.add(Arguments.of(c, role, expected));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void eachRoleGetsWhatItMayDo(Case c, String role, int expected) {
        Request request = c.prepare().apply(api);
        long before = api.eventCount();

        api.send(request.method(), request.path(), "NONE".equals(role) ? null : Tokens.BY_ROLE.get(role), request.body())
                .expectStatus().isEqualTo(expected)
                .expectHeader().contentType(expected < 400 ? "application/json" : "application/problem+json");

        assertThat(api.eventCount()).isEqualTo(expected < 400 ? before + 1 : before);
    }

    private static List<Case> cases() {
        return List.of(
                new Case("create a region", a -> post("/api/v1/regions", json("name", "R", "managerId", "m")),
                        201, 403, 403),
                new Case("create a team", a -> post("/api/v1/teams",
                        json("name", "T", "regionId", World.REGION, "managerId", "m")), 201, 403, 403),
                new Case("change a team's manager", a -> {
                    String team = unique("team");
                    a.ok(HttpMethod.POST, "/api/v1/teams", json("teamId", team, "name", "T", "regionId", World.REGION,
                            "managerId", "m1"));
                    return new Request(HttpMethod.PUT, "/api/v1/teams/" + team + "/manager", json("managerId", "m2"));
                }, 200, 403, 403),
                new Case("onboard a rep into the manager's team",
                        a -> post("/api/v1/reps", World.rep(unique("rep"), World.TEAM_EAST)), 201, 201, 403),
                new Case("onboard a rep into another team",
                        a -> post("/api/v1/reps", World.rep(unique("rep"), World.TEAM_WEST)), 201, 403, 403),
                new Case("transfer a rep of the manager's team", a -> post("/api/v1/reps/" + rep(a, World.TEAM_EAST)
                        + "/transfers", json("toTeamId", World.TEAM_WEST, "toManagerId", "mgr-west",
                        "effectiveDate", "2017-01-01")), 200, 200, 403),
                new Case("transfer a rep of another team", a -> post("/api/v1/reps/" + rep(a, World.TEAM_WEST)
                        + "/transfers", json("toTeamId", World.TEAM_EAST, "toManagerId", "mgr-east",
                        "effectiveDate", "2017-01-01")), 200, 403, 403),
                new Case("offboard a rep of the manager's team", a -> post("/api/v1/reps/" + rep(a, World.TEAM_EAST)
                        + "/offboarding", json("effectiveDate", "2017-01-01")), 200, 200, 403),
                new Case("assign a rep target", a -> post("/api/v1/targets", json("repId", rep(a, World.TEAM_EAST),
                        "period", "2017-05", "metric", "VISITS", "amount", 10)), 201, 201, 403),
                new Case("assign a target to the manager's team", a -> post("/api/v1/targets",
                        json("teamId", World.TEAM_EAST, "period", String.valueOf(YEARS.incrementAndGet()),
                                "metric", "VISITS", "amount", 10)), 201, 403, 403),
                new Case("revise a rep target", a -> {
                    String rep = rep(a, World.TEAM_EAST);
                    String target = unique("target");
                    a.ok(HttpMethod.POST, "/api/v1/targets", json("repId", rep, "targetId", target, "period", "2017-05",
                            "metric", "VISITS", "amount", 10));
                    return post("/api/v1/targets/" + target + "/revisions", json("repId", rep, "amount", 12,
                            "reason", "more"));
                }, 200, 200, 403),
                new Case("log a visit for oneself", a -> post("/api/v1/activities/visits", activity(World.ANNA)),
                        201, 201, 201),
                new Case("log a call for a teammate", a -> post("/api/v1/activities/calls", activity(World.BORIS)),
                        201, 201, 403),
                new Case("log a proposal for a rep of another team", a -> post("/api/v1/activities/proposals",
                        json("repId", World.CARL, "customer", "Acme", "productLine", World.PRODUCT)), 201, 403, 403),
                new Case("open a deal one owns", a -> post("/api/v1/deals", World.deal(unique("d"), World.ANNA)),
                        201, 201, 201),
                new Case("open a deal a teammate owns", a -> post("/api/v1/deals", World.deal(unique("d"), World.BORIS)),
                        201, 201, 403),
                new Case("open a deal of another team", a -> post("/api/v1/deals", World.deal(unique("d"), World.CARL)),
                        201, 403, 403),
                new Case("move one's own deal", a -> post("/api/v1/deals/" + deal(a, World.ANNA, false) + "/stage",
                        json("stage", "QUALIFIED")), 200, 200, 200),
                new Case("move a teammate's deal", a -> post("/api/v1/deals/" + deal(a, World.BORIS, false) + "/stage",
                        json("stage", "QUALIFIED")), 200, 200, 403),
                new Case("move a teammate's deal one shares", a -> post("/api/v1/deals/" + deal(a, World.BORIS, true)
                        + "/stage", json("stage", "QUALIFIED")), 200, 200, 200),
                new Case("move a deal of another team", a -> post("/api/v1/deals/" + deal(a, World.CARL, false)
                        + "/stage", json("stage", "QUALIFIED")), 200, 403, 403),
                new Case("reopen one's own lost deal", a -> {
                    String deal = deal(a, World.ANNA, false);
                    a.ok(HttpMethod.POST, "/api/v1/deals/" + deal + "/stage", json("stage", "LOST", "reason", "price"));
                    return post("/api/v1/deals/" + deal + "/reopening", json("reason", "back"));
                }, 200, 200, 200),
                new Case("re-price a teammate's deal one shares", a -> new Request(HttpMethod.PUT,
                        "/api/v1/deals/" + deal(a, World.BORIS, true) + "/amount", json("amount", 1500, "currency", "EUR")),
                        200, 200, 200),
                new Case("split one's own deal", a -> new Request(HttpMethod.PUT,
                        "/api/v1/deals/" + deal(a, World.ANNA, false) + "/credit-split", split()), 200, 200, 200),
                new Case("re-split a teammate's deal one shares", a -> new Request(HttpMethod.PUT,
                        "/api/v1/deals/" + deal(a, World.BORIS, true) + "/credit-split", split()), 200, 200, 403),
                new Case("register a product line", a -> post("/api/v1/product-lines", json("productLineId",
                        unique("product"), "series", "S", "listPrice", json("amount", 10, "currency", "EUR"))),
                        201, 403, 403),
                // compensation: plans and exchange rates (ADMIN, FINANCE)
                new Case("create a plan", a -> post("/api/v1/plans", json("name", "P")), 201, 403, 403, 201),
                new Case("publish a plan version", a -> post("/api/v1/plans/" + plan(a) + "/versions",
                        json("terms", Compensation.terms("2017-01-01"))), 200, 403, 403, 200),
                new Case("assign a plan to a rep", a -> post("/api/v1/plans/" + publishedPlan(a) + "/assignments",
                        json("repId", rep(a, World.TEAM_EAST), "effectiveFrom", YEARS.incrementAndGet() + "-01-01")),
                        200, 403, 403, 200),
                new Case("assign a plan to a role", a -> post("/api/v1/plans/" + publishedPlan(a) + "/assignments",
                        json("role", "SALES_MANAGER", "effectiveFrom", YEARS.incrementAndGet() + "-01-01")),
                        200, 403, 403, 200),
                new Case("register a channel partner", a -> post("/api/v1/partners", json("name", "P",
                        "kind", "AGENT")), 201, 403, 403, 201),
                new Case("sign a partner agreement version", a -> {
                    String partner = unique("partner");
                    a.ok(HttpMethod.POST, "/api/v1/partners", json("partnerId", partner, "name", "P", "kind", "AGENT"));
                    return post("/api/v1/partners/" + partner + "/agreements", json("terms", json(
                            "effectiveFrom", "2017-01-01", "currency", "EUR",
                            "tiers", List.of(json("fromRevenue", 0, "rate", 0.02)))));
                }, 200, 403, 403, 200),
                new Case("record an exchange rate", a -> post("/api/v1/exchange-rates", json("fromCurrency", "CHF",
                        "toCurrency", "JPY", "rate", 160, "effectiveDate", YEARS.incrementAndGet() + "-01-01")),
                        201, 403, 403, 201),
                // sales and marketing costs (ADMIN, FINANCE)
                new Case("record a sales cost", a -> post("/api/v1/costs", json("period", "2017-Q2",
                        "category", "MARKETING", "channel", "DIRECT", "teamId", World.TEAM_EAST, "amount", 1200,
                        "currency", "EUR")), 201, 403, 403, 201),
                new Case("correct a sales cost", a -> {
                    String cost = unique("cost");
                    a.ok(HttpMethod.POST, "/api/v1/costs", json("costId", cost, "period", "2017-05",
                            "category", "TRAVEL", "amount", 300, "currency", "EUR"));
                    return post("/api/v1/costs/" + cost + "/corrections", json("amount", 250, "currency", "EUR",
                            "reason", "refund"));
                }, 200, 403, 403, 200),
                // customers (ADMIN, MANAGER; key accounts of the manager's team's reps)
                new Case("register a customer", a -> post("/api/v1/customers", json("name", "Matrix Customer",
                        "sector", "retail", "employees", 12)), 201, 201, 403),
                new Case("update a customer's profile", a -> {
                    String customer = customer(a);
                    return new Request(HttpMethod.PUT, "/api/v1/customers/" + customer + "/profile",
                            json("sector", "software"));
                }, 200, 200, 403),
                new Case("designate a key account owned by a rep of the manager's team", a -> post(
                        "/api/v1/customers/" + customer(a) + "/key-account",
                        json("accountOwnerRepId", World.ANNA, "from", "2017-04-01")), 200, 200, 403),
                new Case("designate a key account owned by a rep of another team", a -> post(
                        "/api/v1/customers/" + customer(a) + "/key-account",
                        json("accountOwnerRepId", World.CARL, "from", "2017-04-01")), 200, 403, 403),
                new Case("revoke a key account of the manager's team", a -> {
                    String customer = customer(a);
                    a.ok(HttpMethod.POST, "/api/v1/customers/" + customer + "/key-account",
                            json("accountOwnerRepId", World.ANNA, "from", "2017-04-01"));
                    return post("/api/v1/customers/" + customer + "/key-account/revocation",
                            json("until", "2017-12-31"));
                }, 200, 200, 403),
                // statements: the process books a line first
                new Case("submit the statement of a rep of the manager's team", a -> post(
                        statement(a, rep(a, World.TEAM_EAST)).path("submission"), json()), 200, 200, 403, 200),
                new Case("submit one's own statement", a -> post(statement(a, World.ANNA).path("submission"), json()),
                        200, 200, 200, 200),
                new Case("approve a statement of a rep of the manager's team", a -> {
                    Compensation.Statement s = statement(a, rep(a, World.TEAM_EAST));
                    a.ok(HttpMethod.POST, s.path("submission"), json());
                    return post(s.path("approval"), json());
                }, 403, 200, 403, 200),
                new Case("approve one's own statement", a -> {
                    Compensation.Statement s = statement(a, World.ANNA);
                    a.ok(HttpMethod.POST, s.path("submission"), json());
                    return post(s.path("approval"), json());
                }, 403, 200, 403, 200),
                new Case("lock a statement", a -> post(approved(a).path("lock"), json()), 200, 403, 403, 200),
                new Case("pay a statement", a -> post(approved(a).path("payments"), json("batchId", unique("batch"),
                        "amount", json("amount", 1, "currency", "EUR"), "paymentDate", "2017-07-31")),
                        200, 403, 403, 200),
                new Case("dispute a line of one's own statement", a -> {
                    Compensation.Statement s = statement(a, World.ANNA);
                    return post(s.path("disputes"), json("lineId", s.lineId(), "reason", "wrong rate"));
                }, 201, 403, 201, 403),
                new Case("resolve a dispute of a rep of the manager's team", a -> {
                    Compensation.Statement s = statement(a, rep(a, World.TEAM_EAST));
                    String dispute = unique("dispute");
                    a.ok(HttpMethod.POST, s.path("disputes"), json("disputeId", dispute, "lineId", s.lineId(),
                            "reason", "wrong rate"));
                    return post(s.path("disputes/" + dispute + "/resolution"), json("accepted", false,
                            "reason", "rate is right"));
                }, 200, 200, 403, 403));
    }

    /** A new plan, created by ADMIN. */
    private static String plan(Api api) {
        String plan = unique("plan");
        api.ok(HttpMethod.POST, "/api/v1/plans", json("planId", plan, "name", "P"));
        return plan;
    }

    /** A new plan with a version, by ADMIN. */
    private static String publishedPlan(Api api) {
        String plan = plan(api);
        api.ok(HttpMethod.POST, "/api/v1/plans/" + plan + "/versions", json("terms", Compensation.terms("2017-01-01")));
        return plan;
    }

    /** A statement of the rep with one line, booked by the commission process. */
    private static Compensation.Statement statement(Api api, String repId) {
        return Compensation.statementWithALine(api, repId);
    }

    /** A submitted and (by FINANCE) approved statement of a new rep of team east. */
    private static Compensation.Statement approved(Api api) {
        Compensation.Statement s = statement(api, rep(api, World.TEAM_EAST));
        api.ok(HttpMethod.POST, s.path("submission"), json());
        api.send(HttpMethod.POST, s.path("approval"), Tokens.FINANCE, json()).expectStatus().isOk();
        return s;
    }

    private static Request post(String path, Object body) {
        return new Request(HttpMethod.POST, path, body);
    }

    private static Map<String, Object> activity(String repId) {
        return json("repId", repId, "customer", "Acme", "purpose", "demo", "outcome", "ok");
    }

    private static Map<String, Object> split() {
        return json("shares", List.of(json("repId", World.ANNA, "percentage", 60), json("repId", World.BORIS,
                "percentage", 40)));
    }

    /** A new rep in the team, onboarded by ADMIN. */
    /** A new customer, registered by ADMIN. */
    private static String customer(Api api) {
        String customer = unique("cust");
        api.ok(HttpMethod.POST, "/api/v1/customers", json("customerId", customer, "name", "Matrix Customer"));
        return customer;
    }

    private static String rep(Api api, String team) {
        String rep = unique("rep");
        api.ok(HttpMethod.POST, "/api/v1/reps", World.rep(rep, team));
        return rep;
    }

    /** A new deal of the owner, opened by ADMIN; shared 50/50 with Anna when asked. */
    private static String deal(Api api, String owner, boolean sharedWithAnna) {
        String deal = unique("deal");
        api.ok(HttpMethod.POST, "/api/v1/deals", World.deal(deal, owner));
        if (sharedWithAnna) {
            api.ok(HttpMethod.PUT, "/api/v1/deals/" + deal + "/credit-split", json("shares", List.of(
                    json("repId", owner, "percentage", 50), json("repId", World.ANNA, "percentage", 50))));
        }
        return deal;
    }
}
