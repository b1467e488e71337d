package io.attain.standalone.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.AccrueCommissionCommand;
import io.attain.kernel.compensation.AdjustCommissionCommand;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.ApproveStatementCommand;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.ClawBackCommissionCommand;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.DealFacts;
import io.attain.kernel.compensation.DisputeStatementLineCommand;
import io.attain.kernel.compensation.LockStatementCommand;
import io.attain.kernel.compensation.PayCommissionCommand;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.ResolveDisputeCommand;
import io.attain.kernel.compensation.SubmitStatementCommand;
import io.attain.standalone.cli.AuditVerify;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commission statements over HTTP: the statements are driven by sending the kernel's compensation commands through
 * Axon's command gateway (system commands: no actor), then read through the query API — the read model, the as-of
 * answers from the log, the payroll export, {@code verify} over HTTP and the {@code verify} command line, and a
 * commit document altered by hand.
 */
@QueryApiTest
class StatementQueryIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String MANAGER_EAST = "it-manager-east-token";
    private static final String FINANCE = "it-finance-token";
    private static final String AUDITOR = "it-auditor-token";
    private static final String INTEGRATOR = "it-integrator-token";

    @Autowired
    WebTestClient web;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;
    @LocalServerPort
    int port;

    QueryApi api;
    int year;
    String eastRep;
    String otherRep;

    @BeforeEach
    void setUp() {
        api = new QueryApi(web);
        year = QueryApi.uniqueYear();
        String region = QueryApi.unique("sr");
        api.post("/api/v1/regions", QueryApi.json("regionId", region, "name", "Statements", "managerId", "mgr-east"));
        // the MANAGER token's team; another test may have created it already
        web.post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(QueryApi.ADMIN))
           .bodyValue(QueryApi.json("teamId", "it-team-east", "name", "East", "regionId", region, "managerId", "mgr-east"))
           .exchange().expectStatus().value(s -> assertThat(s).isIn(201, 200, 409));
        String otherTeam = QueryApi.unique("st");
        api.post("/api/v1/teams", QueryApi.json("teamId", otherTeam, "name", "Other", "regionId", region, "managerId", "mgr-x"));
        eastRep = QueryApi.unique("east");
        otherRep = QueryApi.unique("other");
        api.post("/api/v1/reps", QueryApi.json("repId", eastRep, "name", "East Rep", "role", "SALES_REP",
                                               "teamId", "it-team-east", "managerId", "mgr-east", "hireDate", "2016-01-04"));
        api.post("/api/v1/reps", QueryApi.json("repId", otherRep, "name", "Other Rep", "role", "SALES_REP",
                                               "teamId", otherTeam, "managerId", "mgr-x", "hireDate", "2016-01-04"));
    }

    private long head() {
        return ((GapAwareTrackingToken) eventStore.createHeadToken()).getIndex();
    }

    private Instant at(String monthDay) {
        return Instant.parse(year + "-" + monthDay + "T10:00:00Z");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private PlanVersion plan() {
        return new PlanVersion("it-plan", 1, new PlanTerms(
                LocalDate.parse("2016-01-01"), "EUR", eur("3000"),
                List.of(new CommissionBand(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.05")),
                        new CommissionBand(BigDecimal.ONE, null, new BigDecimal("0.08"))),
                eur("5000"), null, List.of(), List.of(), null, 90, false, null));
    }

    private void accrue(String statementId, String rep, Period period, String line, String deal, String amount,
                        String day) {
        commands.sendAndWait(new AccrueCommissionCommand(
                statementId, rep, period, line, plan(),
                new DealFacts(deal, "GTX Pro", Channel.DIRECT, LocalDate.ofInstant(at(day), java.time.ZoneOffset.UTC),
                              eur(amount)),
                eur(amount), eur("10000"), null, List.of("src-" + deal), List.of(42L), at(day)));
    }

    /** Open, two accruals, a clawback, an adjustment, a dispute accepted; optionally submit, approve, lock, pay. */
    private String statement(String rep, boolean close, String batch) {
        Period period = Period.parse(year + "-05");
        String id = CompensationIds.statementId(rep, period);
        accrue(id, rep, period, "l1", QueryApi.unique("d"), "6000", "05-03");
        accrue(id, rep, period, "l2", QueryApi.unique("d"), "7000.55", "05-05");
        commands.sendAndWait(new ClawBackCommissionCommand(id, "cb1", "l1", eur("1000"), "partial return",
                                                           List.of("src-return"), List.of(43L), at("05-10")));
        commands.sendAndWait(new AdjustCommissionCommand(id, rep, period, "adj1", eur("-10"), AdjustmentKind.MANUAL,
                                                         "parking", null, null, null, at("05-11")));
        commands.sendAndWait(new DisputeStatementLineCommand(id, "disp1", rep, "l2", "rate too low", at("05-12")));
        commands.sendAndWait(new ResolveDisputeCommand(id, "disp1", "mgr-east", true, eur("25"), null, at("05-13")));
        if (close) {
            commands.sendAndWait(new SubmitStatementCommand(id, rep, at("05-31")));
            commands.sendAndWait(new ApproveStatementCommand(id, "fin-1", ApproverRole.FINANCE, at("06-01")));
            commands.sendAndWait(new LockStatementCommand(id, "fin-1", at("06-02")));
            Map<String, Object> s = read("/api/v1/statements/" + rep + "/" + year + "-05", QueryApi.ADMIN);
            Object approved = totals(s).get("approved");
            commands.sendAndWait(new PayCommissionCommand(id, batch, eur(approved.toString()),
                                                          LocalDate.parse(year + "-06-05"), at("06-05")));
        }
        return id;
    }

    private Map<String, Object> read(String uri, String token) {
        String sep = uri.contains("?") ? "&" : "?";
        return web.get().uri(uri + sep + "minPosition=" + head()).headers(h -> h.setBearerAuth(token)).exchange()
                  .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private int status(String uri, String token) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().returnResult(String.class)
                  .getStatus().value();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> totals(Map<String, Object> statement) {
        return ((List<Map<String, Object>>) statement.get("totals")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    @Test
    void aStatementWithItsLinesLineageTotalsAndSealAndThePayrollExport() {
        String batch = QueryApi.unique("batch");
        String id = statement(eastRep, true, batch);
        Map<String, Object> s = read("/api/v1/statements/" + eastRep + "/" + year + "-05", QueryApi.ADMIN);
        assertThat(s).containsEntry("statementId", id).containsEntry("status", "PAID").containsEntry("source", "read-model");
        assertThat(list(s, "lines")).hasSize(2);
        Map<String, Object> l1 = list(s, "lines").get(0);
        assertThat(l1).containsEntry("lineId", "l1").containsKeys("position", "eventId", "calculation", "recordedAt");
        assertThat(l1.get("sourcePositions")).isEqualTo(List.of(42));
        assertThat(list(s, "clawbacks")).singleElement().satisfies(c -> assertThat(c).containsEntry("originalLineId", "l1")
                                                                                     .containsKeys("position", "eventId"));
        assertThat(list(s, "adjustments")).extracting(a -> a.get("lineId")).containsExactly("adj1", "dispute:disp1");
        assertThat(list(s, "disputes")).singleElement().satisfies(d -> assertThat(d).containsEntry("state", "ACCEPTED"));
        assertThat(list(s, "payments")).singleElement().satisfies(p -> assertThat(p).containsEntry("batchId", batch));
        Map<String, Object> t = totals(s);
        assertThat(new BigDecimal(t.get("outstanding").toString())).isZero();
        assertThat(new BigDecimal(t.get("net").toString())).isEqualByComparingTo(new BigDecimal(t.get("paid").toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> seal = (Map<String, Object>) s.get("seal");
        assertThat(seal).containsKeys("head", "count", "lockPosition");

        Map<String, Object> listed = read("/api/v1/statements?period=" + year + "-05", QueryApi.ADMIN);
        assertThat(list(listed, "statements")).extracting(m -> m.get("statementId")).contains(id);

        String csv = web.get().uri("/api/v1/payouts/" + batch + ".csv").headers(h -> h.setBearerAuth(FINANCE))
                        .exchange().expectStatus().isOk()
                        .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                        .expectBody(String.class).returnResult().getResponseBody();
        String[] rows = csv.split("\r\n");
        assertThat(rows[0]).isEqualTo("rep_id,period,amount,currency,payment_date,statement_id,batch_id,event_id,position");
        assertThat(rows).hasSize(2);
        assertThat(rows[1]).startsWith(eastRep + "," + year + "-05," + new BigDecimal(t.get("paid").toString()).toPlainString()
                                               + ",EUR," + year + "-06-05," + id + "," + batch + ",");
        assertThat(status("/api/v1/payouts/" + batch + ".csv", QueryApi.ADMIN)).isEqualTo(200);
        assertThat(status("/api/v1/payouts/" + batch + ".csv", AUDITOR)).isEqualTo(403);
        assertThat(status("/api/v1/payouts/" + batch + ".csv", MANAGER_EAST)).isEqualTo(403);
        assertThat(status("/api/v1/payouts/no-such-batch.csv", FINANCE)).isEqualTo(404);
    }

    @Test
    void whoMayReadWhichStatements() {
        statement(eastRep, false, null);
        statement(otherRep, false, null);
        statement("it-anna", false, null);
        String p = year + "-05";
        read("/api/v1/statements/" + eastRep + "/" + p, MANAGER_EAST);
        assertThat(status("/api/v1/statements/" + otherRep + "/" + p, MANAGER_EAST)).isEqualTo(403);
        read("/api/v1/statements/it-anna/" + p, QueryApi.REP_ANNA);
        assertThat(status("/api/v1/statements/" + eastRep + "/" + p, QueryApi.REP_ANNA)).isEqualTo(403);
        read("/api/v1/statements/" + otherRep + "/" + p, FINANCE);
        read("/api/v1/statements/" + otherRep + "/" + p, AUDITOR);
        assertThat(status("/api/v1/statements/" + otherRep + "/" + p, INTEGRATOR)).isEqualTo(403);
        assertThat(status("/api/v1/statements/nobody/" + p, QueryApi.ADMIN)).isEqualTo(404);
        assertThat(list(read("/api/v1/statements?period=" + p, QueryApi.REP_ANNA), "statements"))
                .extracting(m -> m.get("repId")).containsExactly("it-anna");
        assertThat(list(read("/api/v1/statements?period=" + p, MANAGER_EAST), "statements"))
                .extracting(m -> m.get("repId")).contains(eastRep).doesNotContain(otherRep);
        assertThat(list(read("/api/v1/statements?period=" + p, QueryApi.ADMIN), "statements")).hasSize(3);
        assertThat(status("/api/v1/statements", QueryApi.ADMIN)).isEqualTo(400);
    }


    /** Waits until the clock is a few milliseconds past the instant; returns the clock then. */
    private static Instant clockPast(Instant instant) {
        org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(1))
                                 .until(() -> Instant.now().isAfter(instant.plusMillis(5)));
        return Instant.now();
    }

    @Test
    void asOfAnswersFromTheLogOnBothTimelines() {
        Period period = Period.parse(year + "-05");
        String id = CompensationIds.statementId(otherRep, period);
        accrue(id, otherRep, period, "l1", QueryApi.unique("d"), "3000", "05-03");
        Instant t = clockPast(Instant.now());      // after the first accrual was recorded
        clockPast(t);                              // and before the second is
        String uri = "/api/v1/statements/" + otherRep + "/" + year + "-05?recordedAsOf=" + t;
        Map<String, Object> first = read(uri, QueryApi.ADMIN);
        assertThat(first).containsEntry("source", "log").containsEntry("status", "OPEN");
        assertThat(list(first, "lines")).hasSize(1);
        accrue(id, otherRep, period, "l2", QueryApi.unique("d"), "4000", "05-02"); // back-dated
        commands.sendAndWait(new SubmitStatementCommand(id, otherRep, at("05-31")));
        Map<String, Object> again = read(uri, QueryApi.ADMIN);
        first.remove("asOf");
        again.remove("asOf");
        assertThat(again).isEqualTo(first);
        // by business date: the back-dated line counts for 05-02, the first one only from 05-03
        Map<String, Object> business = read("/api/v1/statements/" + otherRep + "/" + year + "-05?businessAsOf="
                                                    + year + "-05-02", QueryApi.ADMIN);
        assertThat(list(business, "lines")).extracting(l -> l.get("lineId")).containsExactly("l2");
        assertThat(read("/api/v1/statements/" + otherRep + "/" + year + "-05", QueryApi.ADMIN))
                .containsEntry("status", "SUBMITTED");
        assertThat(status("/api/v1/statements/" + otherRep + "/" + year + "-05?recordedAsOf=2999-01-01T00:00:00Z",
                          QueryApi.ADMIN)).isEqualTo(400);
        assertThat(status("/api/v1/statements/" + otherRep + "/" + year + "-05?recordedAsOf=2000-01-01T00:00:00Z",
                          QueryApi.ADMIN)).isEqualTo(404);
    }

    private record Cli(int status, String out, String err) {
    }

    private Cli verifyCli(String token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerify.run(new String[]{"--server", "http://localhost:" + port},
                                     Map.of("ATTAIN_TOKEN", token), new PrintStream(out, true, StandardCharsets.UTF_8),
                                     new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verifyOverHttpAndTheCommandLineAndAnAlteredCommitDocument() {
        String id = statement(eastRep, true, QueryApi.unique("batch"));
        read("/api/v1/statements/" + eastRep + "/" + year + "-05", QueryApi.ADMIN); // caught up
        Map<String, Object> v = web.get().uri("/api/v1/audit/verify").headers(h -> h.setBearerAuth(AUDITOR)).exchange()
                                   .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(v.get("differences")).isEqualTo(List.of());
        assertThat(((Number) v.get("checked")).longValue()).isPositive();
        assertThat(status("/api/v1/audit/verify", FINANCE)).isEqualTo(403);
        assertThat(status("/api/v1/audit/verify", QueryApi.REP_ANNA)).isEqualTo(403);

        Cli clean = verifyCli(AUDITOR);
        assertThat(clean.status()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("0 differences");

        // alter the payload of the clawback event in its commit document
        MongoCollection<Document> events = database.getCollection("events");
        Document commit = null;
        int index = -1;
        for (Document c : events.find(eq("aggregateId", id))) {
            List<Document> es = c.getList("events", Document.class);
            for (int i = 0; i < es.size(); i++) {
                if (es.get(i).getString("payloadType").endsWith("CommissionClawedBackEvent")) {
                    commit = c;
                    index = i;
                }
            }
        }
        assertThat(commit).isNotNull();
        Document event = commit.getList("events", Document.class).get(index);
        String original = event.getString("payload");
        long position = commit.getLong("_id") + index;
        events.updateOne(eq("_id", commit.get("_id")),
                         set("events." + index + ".payload", original.replace("partial return", "full return")));
        try {
            Cli tampered = verifyCli(QueryApi.ADMIN);
            assertThat(tampered.status()).as(tampered.out() + tampered.err()).isEqualTo(1);
            assertThat(tampered.out()).contains(id + "  seal.events.")
                                      .contains("[event at position " + position + ", id " + event.getString("eventId") + "]")
                                      .contains("reason: expected full return, actual partial return");
            System.out.println("attain verify after tampering:\n" + tampered.out());
        } finally {
            events.updateOne(eq("_id", commit.get("_id")), set("events." + index + ".payload", original));
        }
        assertThat(verifyCli(QueryApi.ADMIN).status()).isZero();
    }
}
