package io.attain.standalone.http;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.attain.standalone.http.Api.json;
import static io.attain.standalone.http.Api.unique;
import static org.awaitility.Awaitility.await;

/**
 * Compensation fixtures for the HTTP tests: a plan and a REVENUE target for a rep in a year of its own (far in the
 * future, so that no other test's deals fall under it), a deal won in that year, and the statement line the
 * commission process books for it (read from the event log).
 */
final class Compensation {

    /** Distinct years (one per fixture), so that every fixture has statements of its own. */
    private static final AtomicInteger YEARS = new AtomicInteger(2020); // 2021-2099: business years end at 2200 (InputContract)
    static final String ACCRUED = "io.attain.kernel.compensation.CommissionAccruedEvent";

    private Compensation() {
    }

    static int newYear() {
        return YEARS.incrementAndGet();
    }

    /** A statement of a rep and quarter, with the id of one of its lines. */
    record Statement(String repId, String period, String lineId) {
        String id() {
            return "statement:" + repId + ":" + period;
        }

        String path(String action) {
            return "/api/v1/statements/" + repId + "/" + period + "/" + action;
        }
    }

    /** Plan terms: EUR, 2 % / 5 % / 8 % at 0 / 50 % / 100 % attainment, 90 days clawback. */
    static Map<String, Object> terms(String effectiveFrom) {
        return json("effectiveFrom", effectiveFrom, "currency", "EUR", "bands", List.of(
                        json("fromAttainment", 0, "toAttainment", 0.5, "rate", 0.02),
                        json("fromAttainment", 0.5, "toAttainment", 1.0, "rate", 0.05),
                        json("fromAttainment", 1.0, "rate", 0.08)),
                "clawbackWindowDays", 90);
    }

    /** A new plan (as ADMIN) assigned to the rep from January 1 of the year, and its REVENUE targets for Q1 and Q2. */
    static String planAndTargets(Api api, String repId, int year) {
        String plan = unique("plan");
        api.ok(HttpMethod.POST, "/api/v1/plans", json("planId", plan, "name", "Plan " + year));
        api.ok(HttpMethod.POST, "/api/v1/plans/" + plan + "/versions", json("terms", terms(year + "-01-01")));
        api.ok(HttpMethod.POST, "/api/v1/plans/" + plan + "/assignments",
                json("repId", repId, "effectiveFrom", year + "-01-01"));
        for (String quarter : List.of("Q1", "Q2")) {
            api.ok(HttpMethod.POST, "/api/v1/targets", json("repId", repId, "period", year + "-" + quarter,
                    "metric", "REVENUE", "amount", 100000, "currency", "EUR"));
        }
        return plan;
    }

    /** Opens and wins a deal of the rep (as ADMIN) on {@code <year>-02-15}; returns its id. */
    static String winDeal(Api api, String repId, int year, int amount, String currency) {
        String deal = unique("deal");
        api.ok(HttpMethod.POST, "/api/v1/deals", json("dealId", deal, "ownerRepId", repId, "customer", "Acme",
                "productLine", World.PRODUCT, "channel", "DIRECT", "amount", amount, "currency", currency,
                "occurredAt", year + "-02-01T09:00:00Z"));
        api.ok(HttpMethod.POST, "/api/v1/deals/" + deal + "/stage", json("stage", "WON",
                "finalAmount", json("amount", amount, "currency", currency), "occurredAt", year + "-02-15T09:00:00Z"));
        return deal;
    }

    /** Plan, targets, a won deal of 20,000 EUR, and the line the process books in {@code <year>-Q1}. */
    static Statement statementWithALine(Api api, String repId) {
        int year = newYear();
        planAndTargets(api, repId, year);
        String deal = winDeal(api, repId, year, 20000, "EUR");
        Statement statement = new Statement(repId, year + "-Q1", null);
        return new Statement(repId, statement.period(), awaitLine(api, statement.id(), deal).getString("lineId"));
    }

    /** Waits until the statement has an accrued line for the deal; returns its payload. */
    static Document awaitLine(Api api, String statementId, String dealId) {
        Document[] found = new Document[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (Document event : events(api, statementId, ACCRUED)) {
                if (dealId.equals(event.getString("dealId"))) {
                    found[0] = event;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The payloads of an aggregate's events of a type, in order. */
    static List<Document> events(Api api, String aggregateId, String payloadType) {
        List<Document> payloads = new ArrayList<>();
        for (Document commit : api.database().getCollection("events").find(Filters.eq("aggregateId", aggregateId))
                .sort(new Document("_id", 1))) {
            for (Document event : commit.getList("events", Document.class)) {
                if (payloadType.equals(event.getString("payloadType"))) {
                    payloads.add(Document.parse(event.getString("payload")));
                }
            }
        }
        return payloads;
    }

    /** The payloads of events of a type that belong to no aggregate (published by a process), e.g. pending items. */
    static List<Document> processEvents(Api api, String payloadType) {
        List<Document> payloads = new ArrayList<>();
        for (Document commit : api.database().getCollection("events").find(Filters.eq("domain", false))) {
            for (Document event : commit.getList("events", Document.class)) {
                if (payloadType.equals(event.getString("payloadType"))) {
                    payloads.add(Document.parse(event.getString("payload")));
                }
            }
        }
        return payloads;
    }
}
