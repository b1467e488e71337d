package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The list endpoints through HTTP: {@code /api/v1/deals}, {@code /reps}, {@code /teams}, {@code /regions},
 * {@code /product-lines}, {@code /targets} and {@code /reps/{repId}/activities} — filters, pages, role rules and
 * 400s naming the parameter.
 */
@QueryApiTest
class ReadListsIntegrationTest {

    static final String MANAGER_EAST = "it-manager-east-token";
    static final String INTEGRATOR = "it-integrator-token";

    @Autowired
    WebTestClient web;

    QueryApi api;
    QueryApi.Org org;
    int year;

    @BeforeEach
    void setUp() {
        api = new QueryApi(web);
        org = api.organisation();
        year = QueryApi.uniqueYear();
    }

    private String at(String monthDay) {
        return year + "-" + monthDay + "T10:00:00Z";
    }

    private Map<String, Object> read(String uri, String token) {
        String sep = uri.contains("?") ? "&" : "?";
        return api.get(uri + sep + "minPosition=" + api.lastPosition(), token).expectStatus().isOk()
                  .expectHeader().contentType(MediaType.APPLICATION_JSON)
                  .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                  }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<Object> ids(Map<String, Object> page, String key) {
        return items(page).stream().map(i -> i.get(key)).toList();
    }

    @Test
    void dealsFilteredOrderedAndPaged() {
        String a1 = QueryApi.unique("d");
        String a2 = QueryApi.unique("d");
        String c1 = QueryApi.unique("d");
        api.openDeal(a1, org.anna(), "Acme", 1000, "LEAD", at("04-01"));
        api.openDeal(a2, org.anna(), "Beta", 300, "QUALIFIED", at("04-02"));
        api.openDeal(c1, org.carl(), "Acme", 700, "LEAD", at("04-03"));
        api.win(a1, 1200, at("05-10"));
        api.lose(a2, "budget", at("05-11"));

        Map<String, Object> all = api.read("/api/v1/deals?period=" + year);
        assertThat(all).containsEntry("page", 0).containsEntry("size", 50).containsEntry("total", 3);
        // the latest business event first
        assertThat(ids(all, "dealId")).containsExactly(a2, a1, c1);
        Map<String, Object> won = items(all).get(1);
        assertThat(won).containsEntry("stage", "WON").containsEntry("outcome", "WON")
                       .containsEntry("ownerId", org.anna()).containsEntry("ownerName", "Anna " + org.anna())
                       .containsEntry("teamId", org.t1()).containsEntry("teamName", "Q1")
                       .containsEntry("currency", "EUR").containsEntry("customer", "Acme")
                       .containsEntry("channel", "DIRECT").containsEntry("closedAt", at("05-10"));
        assertThat(won.get("amount").toString()).isEqualTo("1200");
        assertThat(items(all).get(0)).containsEntry("stage", "LOST").containsEntry("lostReason", "budget");

        assertThat(ids(api.read("/api/v1/deals?period=" + year + "&team=" + org.t2()), "dealId"))
                .containsExactly(c1);
        assertThat(ids(api.read("/api/v1/deals?period=" + year + "&owner=" + org.anna() + "&stage=WON"), "dealId"))
                .containsExactly(a1);
        assertThat(ids(api.read("/api/v1/deals?period=" + year + "&stage=OPEN"), "dealId")).containsExactly(c1);
        assertThat(ids(api.read("/api/v1/deals?period=" + year + "-05"), "dealId")).containsExactly(a2, a1);
        assertThat(ids(api.read("/api/v1/deals?period=" + year + "&sort=-amount"), "dealId"))
                .containsExactly(a1, c1, a2);
        assertThat(ids(api.read("/api/v1/deals?period=" + year + "&sort=openedAt"), "dealId"))
                .containsExactly(a1, a2, c1);
        Map<String, Object> second = api.read("/api/v1/deals?period=" + year + "&sort=openedAt&size=2&page=1");
        assertThat(ids(second, "dealId")).containsExactly(c1);
        assertThat(second).containsEntry("total", 3).containsEntry("page", 1).containsEntry("size", 2);
    }

    @Test
    void aDealListShowsWhatTheCallerMayReadOfTheDeals() {
        // the REP token is it-anna of it-team-east, the MANAGER token manages it-team-east
        ensure("/api/v1/regions", QueryApi.json("regionId", "it-region", "name", "IT", "managerId", "it-vp"));
        ensure("/api/v1/teams", QueryApi.json("teamId", "it-team-east", "name", "East", "regionId", "it-region",
                                              "managerId", "mgr-east"));
        ensure("/api/v1/reps", QueryApi.json("repId", "it-anna", "name", "Anna", "role", "SALES_REP",
                                             "teamId", "it-team-east", "managerId", "mgr-east", "hireDate", "2016-01-04"));
        String customer = QueryApi.unique("customer");
        String annas = QueryApi.unique("d");
        String shared = QueryApi.unique("d");
        String carls = QueryApi.unique("d");
        api.openDeal(annas, "it-anna", customer, 1000, "LEAD", at("06-01"));
        api.openDeal(shared, org.boris(), customer, 1000, "LEAD", at("06-02"));
        api.split(shared, at("06-03"), org.boris(), 50, "it-anna", 50);
        api.openDeal(carls, org.carl(), customer, 1000, "LEAD", at("06-04"));
        // the manager's team members come from the attainment read model's copy of the organisation
        read("/api/v1/attainment/" + year + "?repId=it-anna", QueryApi.ADMIN);

        String list = "/api/v1/deals?customer=" + customer;
        assertThat(ids(read(list, QueryApi.ADMIN), "dealId")).containsExactly(carls, shared, annas);
        assertThat(ids(read(list, INTEGRATOR), "dealId")).containsExactly(carls, shared, annas);
        assertThat(ids(read(list, QueryApi.REP_ANNA), "dealId")).containsExactly(shared, annas);
        assertThat(ids(read(list, MANAGER_EAST), "dealId")).containsExactly(shared, annas);
        assertThat(read(list, MANAGER_EAST)).containsEntry("total", 2);
        api.get(list, null).expectStatus().isUnauthorized();
    }

    @Test
    void theOrganisationAndTheProductLines() {
        String product = QueryApi.unique("Product");
        api.post("/api/v1/product-lines", QueryApi.json("productLineId", product, "series", "QS",
                                                        "listPrice", QueryApi.json("amount", 99.5, "currency", "EUR")));
        Map<String, Object> reps = read("/api/v1/reps?team=" + org.t1(), QueryApi.REP_ANNA);
        assertThat(ids(reps, "repId")).containsExactly(org.anna(), org.boris());
        assertThat(items(reps).get(0)).containsEntry("name", "Anna " + org.anna()).containsEntry("teamName", "Q1")
                                      .containsEntry("regionId", org.region()).containsEntry("managerId", "qm1")
                                      .containsEntry("hireDate", "2016-01-04").containsEntry("role", "SALES_REP");
        assertThat(ids(read("/api/v1/reps?region=" + org.region(), QueryApi.ADMIN), "repId"))
                .containsExactlyInAnyOrder(org.anna(), org.boris(), org.carl());
        Map<String, Object> teams = read("/api/v1/teams?region=" + org.region(), MANAGER_EAST);
        assertThat(items(teams)).extracting(t -> t.get("teamId"), t -> t.get("reps"), t -> t.get("regionName"))
                                .containsExactly(tuple(org.t1(), 2, "Query region"), tuple(org.t2(), 1, "Query region"));
        Map<String, Object> regions = read("/api/v1/regions?size=200", QueryApi.REP_ANNA);
        assertThat(items(regions)).anySatisfy(r -> assertThat(r).containsEntry("regionId", org.region())
                                                                .containsEntry("teams", 2));
        Map<String, Object> lines = read("/api/v1/product-lines?series=QS&size=200", QueryApi.REP_ANNA);
        assertThat(items(lines)).anySatisfy(l -> assertThat(l).containsEntry("productLineId", product)
                                                              .containsEntry("currency", "EUR"));
    }

    @Test
    void targetsOfAPeriodForThoseWhoMayReadThem() {
        ensure("/api/v1/reps", QueryApi.json("repId", "it-anna", "name", "Anna", "role", "SALES_REP",
                                             "teamId", "it-team-east", "managerId", "mgr-east", "hireDate", "2016-01-04"));
        String mine = QueryApi.unique("t");
        String team = QueryApi.unique("t");
        String other = QueryApi.unique("t");
        String later = QueryApi.unique("t");
        api.target(mine, "repId", "it-anna", year + "-Q2", "REVENUE", 30000, at("03-20"));
        api.target(team, "teamId", "it-team-east", year + "", "DEALS_WON", 40, at("01-02"));
        api.target(other, "repId", org.carl(), year + "-05", "REVENUE", 9000, at("04-20"));
        api.target(later, "repId", "it-anna", year + "-Q3", "REVENUE", 31000, at("06-20"));
        api.revise(mine, "repId", "it-anna", 32000, at("04-15"));
        read("/api/v1/attainment/" + year + "?repId=it-anna", QueryApi.ADMIN);

        Map<String, Object> q2 = read("/api/v1/targets?period=" + year + "-Q2", QueryApi.ADMIN);
        List<Object> q2Ids = ids(q2, "targetId");
        assertThat(q2Ids).contains(team, mine, other).doesNotContain(later);
        Map<String, Object> annas = items(q2).stream().filter(t -> mine.equals(t.get("targetId"))).findFirst()
                                             .orElseThrow();
        assertThat(annas).containsEntry("ownerType", "REP").containsEntry("ownerId", "it-anna")
                         .containsEntry("period", year + "-Q2").containsEntry("metric", "REVENUE")
                         .containsEntry("currency", "EUR");
        assertThat(annas.get("amount").toString()).isEqualTo("32000");
        assertThat(annas.get("assignedAmount").toString()).isEqualTo("30000");

        assertThat(ids(read("/api/v1/targets?period=" + year + "&ownerType=REP&owner=it-anna", QueryApi.REP_ANNA),
                       "targetId")).containsExactly(mine, later);
        List<Object> rep = ids(read("/api/v1/targets?period=" + year + "-Q2", QueryApi.REP_ANNA), "targetId");
        assertThat(rep).contains(mine).doesNotContain(team, other);
        List<Object> manager = ids(read("/api/v1/targets?period=" + year + "-Q2", MANAGER_EAST), "targetId");
        assertThat(manager).contains(mine, team).doesNotContain(other);
    }

    @Test
    void aRepsActivitiesOfAPeriod() {
        api.activity("visits", org.anna(), at("05-02"));
        api.activity("calls", org.anna(), at("05-03"));
        api.activity("proposals", org.anna(), at("06-04"));
        api.activity("visits", org.anna(), at("07-01"));
        Map<String, Object> q2 = api.read("/api/v1/reps/" + org.anna() + "/activities?period=" + year + "-Q2");
        assertThat(ids(q2, "kind")).containsExactly("PROPOSAL", "CALL", "VISIT");
        assertThat(q2).containsEntry("total", 3).containsEntry("repId", org.anna())
                      .containsEntry("counts", Map.of("CALL", 1, "PROPOSAL", 1, "VISIT", 1));
        assertThat(items(q2).get(0)).containsEntry("occurredAt", at("06-04")).containsEntry("customer", "Acme");
        assertThat(ids(api.read("/api/v1/reps/" + org.anna() + "/activities?period=" + year + "&kind=VISIT"), "occurredAt"))
                .containsExactly(at("07-01"), at("05-02"));
        api.get("/api/v1/reps/" + org.anna() + "/activities?period=" + year, QueryApi.REP_ANNA)
           .expectStatus().isForbidden();
    }

    @Test
    void badParametersAreNamed() {
        badParameter("/api/v1/deals?stage=WINNING", "stage");
        badParameter("/api/v1/deals?channel=PIGEON", "channel");
        badParameter("/api/v1/deals?period=2017-13", "period");
        badParameter("/api/v1/deals?size=0", "size");
        badParameter("/api/v1/deals?size=201", "size");
        badParameter("/api/v1/deals?page=-1", "page");
        badParameter("/api/v1/deals?sort=mood", "sort");
        badParameter("/api/v1/reps?team=", "team");
        badParameter("/api/v1/targets?ownerType=GROUP", "ownerType");
        badParameter("/api/v1/targets?metric=SMILES", "metric");
        badParameter("/api/v1/reps/" + org.anna() + "/activities", "period");
        badParameter("/api/v1/reps/" + org.anna() + "/activities?period=" + year + "&kind=LUNCH", "kind");
    }

    @SuppressWarnings("unchecked")
    private void badParameter(String uri, String field) {
        Map<String, Object> problem = api.get(uri, QueryApi.ADMIN).expectStatus().isBadRequest()
                                         .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                                         .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                                         }).returnResult().getResponseBody();
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).as(uri).extracting(e -> e.get("field")).containsExactly(field);
    }

    /** Creates the organisation entry unless another test did already (201 or 409). */
    private void ensure(String path, Map<String, Object> body) {
        web.post().uri(path).headers(h -> h.setBearerAuth(QueryApi.ADMIN)).bodyValue(body).exchange()
           .expectStatus().value(status -> assertThat(status).isIn(201, 409));
    }
}
