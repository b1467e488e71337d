package io.attain.standalone.cli;

import com.mongodb.client.MongoDatabase;
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

    Run importCrm(Path dir, String token, String server) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = CrmImport.run(new String[]{"crm", dir.toString(), "--server", server},
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

        Run second = importCrm(dir);

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(total(eventsByType())).isEqualTo(total(after));
        assertThat(second.out()).containsPattern("deals +0 +" + expected.deals() + " +0 +0 ");
        assertThat(second.out()).contains("commands: 0 appended events");
        System.err.printf("CRM import of %d opportunities: first run %.1f s, second run %.1f s%n",
                expected.deals(), first.seconds(), second.seconds());
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
