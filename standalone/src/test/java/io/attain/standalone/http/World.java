package io.attain.standalone.http;

import static io.attain.standalone.http.Api.json;

/**
 * The organisation every HTTP test starts from: region east, teams east and west, reps Anna and Boris
 * in east, Carl in west, all hired in 2016, and one product line. Created once per context (creations
 * that exist already answer 409, which is fine).
 */
final class World {

    static final String REGION = "it-region-east";
    static final String TEAM_EAST = "it-team-east";
    static final String TEAM_WEST = "it-team-west";
    static final String ANNA = "it-anna";
    static final String BORIS = "it-boris";
    static final String CARL = "it-carl";
    static final String PRODUCT = "IT Widget";
    static final String HIRED = "2016-01-04";

    private World() {
    }

    /** The stores (one per Spring context) the world was created in. */
    private static final java.util.Set<Object> CREATED = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    static synchronized void ensure(Api api) {
        if (!CREATED.add(api.database())) {
            return;
        }
        api.ensure("/api/v1/regions", json("regionId", REGION, "name", "East", "managerId", "mgr-east"));
        api.ensure("/api/v1/teams", json("teamId", TEAM_EAST, "name", "East", "regionId", REGION, "managerId", "mgr-east"));
        api.ensure("/api/v1/teams", json("teamId", TEAM_WEST, "name", "West", "regionId", REGION, "managerId", "mgr-west"));
        api.ensure("/api/v1/reps", rep(ANNA, TEAM_EAST));
        api.ensure("/api/v1/reps", rep(BORIS, TEAM_EAST));
        api.ensure("/api/v1/reps", rep(CARL, TEAM_WEST));
        api.ensure("/api/v1/product-lines", json("productLineId", PRODUCT, "series", "IT",
                "listPrice", json("amount", 1200, "currency", "EUR")));
    }

    static java.util.Map<String, Object> rep(String repId, String teamId) {
        return json("repId", repId, "name", repId, "role", "SALES_REP", "teamId", teamId,
                "managerId", TEAM_EAST.equals(teamId) ? "mgr-east" : "mgr-west", "hireDate", HIRED);
    }

    static java.util.Map<String, Object> deal(String dealId, String ownerRepId) {
        return json("dealId", dealId, "ownerRepId", ownerRepId, "customer", "Acme", "productLine", PRODUCT,
                "channel", "DIRECT", "amount", 1000, "currency", "EUR");
    }
}
