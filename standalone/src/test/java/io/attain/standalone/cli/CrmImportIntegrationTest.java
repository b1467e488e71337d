package io.attain.standalone.cli;

import com.mongodb.client.MongoDatabase;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicReference;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealWonEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CRM importer end to end: the app on the in-memory embedded store with a known admin token, the importer
 * as the command line runs it (no Spring in it), talking HTTP to the app. Counts are checked in the event log
 * against counts computed here from the CSV, independently of the importer's code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "attain.embedded.backend=memory",
        "ATTAIN_ADMIN_TOKEN=" + CrmImportIntegrationTest.TOKEN})
class CrmImportIntegrationTest {

    static final String TOKEN = "crm-import-it-admin-token-0123456789";
    static final String DATASET = "shared/data/crm-sales-opportunities";

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    EventStore eventStore;

    record Run(int status, String out, String err, double seconds) {
    }

    Run importCrm(Path dir, String token, String server, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            List<String> args = new ArrayList<>(List.of("crm", dir.toString(), "--server", server));
            args.addAll(List.of(more));
            status = CrmImport.run(args.toArray(String[]::new),
                    token == null ? Map.of() : Map.of("ATTAIN_TOKEN", token), o, e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Run run = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), seconds);
        System.err.print(run.err());
        return run;
    }

    Run importCrm(Path dir) {
        return importCrm(dir, TOKEN, "http://127.0.0.1:" + port);
    }

    /** Events in the log by payload type (simple name), counted from the commit documents. */
    Map<String, Long> eventsByType() {
        Map<String, Long> counts = new HashMap<>();
        for (Document commit : database.getCollection("events").find()) {
            for (Document event : commit.getList("events", Document.class, List.of())) {
                String type = event.getString("payloadType");
                counts.merge(type.substring(type.lastIndexOf('.') + 1), 1L, Long::sum);
            }
        }
        return counts;
    }

    static long delta(Map<String, Long> after, Map<String, Long> before, String type) {
        return after.getOrDefault(type, 0L) - before.getOrDefault(type, 0L);
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The published export beside the repository: ../shared/… from the repository root. */
    static Path dataset() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("ATTAIN_CRM_DATA");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "..", DATASET));   // from the module directory (Maven's working directory)
        candidates.add(Path.of("..", DATASET));         // from the repository root
        candidates.add(Path.of(DATASET));
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("sales_pipeline.csv")))
                .map(p -> p.toAbsolutePath().normalize()).findFirst().orElse(null);
    }

    /** What the export should produce, counted with a plain split (the files hold no quoted fields). */
    record Expected(int regions, int teams, int reps, int products, int deals, int won, int lost,
                    int gtxPro, int noAccount) {

        static Expected from(Path dir) throws IOException {
            List<String[]> teams = rows(dir.resolve("sales_teams.csv"));
            Set<String> offices = new HashSet<>();
            Set<String> managers = new HashSet<>();
            Set<String> agents = new HashSet<>();
            for (String[] row : teams) {
                agents.add(row[0]);
                managers.add(row[1]);
                offices.add(row[2]);
            }
            int won = 0;
            int lost = 0;
            int gtxPro = 0;
            int noAccount = 0;
            List<String[]> pipeline = rows(dir.resolve("sales_pipeline.csv"));
            for (String[] row : pipeline) {
                won += row[4].equals("Won") ? 1 : 0;
                lost += row[4].equals("Lost") ? 1 : 0;
                gtxPro += row[2].equals("GTXPro") ? 1 : 0;
                noAccount += row[3].isEmpty() ? 1 : 0;
            }
            return new Expected(offices.size(), managers.size(), agents.size(),
                    rows(dir.resolve("products.csv")).size(), pipeline.size(), won, lost, gtxPro, noAccount);
        }

        private static List<String[]> rows(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(String.join("\n", lines)).as("no quoted fields in " + file).doesNotContain("\"");
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        }
    }

    @Test
    void importsThePublishedExportAndASecondRunAppendsNothing() throws Exception {
        Path dir = dataset();
        assumeTrue(dir != null, "the CRM export is not beside the repository (../shared/data/crm-sales-opportunities)"
                + " nor in ATTAIN_CRM_DATA");
        Expected expected = Expected.from(dir);
        Map<String, Long> before = eventsByType();

        Run first = importCrm(dir);

        assertThat(first.status()).as(first.err()).isZero();
        Map<String, Long> after = eventsByType();
        assertThat(delta(after, before, "RegionCreatedEvent")).isEqualTo(expected.regions());
        assertThat(delta(after, before, "TeamCreatedEvent")).isEqualTo(expected.teams());
        assertThat(delta(after, before, "RepOnboardedEvent")).isEqualTo(expected.reps());
        assertThat(delta(after, before, "ProductLineRegisteredEvent")).isEqualTo(expected.products());
        assertThat(delta(after, before, "DealOpenedEvent")).isEqualTo(expected.deals());
        assertThat(delta(after, before, "DealWonEvent")).isEqualTo(expected.won());
        assertThat(delta(after, before, "DealLostEvent")).isEqualTo(expected.lost());
        assertThat(total(after) - total(before)).isEqualTo(expected.regions() + expected.teams() + expected.reps()
                + expected.products() + expected.deals() + expected.won() + expected.lost());

        // Every normalisation is in the report, one line per row and field.
        List<String> lines = first.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("NORMALISED\tsales_pipeline.csv\t") && l.contains("\tproduct\t\"GTXPro\"\t"))
                .hasSize(expected.gtxPro());
        assertThat(lines).filteredOn(l -> l.startsWith("NORMALISED\tsales_pipeline.csv\t") && l.contains("\taccount\t\"\"\t"))
                .hasSize(expected.noAccount());
        assertThat(lines).noneMatch(l -> l.startsWith("FAILED"));

        // One deal read back through Axon's event store: normalised product, business times, final amount.
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents("Z063OYW0").asStream().toList();
        assertThat(events).hasSize(2);
        DealOpenedEvent opened = (DealOpenedEvent) events.get(0).getPayload();
        assertThat(opened.productLine()).isEqualTo("GTX Pro");
        assertThat(opened.ownerRepId()).isEqualTo("Darcel Schlecht");
        assertThat(opened.amount().amount()).isEqualByComparingTo("4821");
        assertThat(opened.occurredAt()).isEqualTo(Instant.parse("2016-10-25T00:00:00Z"));
        DealWonEvent won = (DealWonEvent) events.get(1).getPayload();
        assertThat(won.amount().amount()).isEqualByComparingTo(new BigDecimal("4514"));
        assertThat(won.occurredAt()).isEqualTo(Instant.parse("2017-03-11T00:00:00Z"));

        readModelsMatchFiguresComputedFromTheCsv(dir);   // appends the targets it checks attainment against
        long beforeSecondRun = total(eventsByType());

        Run second = importCrm(dir);

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(total(eventsByType())).isEqualTo(beforeSecondRun);
        assertThat(second.out()).containsPattern("deals +0 +" + expected.deals() + " +0 +0 ");
        assertThat(second.out()).contains("commands: 0 appended events");
        System.err.printf("CRM import of %d opportunities: first run %.1f s, second run %.1f s%n",
                expected.deals(), first.seconds(), second.seconds());
    }

    // ------------------------------------------------------------------ read models against the CSV

    private static final String[] REGIONS = {"Central", "East", "West"};
    private static final String[] PERIODS = {"2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4", "2017-06", "2017"};
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** One opportunity of the export, as the test reads it (independently of the importer). */
    record Opportunity(String agent, String stage, LocalDate engaged, LocalDate closed, BigDecimal value) {
    }

    static boolean in(LocalDate date, String period) {
        if (date == null) {
            return false;
        }
        if (period.length() == 4) {
            return date.getYear() == Integer.parseInt(period);
        }
        if (period.contains("-Q")) {
            int quarter = Integer.parseInt(period.substring(6));
            return date.getYear() == Integer.parseInt(period.substring(0, 4)) && (date.getMonthValue() - 1) / 3 + 1 == quarter;
        }
        return YearMonth.from(date).toString().equals(period);
    }

    /**
     * Leaderboards (revenue won per rep, dense ranks), funnels (deals entering each stage, win rate) and attainment
     * (against targets set here) read through the query API, compared with figures computed from the CSV files.
     */
    void readModelsMatchFiguresComputedFromTheCsv(Path dir) throws Exception {
        Map<String, String> regionOf = new HashMap<>();
        Map<String, String> teamOf = new HashMap<>();
        for (String[] row : Expected.rows(dir.resolve("sales_teams.csv"))) {
            teamOf.put(row[0], row[1]);
            regionOf.put(row[0], row[2]);
        }
        List<Opportunity> opportunities = new ArrayList<>();
        for (String[] row : Expected.rows(dir.resolve("sales_pipeline.csv"))) {
            opportunities.add(new Opportunity(row[1], row[4],
                    row[5].isEmpty() ? null : LocalDate.parse(row[5]), row[6].isEmpty() ? null : LocalDate.parse(row[6]),
                    row[7].isEmpty() ? BigDecimal.ZERO : new BigDecimal(row[7])));
        }
        long head = database.getCollection("event_positions").find().first().get("value", Number.class).longValue();

        for (String period : PERIODS) {
            Map<String, BigDecimal> revenue = new HashMap<>();
            for (Opportunity o : opportunities) {
                if (o.stage().equals("Won") && in(o.closed(), period)) {
                    revenue.merge(o.agent(), o.value(), BigDecimal::add);
                }
            }
            // the whole company: every agent of the export with its revenue (other tests' reps may be listed too)
            Map<String, BigDecimal> board = values(query("/api/v1/leaderboards/" + period + "?metric=REVENUE", head));
            for (String agent : regionOf.keySet()) {
                assertThat(board.getOrDefault(agent, BigDecimal.ZERO)).as(period + " revenue of " + agent)
                        .isEqualByComparingTo(revenue.getOrDefault(agent, BigDecimal.ZERO));
            }
            for (String region : REGIONS) {
                Map<String, Object> view = query("/api/v1/leaderboards/" + period + "?metric=REVENUE&region=" + region, head);
                Map<String, BigDecimal> expected = new HashMap<>();
                revenue.forEach((agent, value) -> {
                    if (region.equals(regionOf.get(agent))) {
                        expected.put(agent, value);
                    }
                });
                Map<String, BigDecimal> actual = values(view);
                actual.values().removeIf(v -> v.signum() == 0);
                assertThat(actual.keySet()).as(period + " " + region).isEqualTo(expected.keySet());
                expected.forEach((agent, value) -> assertThat(actual.get(agent)).as(period + " " + agent)
                        .isEqualByComparingTo(value));
                // dense ranks: by value (descending), then name; equal values share a rank
                List<Map.Entry<String, BigDecimal>> order = new ArrayList<>(expected.entrySet());
                order.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
                List<?> entries = (List<?>) view.get("entries");
                int rank = 0;
                BigDecimal previous = null;
                for (int i = 0; i < order.size(); i++) {
                    if (previous == null || order.get(i).getValue().compareTo(previous) != 0) {
                        rank++;
                        previous = order.get(i).getValue();
                    }
                    Map<?, ?> entry = (Map<?, ?>) entries.get(i);
                    assertThat(entry.get("repId")).as(period + " " + region + " place " + i).isEqualTo(order.get(i).getKey());
                    assertThat(((Number) entry.get("rank")).intValue()).isEqualTo(rank);
                }

                // funnel of the region: deals opened QUALIFIED at their engage date, closed WON/LOST at their close date
                int qualified = 0;
                int won = 0;
                int lost = 0;
                for (Opportunity o : opportunities) {
                    if (!region.equals(regionOf.get(o.agent()))) {
                        continue;
                    }
                    qualified += !o.stage().equals("Prospecting") && in(o.engaged(), period) ? 1 : 0;
                    won += o.stage().equals("Won") && in(o.closed(), period) ? 1 : 0;
                    lost += o.stage().equals("Lost") && in(o.closed(), period) ? 1 : 0;
                }
                Map<String, Object> funnel = query("/api/v1/funnel/" + period + "?region=" + region, head);
                Map<String, Integer> entered = new HashMap<>();
                for (Object stage : (List<?>) funnel.get("stages")) {
                    Map<?, ?> s = (Map<?, ?>) stage;
                    entered.put((String) s.get("stage"), ((Number) s.get("entered")).intValue());
                }
                assertThat(entered).as("funnel " + period + " " + region)
                        .containsEntry("LEAD", 0).containsEntry("QUALIFIED", qualified)
                        .containsEntry("PROPOSAL", 0).containsEntry("NEGOTIATION", 0)
                        .containsEntry("WON", won).containsEntry("LOST", lost);
                if (won + lost > 0) {
                    assertThat(new BigDecimal(funnel.get("winRate").toString())).as("win rate " + period + " " + region)
                            .isCloseTo(BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 10, RoundingMode.HALF_EVEN),
                                    org.assertj.core.data.Offset.offset(new BigDecimal("0.0001")));
                }
            }
        }

        // attainment: a revenue target for 2017-Q2 for every agent of one team and for the team itself
        String team = teamOf.get("Darcel Schlecht");
        BigDecimal target = new BigDecimal("100000");
        long position = 0;
        for (String agent : teamOf.keySet()) {
            if (team.equals(teamOf.get(agent))) {
                position = Math.max(position, write("/api/v1/targets",
                        Map.of("repId", agent, "period", "2017-Q2", "metric", "REVENUE", "amount", target, "currency", "USD")));
            }
        }
        position = Math.max(position, write("/api/v1/targets",
                Map.of("teamId", team, "period", "2017-Q2", "metric", "REVENUE", "amount", target, "currency", "USD")));
        BigDecimal teamActual = BigDecimal.ZERO;
        for (String agent : teamOf.keySet()) {
            if (!team.equals(teamOf.get(agent))) {
                continue;
            }
            BigDecimal actual = BigDecimal.ZERO;
            for (Opportunity o : opportunities) {
                if (o.agent().equals(agent) && o.stage().equals("Won") && in(o.closed(), "2017-Q2")) {
                    actual = actual.add(o.value());
                }
            }
            teamActual = teamActual.add(actual);
            Map<String, Object> view = query("/api/v1/attainment/2017-Q2?metric=REVENUE&repId=" + encode(agent), position);
            assertThat(view).containsEntry("repId", agent).containsEntry("metric", "REVENUE");
            assertThat(new BigDecimal(view.get("target").toString())).isEqualByComparingTo(target);
            assertThat(new BigDecimal(view.get("actual").toString())).as("actual of " + agent).isEqualByComparingTo(actual);
            assertThat(new BigDecimal(view.get("attainment").toString())).as("attainment of " + agent)
                    .isCloseTo(actual.divide(target, 10, RoundingMode.HALF_EVEN),
                            org.assertj.core.data.Offset.offset(new BigDecimal("0.0001")));
        }
        Map<String, Object> teamView = query("/api/v1/attainment/2017-Q2?metric=REVENUE&teamId=" + encode(team), position);
        assertThat(new BigDecimal(teamView.get("actual").toString())).as("team actual").isEqualByComparingTo(teamActual);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, BigDecimal> values(Map<String, Object> leaderboard) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (Object entry : (List<?>) leaderboard.get("entries")) {
            Map<?, ?> e = (Map<?, ?>) entry;
            values.put((String) e.get("repId"), new BigDecimal(e.get("value").toString()));
        }
        return values;
    }

    /** A query as ADMIN once the read model has passed the position (waits while the projections catch up). */
    private Map<String, Object> query(String pathAndQuery, long minPosition) {
        String uri = "http://127.0.0.1:" + port + pathAndQuery.replace(" ", "%20")
                + (pathAndQuery.contains("?") ? "&" : "?") + "minPosition=" + minPosition;
        AtomicReference<Map<String, Object>> answer = new AtomicReference<>();
        Awaitility.await(pathAndQuery).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) {
                return false;   // not yet at the position
            }
            assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
            answer.set(json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
            }));
            return true;
        });
        return answer.get();
    }

    /** A command as ADMIN; returns the global position of its event. */
    private long write(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return json.readTree(response.body()).get("position").asLong();
    }

    @Test
    void aSmallExportWithBadRowsImportsTheRestReportsThemAndExitsWithOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sales_teams.csv"), """
                sales_agent,manager,regional_office
                It Ann,It Boss,It North
                It Bob,It Boss,It North
                It Cid,,It North
                """);
        Files.writeString(dir.resolve("products.csv"), """
                product,series,sales_price
                It Widget,IT,100
                It Gadget,IT,2500.50
                """);
        Files.writeString(dir.resolve("sales_pipeline.csv"), """
                opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
                IT-1,It Ann,It Widget,Acme,Won,2017-01-02,2017-02-03,120
                IT-2,It Bob,ItGadget,,Lost,2017-01-05,2017-01-20,0
                IT-3,It Ann,It Widget,"Acme, Inc.",Engaging,2017-03-01,,
                IT-4,It Bob,It Widget,Acme,Prospecting,,,
                IT-5,It Cid,It Widget,Acme,Won,2017-01-02,2017-02-03,120
                IT-6,It Ann,It Widget,Acme,Won,2017-01-02,2017-02-03,0
                """);
        Map<String, Long> before = eventsByType();

        Run run = importCrm(dir);

        assertThat(run.status()).as(run.err()).isEqualTo(CrmImport.SOME_FAILED);
        Map<String, Long> after = eventsByType();
        assertThat(delta(after, before, "RegionCreatedEvent")).isEqualTo(1);
        assertThat(delta(after, before, "TeamCreatedEvent")).isEqualTo(1);
        assertThat(delta(after, before, "RepOnboardedEvent")).isEqualTo(2);
        assertThat(delta(after, before, "ProductLineRegisteredEvent")).isEqualTo(2);
        assertThat(delta(after, before, "DealOpenedEvent")).isEqualTo(4);
        assertThat(delta(after, before, "DealWonEvent")).isEqualTo(1);
        assertThat(delta(after, before, "DealLostEvent")).isEqualTo(1);
        assertThat(run.out()).contains("FAILED\tsales_pipeline.csv\t6\tIT-5\tsales_agent\t\"It Cid\"\t")
                .contains("FAILED\tsales_pipeline.csv\t7\tIT-6\tclose_value\t\"0\"\t")
                .contains("FAILED\tsales_teams.csv\t4\tIt Cid\tmanager\t\"\"\t")
                .contains("NORMALISED\tsales_pipeline.csv\t3\tIT-2\tproduct\t\"ItGadget\"\t")
                .contains("NORMALISED\tsales_pipeline.csv\t3\tIT-2\taccount\t\"\"\t");
        DealOpenedEvent quoted = (DealOpenedEvent) eventStore.readEvents("IT-3").asStream().toList().get(0).getPayload();
        assertThat(quoted.customer()).isEqualTo("Acme, Inc.");
        DealOpenedEvent lead = (DealOpenedEvent) eventStore.readEvents("IT-4").asStream().toList().get(0).getPayload();
        assertThat(lead.stage().name()).isEqualTo("LEAD");

        Run again = importCrm(dir);
        assertThat(again.status()).isEqualTo(CrmImport.SOME_FAILED);
        assertThat(total(eventsByType())).isEqualTo(total(after));
    }

    @Test
    void aPlanFileCreatesThePlanAssignsItAndItsTargetsAndTheWonDealsEarnCommission(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sales_teams.csv"), """
                sales_agent,manager,regional_office
                Pl Ann,Pl Boss,Pl North
                Pl Bob,Pl Boss,Pl North
                """);
        Files.writeString(dir.resolve("products.csv"), "product,series,sales_price\nPl Widget,PL,100\n");
        Files.writeString(dir.resolve("sales_pipeline.csv"), """
                opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
                PL-1,Pl Ann,Pl Widget,Acme,Won,2017-01-02,2017-02-03,120
                PL-2,Pl Bob,Pl Widget,Acme,Lost,2017-01-05,2017-04-20,0
                """);
        Path planFile = dir.resolve("plan.json");
        Files.writeString(planFile, """
                {"planId": "pl-plan", "name": "PL plan", "quarterlyTarget": {"amount": 1000, "currency": "USD"},
                 "terms": {"currency": "USD", "clawbackWindowDays": 90,
                           "bands": [{"fromAttainment": 0, "toAttainment": 1, "rate": 0.02},
                                     {"fromAttainment": 1, "rate": 0.05}]}}
                """);
        Map<String, Long> before = eventsByType();

        Run run = importCrm(dir, TOKEN, "http://127.0.0.1:" + port, "--plan", planFile.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(CrmImport.OK);
        assertThat(run.out()).containsPattern("plan +1 +0 +0 +0 ").containsPattern("assignments +2 +0 +0 +0 ")
                .containsPattern("targets +4 +0 +0 +0 ");
        // 120 USD of a 1,000 USD Q1 target at 2 %: 2.40 USD, booked by the commission process
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                !eventStore.readEvents("statement:Pl Ann:2017-Q1").asStream().toList().isEmpty());
        io.attain.kernel.compensation.CommissionAccruedEvent line = eventStore.readEvents("statement:Pl Ann:2017-Q1")
                .asStream().map(m -> m.getPayload())
                .filter(io.attain.kernel.compensation.CommissionAccruedEvent.class::isInstance)
                .map(io.attain.kernel.compensation.CommissionAccruedEvent.class::cast).findFirst().orElseThrow();
        assertThat(line.calculation().total().amount()).isEqualByComparingTo("2.40");
        assertThat(line.plan().terms().effectiveFrom()).isEqualTo(java.time.LocalDate.of(2017, 1, 1));
        Map<String, Long> after = eventsByType();
        assertThat(delta(after, before, "PlanCreatedEvent")).isEqualTo(1);
        assertThat(delta(after, before, "PlanVersionPublishedEvent")).isEqualTo(1);
        assertThat(delta(after, before, "PlanAssignedEvent")).isEqualTo(2);
        // two reps × 2017-Q1 and 2017-Q2 (the data runs from 2017-01-01 to 2017-04-20)
        assertThat(delta(after, before, "TargetAssignedEvent")).isEqualTo(4);

        Run again = importCrm(dir, TOKEN, "http://127.0.0.1:" + port, "--plan", planFile.toString());
        assertThat(again.status()).as(again.err()).isEqualTo(CrmImport.OK);
        assertThat(total(eventsByType())).isEqualTo(total(after));

        Files.writeString(planFile, "{\"planId\": \"pl-plan\"}");
        Run bad = importCrm(dir, TOKEN, "http://127.0.0.1:" + port, "--plan", planFile.toString());
        assertThat(bad.status()).isEqualTo(CrmImport.USAGE_OR_CONNECTION);
        assertThat(bad.err()).contains("terms: is required");
    }

    @Test
    void aRefusedTokenOrAnUnreachableServerOrAMissingTokenExitsWithTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sales_teams.csv"), "sales_agent,manager,regional_office\nIt Zed,It Zoe,It South\n");
        Files.writeString(dir.resolve("products.csv"), "product,series,sales_price\nIt Thing,IT,5\n");
        Files.writeString(dir.resolve("sales_pipeline.csv"),
                "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
                        + "IT-Z,It Zed,It Thing,Acme,Prospecting,,,\n");
        long before = total(eventsByType());

        Run wrongToken = importCrm(dir, "not-the-token", "http://127.0.0.1:" + port);
        Run noServer = importCrm(dir, TOKEN, "http://127.0.0.1:1");
        Run noToken = importCrm(dir, null, "http://127.0.0.1:" + port);
        Run noDir = importCrm(dir.resolve("missing"), TOKEN, "http://127.0.0.1:" + port);

        assertThat(Stream.of(wrongToken, noServer, noToken, noDir)).extracting(Run::status)
                .containsOnly(CrmImport.USAGE_OR_CONNECTION);
        assertThat(wrongToken.err()).contains("refused the token");
        assertThat(noServer.err()).contains("cannot connect");
        assertThat(noToken.err()).contains("ATTAIN_TOKEN");
        assertThat(total(eventsByType())).isEqualTo(before);
    }
}
