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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * The CRM importer end to end: the app on the embedded store users get by default (durable, journaled to a fresh
 * directory under {@code target/}) with a known admin token, the importer
 * as the command line runs it (no Spring in it), talking HTTP to the app. Counts are checked in the event log
 * against counts computed here from the CSV, independently of the importer's code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ATTAIN_ADMIN_TOKEN=" + CrmImportIntegrationTest.TOKEN,
        "attain.security.tokens[" + CrmImportIntegrationTest.FINANCE + "]=FINANCE:crm-finance",
        "attain.security.tokens[" + CrmImportIntegrationTest.AUDITOR + "]=AUDITOR:crm-auditor",
        "attain.security.tokens[" + CrmImportIntegrationTest.REP_DARCEL + "]=REP:Darcel Schlecht:Melvin Marxen"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmImportIntegrationTest {

    static final String TOKEN = "crm-import-it-admin-token-0123456789";
    static final String FINANCE = "crm-it-finance-token";
    static final String AUDITOR = "crm-it-auditor-token";
    /** A rep of the export (team = the manager's name, as the import creates it). */
    static final String REP_DARCEL = "crm-it-rep-darcel-token";

    /** The default (file) backend in a directory of its own for this run. */
    @org.springframework.test.context.DynamicPropertySource
    static void dataDirectory(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("attain.data-dir", () -> CrmData.freshDataDirectory("crm-it-data"));
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    EventStore eventStore;
    @Autowired
    io.attain.eventstore.MongoEventStorageEngine engine;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

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

    static Path dataset() {
        return CrmData.dataset();
    }

    /** What the export should produce, counted with a plain split (the files hold no quoted fields). */
    record Expected(int regions, int teams, int reps, int products, int deals, int won, int lost,
                    int gtxPro, int noAccount, int quarters) {

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
            LocalDate firstEngaged = null;
            LocalDate last = null;
            List<String[]> pipeline = rows(dir.resolve("sales_pipeline.csv"));
            for (String[] row : pipeline) {
                won += row[4].equals("Won") ? 1 : 0;
                lost += row[4].equals("Lost") ? 1 : 0;
                gtxPro += row[2].equals("GTXPro") ? 1 : 0;
                noAccount += row[3].isEmpty() ? 1 : 0;
                for (int column : new int[]{5, 6}) {
                    if (!row[column].isEmpty()) {
                        LocalDate date = LocalDate.parse(row[column]);
                        last = last == null || date.isAfter(last) ? date : last;
                        if (column == 5) {
                            firstEngaged = firstEngaged == null || date.isBefore(firstEngaged) ? date : firstEngaged;
                        }
                    }
                }
            }
            // a plan's targets: every quarter from the reps' hire date (the day before the first engagement) on
            LocalDate hired = firstEngaged.minusDays(1);
            int quarters = (last.getYear() * 4 + (last.getMonthValue() - 1) / 3)
                    - (hired.getYear() * 4 + (hired.getMonthValue() - 1) / 3) + 1;
            return new Expected(offices.size(), managers.size(), agents.size(),
                    rows(dir.resolve("products.csv")).size(), pipeline.size(), won, lost, gtxPro, noAccount, quarters);
        }

        private static List<String[]> rows(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(String.join("\n", lines)).as("no quoted fields in " + file).doesNotContain("\"");
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        }
    }

    // ------------------------------------------------------------------ the published export, imported once

    /** The first import of the published export with the sample plan, and the log's event counts around it. */
    record Imported(int port, Run first, Map<String, Long> before, Map<String, Long> after) {
    }

    /**
     * The published export imported with {@code docs/plans/sample-plan.json}: once per Spring context (the import
     * takes minutes), shared by {@link #importsThePublishedExportAndASecondRunAppendsNothing} and
     * {@link #theSamplePlanOnTheImportedDataEndToEnd} (whichever runs first imports).
     */
    private static Imported imported;

    synchronized Imported publishedExport(Path dir) {
        if (imported == null || imported.port() != port) {
            Map<String, Long> before = eventsByType();
            Run first = importCrm(dir, TOKEN, "http://127.0.0.1:" + port, "--plan", SamplePlan.file().toString());
            imported = new Imported(port, first, before, eventsByType());
        }
        return imported;
    }

    /**
     * Events the commission process (statements) and the channel process (customer claims, conflicts, rebates)
     * append or publish, asynchronously after the import.
     */
    static boolean processEvent(String type) {
        return type.startsWith("Commission") || type.startsWith("Statement") || type.startsWith("CustomerClaim")
                || type.startsWith("ChannelConflict") || type.startsWith("Rebate");
    }

    static long totalWithoutProcesses(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !processEvent(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Waits until the commission and channel processes have handled every event of the log, and so append nothing
     * more: the head did not move while both their positions were read at or after it.
     */
    void awaitProcessesCaughtUp() {
        Awaitility.await("the commission and channel processes at the log's head").atMost(Duration.ofMinutes(10))
                  .pollInterval(Duration.ofSeconds(1)).until(() -> {
                      long head = head();
                      boolean caughtUp = processPosition("commission-process") >= head
                              && processPosition(io.attain.command.process.channel.ChannelProcess.NAME) >= head;
                      return caughtUp && head() == head;
                  });
    }

    private long processPosition(String name) {
        return processing.eventProcessor(name, org.axonframework.eventhandling.StreamingEventProcessor.class)
                         .map(p -> p.processingStatus().values().stream()
                                    .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                                    .min().orElse(-1))
                         .orElse(-1L);
    }

    /** Waits until the commission process has booked one accrual per won deal of the export. */
    void awaitCommissionsBooked(Path dir) throws IOException {
        Set<String> agents = new HashSet<>();
        Expected.rows(dir.resolve("sales_teams.csv")).forEach(row -> agents.add(row[0]));
        long won = Expected.from(dir).won();
        Awaitility.await("one commission line per won deal").atMost(Duration.ofMinutes(10))
                  .pollInterval(Duration.ofSeconds(2)).until(() -> {
                      long accrued = 0;
                      for (Document commit : database.getCollection("events")
                                                     .find(com.mongodb.client.model.Filters.regex("aggregateId", "^statement:"))) {
                          String rep = commit.getString("aggregateId").split(":")[1];
                          for (Document event : commit.getList("events", Document.class, List.of())) {
                              accrued += agents.contains(rep)
                                      && event.getString("payloadType").endsWith(".CommissionAccruedEvent") ? 1 : 0;
                          }
                      }
                      return accrued == won;
                  });
    }

    @Test
    @Order(1)
    void importsThePublishedExportAndASecondRunAppendsNothing() throws Exception {
        Path dir = dataset();
        assumeTrue(dir != null, "the CRM export is not beside the repository (../shared/data/crm-sales-opportunities)"
                + " nor in ATTAIN_CRM_DATA");
        Expected expected = Expected.from(dir);
        Imported imported = publishedExport(dir);
        Run first = imported.first();
        Map<String, Long> before = imported.before();
        Map<String, Long> after = imported.after();

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(delta(after, before, "RegionCreatedEvent")).isEqualTo(expected.regions());
        assertThat(delta(after, before, "TeamCreatedEvent")).isEqualTo(expected.teams());
        assertThat(delta(after, before, "RepOnboardedEvent")).isEqualTo(expected.reps());
        assertThat(delta(after, before, "ProductLineRegisteredEvent")).isEqualTo(expected.products());
        assertThat(delta(after, before, "DealOpenedEvent")).isEqualTo(expected.deals());
        assertThat(delta(after, before, "DealWonEvent")).isEqualTo(expected.won());
        assertThat(delta(after, before, "DealLostEvent")).isEqualTo(expected.lost());
        // the sample plan: created, published once, assigned to every rep, a target per rep and quarter
        assertThat(delta(after, before, "PlanCreatedEvent")).isEqualTo(1);
        assertThat(delta(after, before, "PlanVersionPublishedEvent")).isEqualTo(1);
        assertThat(delta(after, before, "PlanAssignedEvent")).isEqualTo(expected.reps());
        assertThat(delta(after, before, "TargetAssignedEvent")).isEqualTo((long) expected.reps() * expected.quarters());
        assertThat(first.out()).containsPattern("plan +1 +0 +0 +0 ")
                .containsPattern("assignments +" + expected.reps() + " +0 +0 +0 ")
                .containsPattern("targets +" + expected.reps() * expected.quarters() + " +0 +0 +0 ");
        // besides what the commission process books asynchronously, exactly the import's events
        assertThat(totalWithoutProcesses(after) - totalWithoutProcesses(before)).isEqualTo(expected.regions()
                + expected.teams() + expected.reps() + expected.products() + expected.deals() + expected.won()
                + expected.lost() + 2 + expected.reps() + (long) expected.reps() * expected.quarters());

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

        readModelsMatchFiguresComputedFromTheCsv(dir);   // appends the team target it checks attainment against
        awaitCommissionsBooked(dir);
        awaitProcessesCaughtUp();
        long beforeSecondRun = total(eventsByType());

        Run second = importCrm(dir, TOKEN, "http://127.0.0.1:" + port, "--plan", SamplePlan.file().toString());

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
        long head = head();

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

        // attainment: every agent against the quarterly target the sample plan assigned, and one team against a
        // revenue target for 2017-Q2 set here
        String team = teamOf.get("Darcel Schlecht");
        BigDecimal target = SamplePlan.read(SamplePlan.file()).quarterlyTarget();
        long position = Math.max(head, write("/api/v1/targets",
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
        return query(pathAndQuery, minPosition, TOKEN);
    }

    /** A query with the token once the read model has passed the position (waits while the projections catch up). */
    private Map<String, Object> query(String pathAndQuery, long minPosition, String token) {
        String uri = "http://127.0.0.1:" + port + pathAndQuery.replace(" ", "%20")
                + (pathAndQuery.contains("?") ? "&" : "?") + "minPosition=" + minPosition;
        AtomicReference<Map<String, Object>> answer = new AtomicReference<>();
        Awaitility.await(pathAndQuery).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
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

    // ------------------------------------------------------------------ the sample plan end to end

    /**
     * The log's head: the last position the event store handed out (on the embedded default the counter document
     * reserves a block ahead, so it is not the head).
     */
    private long head() {
        return engine.allocatedPositions();
    }

    /** A request with the token; the answer as it is (status, headers, body). */
    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path.replace(" ", "%20")))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                   .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ok(String path, String token, Object body) throws Exception {
        HttpResponse<String> response = send("POST", path, token, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return response;
    }

    /** A refusal: the status, problem+json naming the field, and nothing appended to the log. */
    private void refused(String path, String token, Object body, int status, String field) throws Exception {
        long before = head();
        HttpResponse<String> response = send("POST", path, token, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).as(response.body()).isEqualTo(field);
        }
        assertThat(head()).as("nothing appended after " + path).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    private static Map<String, Object> usd(Map<String, Object> statement) {
        return list(statement, "totals").stream().filter(t -> "USD".equals(t.get("currency"))).findFirst().orElseThrow();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    private static String statementPath(String rep, String period) {
        return "/api/v1/statements/" + encode(rep) + "/" + period;
    }

    /**
     * The end-to-end check on the imported CRM data with the documented sample plan, through the HTTP API:
     * one quarter's statements against figures computed here from the CSV and the plan file; submit, approve
     * (FINANCE; never the rep), lock, pay a batch (refusals leave the log as it was); a reopened won deal clawed back
     * into the first open statement; verify with zero differences; an event document altered by hand is named by
     * verify; the payroll CSV of the batch.
     */
    @Test
    @Order(2)
    void theSamplePlanOnTheImportedDataEndToEnd() throws Exception {
        Path dir = dataset();
        assumeTrue(dir != null, "the CRM export is not beside the repository (../shared/data/crm-sales-opportunities)"
                + " nor in ATTAIN_CRM_DATA");
        assertThat(publishedExport(dir).first().status()).isZero();
        awaitCommissionsBooked(dir);
        awaitProcessesCaughtUp();   // "nothing appended" below compares the log's head around refused requests
        SamplePlan plan = SamplePlan.read(SamplePlan.file());
        String quarter = "2017-Q3";
        String next = "2017-Q4";
        String darcel = "Darcel Schlecht";

        // the quarter's won deals per rep, from the CSV
        Map<String, Map<String, SamplePlan.WonDeal>> won = new java.util.TreeMap<>();
        for (String[] row : Expected.rows(dir.resolve("sales_pipeline.csv"))) {
            if (row[4].equals("Won") && in(LocalDate.parse(row[6]), quarter)) {
                won.computeIfAbsent(row[1], r -> new HashMap<>()).put(row[0], new SamplePlan.WonDeal(row[0], row[2],
                        LocalDate.parse(row[6]), new BigDecimal(row[7])));
            }
        }
        assertThat(won).containsKey(darcel);

        // 1. every rep with won deals in the quarter has a statement whose lines and totals are the plan's
        long head = head();
        Map<String, BigDecimal> expected = new java.util.TreeMap<>();
        Map<String, Map<String, Object>> darcelLines = new HashMap<>();   // by deal
        Map<String, BigDecimal> darcelLineTotals = new HashMap<>();       // by deal
        for (Map.Entry<String, Map<String, SamplePlan.WonDeal>> rep : won.entrySet()) {
            Map<String, Object> statement = query(statementPath(rep.getKey(), quarter), head);
            assertThat(statement).containsEntry("status", "OPEN").containsEntry("statementId",
                    "statement:" + rep.getKey() + ":" + quarter);
            List<Map<String, Object>> lines = list(statement, "lines");   // in booking (global) order
            assertThat(lines).extracting(l -> (String) l.get("dealId")).as(rep.getKey())
                    .containsExactlyInAnyOrderElementsOf(rep.getValue().keySet());
            List<SamplePlan.WonDeal> order = lines.stream().map(l -> rep.getValue().get((String) l.get("dealId"))).toList();
            List<BigDecimal> totals = plan.lineTotals(order);
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < lines.size(); i++) {
                assertThat(decimal(lines.get(i).get("amount"))).as(rep.getKey() + " line of " + order.get(i))
                        .isEqualByComparingTo(totals.get(i));
                sum = sum.add(totals.get(i));
                if (rep.getKey().equals(darcel)) {
                    darcelLines.put(order.get(i).dealId(), lines.get(i));
                    darcelLineTotals.put(order.get(i).dealId(), totals.get(i));
                }
            }
            Map<String, Object> usd = usd(statement);
            assertThat(decimal(usd.get("earned"))).as("earned of " + rep.getKey()).isEqualByComparingTo(sum);
            assertThat(decimal(usd.get("net"))).as("net of " + rep.getKey()).isEqualByComparingTo(sum);
            assertThat(decimal(usd.get("clawedBack"))).isZero();
            assertThat(decimal(usd.get("adjusted"))).isZero();
            expected.put(rep.getKey(), sum);
        }
        Set<String> listed = new HashSet<>();
        list(query("/api/v1/statements?period=" + quarter, head), "statements").forEach(s -> listed.add((String) s.get("repId")));
        assertThat(listed).containsAll(won.keySet());
        System.err.printf("CRM %s: %d statements, %s USD commission in all (Darcel Schlecht %s USD)%n", quarter,
                expected.size(), expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), expected.get(darcel));

        // 2. submit (the rep their own), approve (FINANCE; the rep may not approve their own), lock, pay one batch
        String own = statementPath(darcel, quarter);
        ok(own + "/submission", REP_DARCEL, Map.of());
        refused(own + "/approval", REP_DARCEL, Map.of(), 403, null);
        for (String rep : expected.keySet()) {
            String path = statementPath(rep, quarter);
            if (!rep.equals(darcel)) {
                ok(path + "/submission", FINANCE, Map.of());
            }
            ok(path + "/approval", FINANCE, Map.of());
            ok(path + "/lock", FINANCE, Map.of());
        }
        String batch = "crm-payroll-" + quarter;
        String paymentDate = "2017-10-13";
        refused(own + "/payments", FINANCE, Map.of("batchId", batch, "paymentDate", paymentDate,
                "amount", Map.of("amount", expected.get(darcel).add(new BigDecimal("0.01")), "currency", "USD")), 422, "amount");
        // the rep's statement is paid in two batches: all but 100.00 in the batch, the rest in another one
        BigDecimal rest = new BigDecimal("100.00");
        Map<String, BigDecimal> inBatch = new java.util.TreeMap<>(expected);
        inBatch.put(darcel, expected.get(darcel).subtract(rest));
        for (Map.Entry<String, BigDecimal> rep : inBatch.entrySet()) {
            ok(statementPath(rep.getKey(), quarter) + "/payments", FINANCE, Map.of("batchId", batch,
                    "paymentDate", paymentDate, "amount", Map.of("amount", rep.getValue(), "currency", "USD")));
        }
        // the same batch twice
        refused(own + "/payments", FINANCE, Map.of("batchId", batch, "paymentDate", paymentDate,
                "amount", Map.of("amount", rest, "currency", "USD")), 409, "batchId");
        ok(own + "/payments", FINANCE, Map.of("batchId", batch + "-rest", "paymentDate", paymentDate,
                "amount", Map.of("amount", rest, "currency", "USD")));
        // paid in full: nothing more to pay
        refused(own + "/payments", FINANCE, Map.of("batchId", batch + "-late", "paymentDate", paymentDate,
                "amount", Map.of("amount", new BigDecimal("0.01"), "currency", "USD")), 409, "period");
        head = head();
        for (Map.Entry<String, BigDecimal> rep : expected.entrySet()) {
            Map<String, Object> statement = query(statementPath(rep.getKey(), quarter), head);
            assertThat(statement).containsEntry("status", "PAID");
            assertThat(statement.get("seal")).as("seal of " + rep.getKey()).isNotNull();
            assertThat(decimal(usd(statement).get("approved"))).isEqualByComparingTo(rep.getValue());
            assertThat(decimal(usd(statement).get("paid"))).isEqualByComparingTo(rep.getValue());
            assertThat(decimal(usd(statement).get("outstanding"))).isZero();
        }
        Map<String, Object> paid = query(own, head, REP_DARCEL);   // the rep reads their own statement
        long paidEvents = ((Number) paid.get("eventCount")).longValue();

        // 3. a won deal of the quarter reopened inside the clawback window: the locked statement keeps its line, the
        // reversal lands in the rep's first open statement as a CLAWBACK adjustment
        SamplePlan.WonDeal reopened = won.get(darcel).values().stream()
                .filter(d -> d.value().compareTo(plan.minimumDealSize()) >= 0)
                .max(java.util.Comparator.comparing(SamplePlan.WonDeal::closed).thenComparing(SamplePlan.WonDeal::dealId))
                .orElseThrow();
        LocalDate reopenedOn = reopened.closed().plusDays(10);
        assertThat(reopenedOn).isBefore(reopened.closed().plusDays(plan.clawbackWindowDays()));
        ok("/api/v1/deals/" + reopened.dealId() + "/reopening", TOKEN, Map.of("reason", "customer withdrew",
                "occurredAt", reopenedOn + "T00:00:00Z"));
        String lineId = (String) darcelLines.get(reopened.dealId()).get("lineId");
        AtomicReference<Map<String, Object>> firstOpen = new AtomicReference<>();
        Awaitility.await("the clawback of " + lineId).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                  .until(() -> {
                      firstOpen.set(query(statementPath(darcel, next), head()));
                      return list(firstOpen.get(), "adjustments").stream().anyMatch(a -> lineId.equals(a.get("relatedLineId")));
                  });
        Map<String, Object> clawback = list(firstOpen.get(), "adjustments").stream()
                .filter(a -> lineId.equals(a.get("relatedLineId"))).findFirst().orElseThrow();
        assertThat(clawback).containsEntry("kind", "CLAWBACK")
                .containsEntry("relatedStatementId", "statement:" + darcel + ":" + quarter);
        assertThat(decimal(clawback.get("amount"))).isEqualByComparingTo(darcelLineTotals.get(reopened.dealId()).negate());
        assertThat(firstOpen.get()).containsEntry("status", "OPEN");
        Map<String, Object> nextUsd = usd(firstOpen.get());
        assertThat(decimal(nextUsd.get("net"))).isEqualByComparingTo(decimal(nextUsd.get("earned"))
                .subtract(decimal(nextUsd.get("clawedBack"))).add(decimal(nextUsd.get("adjusted"))));
        Map<String, Object> locked = query(own, head());
        assertThat(locked).containsEntry("status", "PAID");
        assertThat(((Number) locked.get("eventCount")).longValue()).isEqualTo(paidEvents);
        assertThat(list(locked, "clawbacks")).isEmpty();
        assertThat(decimal(usd(locked).get("net"))).isEqualByComparingTo(expected.get(darcel));

        // 4. verify: every statement recomputed from the log equals the read model, every seal holds
        Set<String> statements = new HashSet<>();
        head = head();
        for (int year = 2016; year <= 2018; year++) {
            for (int q = 1; q <= 4; q++) {
                list(query("/api/v1/statements?period=" + year + "-Q" + q, head), "statements")
                        .forEach(s -> statements.add((String) s.get("statementId")));
            }
        }
        Map<String, Object> clean = query("/api/v1/audit/verify", head, AUDITOR);
        assertThat(clean.get("differences")).isEqualTo(List.of());
        assertThat(((Number) clean.get("checked")).longValue()).isEqualTo(statements.size());
        assertThat(((Number) clean.get("sealsChecked")).longValue()).isGreaterThanOrEqualTo(expected.size());
        System.err.printf("CRM verify: %s statements, %s seals in %s ms%n", clean.get("checked"),
                clean.get("sealsChecked"), clean.get("durationMs"));

        // 5. an attacker alters one stored event of a sealed statement (an accrual's total) with the driver
        Map<String, Object> victim = darcelLines.get(won.get(darcel).keySet().stream().sorted()
                .filter(d -> !d.equals(reopened.dealId())).findFirst().orElseThrow());
        String eventId = (String) victim.get("eventId");
        long position = ((Number) victim.get("position")).longValue();
        com.mongodb.client.MongoCollection<Document> events = database.getCollection("events");
        Document commit = events.find(com.mongodb.client.model.Filters.eq("aggregateId", "statement:" + darcel + ":" + quarter))
                .into(new ArrayList<>()).stream()
                .filter(c -> c.getList("events", Document.class).stream().anyMatch(e -> eventId.equals(e.getString("eventId"))))
                .findFirst().orElseThrow();
        List<Document> stored = commit.getList("events", Document.class);
        int index = 0;
        while (!eventId.equals(stored.get(index).getString("eventId"))) {
            index++;
        }
        assertThat(commit.get("_id", Number.class).longValue() + index).isEqualTo(position);
        String original = stored.get(index).getString("payload");
        com.fasterxml.jackson.databind.node.ObjectNode payload = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(original);
        com.fasterxml.jackson.databind.node.ObjectNode total = (com.fasterxml.jackson.databind.node.ObjectNode) payload.at("/calculation/total");
        total.put("amount", total.get("amount").decimalValue().add(new BigDecimal("1000")));
        String field = "events." + index + ".payload";
        events.updateOne(com.mongodb.client.model.Filters.eq("_id", commit.get("_id")),
                com.mongodb.client.model.Updates.set(field, json.writeValueAsString(payload)));
        try {
            Map<String, Object> tampered = query("/api/v1/audit/verify", head(), AUDITOR);
            List<Map<String, Object>> differences = list(tampered, "differences");
            System.err.println("CRM verify after tampering: " + differences);
            assertThat(differences).isNotEmpty().allSatisfy(d ->
                    assertThat(d).containsEntry("statementId", "statement:" + darcel + ":" + quarter));
            // the seal names exactly the altered event, the first whose hash no longer matches
            assertThat(differences).filteredOn(d -> ((String) d.get("field")).startsWith("seal")).singleElement()
                    .satisfies(d -> {
                        assertThat((String) d.get("field")).startsWith("seal.events.").endsWith(".hash");
                        assertThat(((Number) d.get("position")).longValue()).isEqualTo(position);
                        assertThat(d).containsEntry("eventId", eventId);
                    });
            // and the read model no longer matches the (altered) log: the line and the totals
            assertThat(differences).anySatisfy(d -> {
                assertThat(d).containsEntry("field", "totals.USD.earned");
                assertThat(decimal(d.get("expected"))).isEqualByComparingTo(expected.get(darcel).add(new BigDecimal("1000")));
                assertThat(decimal(d.get("actual"))).isEqualByComparingTo(expected.get(darcel));
            });
            assertThat(differences).filteredOn(d -> d.get("position") != null)
                    .allSatisfy(d -> assertThat(d).containsEntry("eventId", eventId));
        } finally {
            events.updateOne(com.mongodb.client.model.Filters.eq("_id", commit.get("_id")),
                    com.mongodb.client.model.Updates.set(field, original));
        }
        assertThat(query("/api/v1/audit/verify", head(), AUDITOR).get("differences")).isEqualTo(List.of());

        // 6. the payroll export of the batch: one row per rep, the amounts computed here
        HttpResponse<String> csv = send("GET", "/api/v1/payouts/" + batch + ".csv", FINANCE, null);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("rep_id,period,amount,currency,payment_date,statement_id,batch_id,event_id,position");
        assertThat(rows).hasSize(expected.size() + 1);
        int r = 1;
        for (Map.Entry<String, BigDecimal> rep : inBatch.entrySet()) {   // by rep
            String[] columns = rows[r++].split(",", -1);
            assertThat(columns).hasSize(9);
            assertThat(columns[0]).isEqualTo(rep.getKey());
            assertThat(columns[1]).isEqualTo(quarter);
            assertThat(new BigDecimal(columns[2])).as("paid to " + rep.getKey()).isEqualByComparingTo(rep.getValue());
            assertThat(columns[3]).isEqualTo("USD");
            assertThat(columns[4]).isEqualTo(paymentDate);
            assertThat(columns[5]).isEqualTo("statement:" + rep.getKey() + ":" + quarter);
            assertThat(columns[6]).isEqualTo(batch);
            assertThat(columns[7]).isNotBlank();
            assertThat(Long.parseLong(columns[8])).isPositive();
        }
        assertThat(send("GET", "/api/v1/payouts/" + batch + ".csv", REP_DARCEL, null).statusCode()).isEqualTo(403);
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
        awaitProcessesCaughtUp();   // the channel process claims each deal's customer asynchronously
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

        assertThat(run.status()).as(run.err() + run.out()).isEqualTo(CrmImport.OK);
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
        awaitProcessesCaughtUp();
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
        awaitProcessesCaughtUp();   // earlier tests' asynchronous process work
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
