package io.attain.standalone.cli;

import io.attain.standalone.cli.CrmPlan.Command;
import io.attain.standalone.cli.CrmPlan.Item;
import io.attain.standalone.cli.ImportReport.Entry;
import io.attain.standalone.cli.ImportReport.Kind;
import io.attain.standalone.cli.ImportReport.Outcome;
import io.attain.standalone.cli.ImportReport.Result;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping of the CRM export onto command API requests, and what it reports. */
class CrmPlanTest {

    static final String TEAMS = """
            sales_agent,manager,regional_office
            Anna Snelling,Dustin Brinkmann,Central
            Moses Frase,Dustin Brinkmann,Central
            Violet Mclelland,Cara Losch,East
            """;
    static final String PRODUCTS = """
            product,series,sales_price
            GTX Basic,GTX,550
            GTX Pro,GTX,4821
            MG Special,MG,55
            """;
    static final String ACCOUNTS = """
            account,sector,year_established,revenue,employees,office_location,subsidiary_of
            Cancity,retail,2001,718.62,2448,United States,
            Isdom,medical,2002,3178.24,4540,United States,
            """;
    static final String HEADER = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n";

    final ImportReport report = new ImportReport();

    CrmPlan plan(String pipelineRows) throws Exception {
        return plan(TEAMS, PRODUCTS, pipelineRows);
    }

    CrmPlan plan(String teams, String products, String pipelineRows) throws Exception {
        return CrmPlan.build(CrmCsv.parse("sales_teams.csv", teams), CrmCsv.parse("products.csv", products),
                CrmCsv.parse("accounts.csv", ACCOUNTS), CrmCsv.parse("sales_pipeline.csv", HEADER + pipelineRows),
                report);
    }

    List<Entry> entries(Outcome outcome) {
        return report.entries().stream().filter(e -> e.outcome() == outcome).toList();
    }

    List<Entry> pipelineEntries(Outcome outcome) {
        return entries(outcome).stream().filter(e -> e.file().equals("sales_pipeline.csv")).toList();
    }

    @Test
    void officesBecomeRegionsManagersTeamsAndAgentsReps() throws Exception {
        CrmPlan plan = plan("1C1I7A6R,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\n");

        assertThat(plan.regions()).extracting(Item::id).containsExactly("Central", "East");
        assertThat(plan.regions().get(0).commands().get(0).body())
                .isEqualTo(Map.of("regionId", "Central", "name", "Central", "managerId", "unassigned"));
        assertThat(plan.teams()).extracting(Item::id).containsExactly("Dustin Brinkmann", "Cara Losch");
        assertThat(plan.teams().get(1).commands().get(0).body()).isEqualTo(Map.of("teamId", "Cara Losch",
                "name", "Cara Losch team", "regionId", "East", "managerId", "Cara Losch"));
        assertThat(plan.reps()).extracting(Item::id).containsExactly("Anna Snelling", "Moses Frase", "Violet Mclelland");
        Command rep = plan.reps().get(0).commands().get(0);
        assertThat(rep.path()).isEqualTo("/api/v1/reps");
        assertThat(rep.body()).isEqualTo(Map.of("repId", "Anna Snelling", "name", "Anna Snelling", "role", "SALES_REP",
                "teamId", "Dustin Brinkmann", "managerId", "Dustin Brinkmann", "hireDate", "2016-10-19"));
        assertThat(rep.idempotencyKey()).isEqualTo("crm:rep:Anna%20Snelling");
        assertThat(plan.productLines()).extracting(Item::id).containsExactly("GTX Basic", "GTX Pro", "MG Special");
        assertThat(plan.productLines().get(1).commands().get(0).body()).isEqualTo(Map.of("productLineId", "GTX Pro",
                "series", "GTX", "listPrice", Map.of("amount", new BigDecimal("4821"), "currency", "USD")));
    }

    @Test
    void theHireDateIsTheDayBeforeTheEarliestEngageDateReportedOnce() throws Exception {
        CrmPlan plan = plan("""
                A1,Moses Frase,GTX Basic,Cancity,Engaging,2017-01-05,,
                A2,Moses Frase,GTX Basic,Cancity,Engaging,2016-11-02,,
                A3,Anna Snelling,GTX Basic,Cancity,Engaging,2016-12-24,,
                """);

        assertThat(plan.hireDate()).isEqualTo(LocalDate.of(2016, 11, 1));
        assertThat(entries(Outcome.NORMALISED)).filteredOn(e -> e.field().equals("hireDate")).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isZero();
                    assertThat(e.action()).contains("2016-11-01").contains("2016-11-02");
                });
        assertThat(entries(Outcome.NORMALISED)).filteredOn(e -> e.field().startsWith("managerId")).hasSize(1);
    }

    @Test
    void aWonDealIsOpenedQualifiedAtTheEngageDateAndWonAtTheCloseDate() throws Exception {
        CrmPlan plan = plan("1C1I7A6R,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\n");

        Item deal = plan.deals().get(0);
        assertThat(deal.commands()).hasSize(2);
        Command open = deal.commands().get(0);
        assertThat(open.path()).isEqualTo("/api/v1/deals");
        assertThat(open.idempotencyKey()).isEqualTo("crm:1C1I7A6R:open");
        assertThat(open.body()).containsExactlyInAnyOrderEntriesOf(Map.of("dealId", "1C1I7A6R",
                "ownerRepId", "Moses Frase", "customer", "Cancity", "productLine", "GTX Basic", "channel", "DIRECT",
                "amount", new BigDecimal("550"), "currency", "USD", "stage", "QUALIFIED",
                "occurredAt", "2016-10-20T00:00:00Z"));
        Command close = deal.commands().get(1);
        assertThat(close.path()).isEqualTo("/api/v1/deals/1C1I7A6R/stage");
        assertThat(close.idempotencyKey()).isEqualTo("crm:1C1I7A6R:close");
        assertThat(close.body()).isEqualTo(Map.of("stage", "WON",
                "finalAmount", Map.of("amount", new BigDecimal("1054"), "currency", "USD"),
                "occurredAt", "2017-03-01T00:00:00Z"));
        assertThat(Json.write(close.body()))
                .isEqualTo("{\"stage\":\"WON\",\"finalAmount\":{\"amount\":1054,\"currency\":\"USD\"},"
                        + "\"occurredAt\":\"2017-03-01T00:00:00Z\"}");
        assertThat(pipelineEntries(Outcome.NORMALISED)).isEmpty();
        assertThat(pipelineEntries(Outcome.FAILED)).isEmpty();
    }

    @Test
    void aLostDealIsClosedLostWithTheImportReasonAndItsZeroValueIsExpected() throws Exception {
        CrmPlan plan = plan("ZNBS69V1,Anna Snelling,MG Special,Isdom,Lost,2016-10-29,2017-03-11,0\n");

        assertThat(plan.deals().get(0).commands().get(1).body()).isEqualTo(Map.of("stage", "LOST",
                "reason", "Lost in CRM", "occurredAt", "2017-03-11T00:00:00Z"));
        assertThat(report.entries()).filteredOn(e -> e.file().equals("sales_pipeline.csv")).isEmpty();
    }

    @Test
    void engagingIsOpenedQualifiedAndProspectingAsALeadWithoutATime() throws Exception {
        CrmPlan plan = plan("""
                E1,Moses Frase,GTX Basic,Cancity,Engaging,2017-10-01,,
                P1,Moses Frase,MG Special,Isdom,Prospecting,,,
                """);

        assertThat(plan.deals()).extracting(d -> d.commands().size()).containsExactly(1, 1);
        assertThat(plan.deals().get(0).commands().get(0).body())
                .containsEntry("stage", "QUALIFIED").containsEntry("occurredAt", "2017-10-01T00:00:00Z");
        assertThat(plan.deals().get(1).commands().get(0).body())
                .containsEntry("stage", "LEAD").containsEntry("amount", new BigDecimal("55"))
                .doesNotContainKey("occurredAt");
    }

    @Test
    void gtxProWithoutTheSpaceIsNormalisedAndReported() throws Exception {
        CrmPlan plan = plan("Z063OYW0,Moses Frase,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514\n");

        assertThat(plan.deals().get(0).commands().get(0).body())
                .containsEntry("productLine", "GTX Pro").containsEntry("amount", new BigDecimal("4821"));
        assertThat(pipelineEntries(Outcome.NORMALISED)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.id()).isEqualTo("Z063OYW0");
            assertThat(e.field()).isEqualTo("product");
            assertThat(e.original()).isEqualTo("GTXPro");
            assertThat(e.action()).contains("\"GTX Pro\"");
        });
        assertThat(report.normalisedRows(Kind.DEAL)).isEqualTo(1);
    }

    @Test
    void aMissingAccountBecomesTheUnknownAccount() throws Exception {
        CrmPlan plan = plan("X1,Moses Frase,GTX Basic,,Engaging,2017-10-01,,\n");

        assertThat(plan.deals().get(0).commands().get(0).body()).containsEntry("customer", "(unknown account)");
        assertThat(pipelineEntries(Outcome.NORMALISED)).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("account"));
    }

    @Test
    void anAccountNotInAccountsCsvIsImportedAsWrittenWithANote() throws Exception {
        CrmPlan plan = plan("X1,Moses Frase,GTX Basic,Newco,Engaging,2017-10-01,,\n");

        assertThat(plan.deals().get(0).commands().get(0).body()).containsEntry("customer", "Newco");
        assertThat(pipelineEntries(Outcome.NOTE)).singleElement().satisfies(e -> assertThat(e.original()).isEqualTo("Newco"));
        assertThat(report.normalisedRows(Kind.DEAL)).isZero();
    }

    @Test
    void surroundingWhitespaceIsRemovedAndReported() throws Exception {
        CrmPlan plan = plan("X1, Moses Frase ,GTX Basic,Cancity,Engaging,2017-10-01,,\n");

        assertThat(plan.deals().get(0).commands().get(0).body()).containsEntry("ownerRepId", "Moses Frase");
        assertThat(pipelineEntries(Outcome.NORMALISED)).singleElement()
                .satisfies(e -> assertThat(e.original()).isEqualTo(" Moses Frase "));
    }

    @Test
    void closeFieldsOfOpenDealsAreIgnoredAndReported() throws Exception {
        CrmPlan plan = plan("""
                E1,Moses Frase,GTX Basic,Cancity,Engaging,2017-10-01,2017-11-01,
                P1,Moses Frase,GTX Basic,Cancity,Prospecting,2017-10-01,,
                L1,Moses Frase,GTX Basic,Cancity,Lost,2017-10-01,2017-11-01,12
                """);

        assertThat(plan.deals()).hasSize(3);
        assertThat(pipelineEntries(Outcome.NORMALISED)).extracting(Entry::id, Entry::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E1", "close_date"),
                        org.assertj.core.groups.Tuple.tuple("P1", "engage_date"),
                        org.assertj.core.groups.Tuple.tuple("L1", "close_value"));
        assertThat(plan.deals().get(1).commands().get(0).body()).doesNotContainKey("occurredAt");
    }

    @Test
    void rowsThatCannotBeImportedAreReportedWithLineIdFieldAndValue() throws Exception {
        CrmPlan plan = plan("""
                F1,Nobody Known,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054
                F2,Moses Frase,GTX Turbo,Cancity,Won,2016-10-20,2017-03-01,1054
                F3,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,,1054
                F4,Moses Frase,GTX Basic,Cancity,Won,2017-03-01,2016-10-20,1054
                F5,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1.054,00
                F6,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,n/a
                F7,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,0
                F8,Moses Frase,GTX Basic,Cancity,Closed,2016-10-20,2017-03-01,10
                F9,Moses Frase,GTX Basic,Cancity,Engaging,20/10/2016,,
                ,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,
                OK1,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,
                OK1,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-21,,
                F10,,GTX Basic,Cancity,Engaging,2016-10-20,,
                """);

        assertThat(plan.deals()).extracting(Item::id).containsExactly("OK1");
        assertThat(report.get(Kind.DEAL, Result.FAILED)).isEqualTo(12);
        assertThat(pipelineEntries(Outcome.FAILED)).extracting(Entry::line, Entry::id, Entry::field, Entry::original)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "F1", "sales_agent", "Nobody Known"),
                        org.assertj.core.groups.Tuple.tuple(3, "F2", "product", "GTX Turbo"),
                        org.assertj.core.groups.Tuple.tuple(4, "F3", "close_date", ""),
                        org.assertj.core.groups.Tuple.tuple(5, "F4", "close_date", "2016-10-20"),
                        org.assertj.core.groups.Tuple.tuple(6, "F5", "(row)",
                                "F5,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1.054,00"),
                        org.assertj.core.groups.Tuple.tuple(7, "F6", "close_value", "n/a"),
                        org.assertj.core.groups.Tuple.tuple(8, "F7", "close_value", "0"),
                        org.assertj.core.groups.Tuple.tuple(9, "F8", "deal_stage", "Closed"),
                        org.assertj.core.groups.Tuple.tuple(10, "F9", "engage_date", "20/10/2016"),
                        org.assertj.core.groups.Tuple.tuple(11, "-", "opportunity_id", ""),
                        org.assertj.core.groups.Tuple.tuple(13, "OK1", "opportunity_id", "OK1"),
                        org.assertj.core.groups.Tuple.tuple(14, "F10", "sales_agent", ""));
        assertThat(pipelineEntries(Outcome.FAILED)).allSatisfy(e -> assertThat(e.action()).contains("not imported"));
    }

    @Test
    void aProductMatchingSeveralProductsLooselyIsNotGuessed() throws Exception {
        plan(TEAMS, PRODUCTS + "GTXpro,GTX,4000\n", "A,Moses Frase,gtx pro ,Cancity,Engaging,2016-10-20,,\n");

        assertThat(pipelineEntries(Outcome.FAILED)).singleElement()
                .satisfies(e -> assertThat(e.action()).contains("matches several products"));
    }

    @Test
    void badOrganisationAndProductRowsFailTheirDeals() throws Exception {
        String teams = TEAMS + "Lone Agent,,East\nRogue,Dustin Brinkmann,West\n";
        String products = PRODUCTS + "Cheap,X,0\n";
        CrmPlan plan = plan(teams, products, """
                A,Lone Agent,GTX Basic,Cancity,Engaging,2016-10-20,,
                B,Rogue,GTX Basic,Cancity,Engaging,2016-10-20,,
                C,Moses Frase,Cheap,Cancity,Engaging,2016-10-20,,
                """);

        assertThat(plan.deals()).isEmpty();
        assertThat(plan.reps()).extracting(Item::id).doesNotContain("Lone Agent", "Rogue");
        assertThat(plan.productLines()).extracting(Item::id).doesNotContain("Cheap");
        assertThat(entries(Outcome.FAILED)).extracting(Entry::file, Entry::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("sales_teams.csv", "manager"),
                org.assertj.core.groups.Tuple.tuple("sales_teams.csv", "regional_office"),
                org.assertj.core.groups.Tuple.tuple("products.csv", "sales_price"),
                org.assertj.core.groups.Tuple.tuple("sales_pipeline.csv", "sales_agent"),
                org.assertj.core.groups.Tuple.tuple("sales_pipeline.csv", "sales_agent"),
                org.assertj.core.groups.Tuple.tuple("sales_pipeline.csv", "product"));
        assertThat(report.get(Kind.REP, Result.FAILED)).isEqualTo(2);
        assertThat(report.get(Kind.PRODUCT_LINE, Result.FAILED)).isEqualTo(1);
        assertThat(report.get(Kind.DEAL, Result.FAILED)).isEqualTo(3);
    }

    @Test
    void aFileWithoutARequiredColumnIsRefused() {
        assertThatThrownBy(() -> CrmPlan.build(CrmCsv.parse("sales_teams.csv", "sales_agent,manager\nA,B\n"),
                CrmCsv.parse("products.csv", PRODUCTS), null, CrmCsv.parse("sales_pipeline.csv", HEADER), report))
                .isInstanceOf(CrmCsv.CsvFormatException.class)
                .hasMessageContaining("sales_teams.csv").hasMessageContaining("regional_office");
    }

    @Test
    void idempotencyKeysAreVisibleAsciiAndPathsEncoded() {
        assertThat(CrmPlan.key("rep", "José Ñandú 100%")).isEqualTo("crm:rep:Jos%C3%A9%20%C3%91and%C3%BA%20100%25");
        assertThat(CrmPlan.pathSegment("a b/c")).isEqualTo("a%20b%2Fc");
    }

    // ------------------------------------------------------------------ values outside the input contract

    List<Entry> normalisedIds() {
        return entries(Outcome.NORMALISED).stream().filter(e -> e.action().startsWith("not an identifier")).toList();
    }

    @Test
    void idsWithSlashColonOrNulAreNormalisedTheSameWhereverTheyReferencedAndReportedOnce() throws Exception {
        String teams = """
                sales_agent,manager,regional_office
                Anna/Snelling,Dustin:Brinkmann,Cen\0tral
                Moses Frase,Dustin:Brinkmann,Cen\0tral
                """;
        CrmPlan plan = plan(teams, PRODUCTS, """
                A/1,Anna/Snelling,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054
                A:2,Anna/Snelling,GTX Basic,Cancity,Engaging,2016-10-20,,
                """);

        assertThat(plan.regions()).extracting(Item::id).containsExactly("Cen-tral");
        assertThat(plan.regions().get(0).commands().get(0).body()).containsEntry("name", "Cen tral");
        assertThat(plan.teams()).extracting(Item::id).containsExactly("Dustin-Brinkmann");
        assertThat(plan.teams().get(0).commands().get(0).body()).isEqualTo(Map.of("teamId", "Dustin-Brinkmann",
                "name", "Dustin:Brinkmann team", "regionId", "Cen-tral", "managerId", "Dustin-Brinkmann"));
        assertThat(plan.reps()).extracting(Item::id).containsExactly("Anna-Snelling", "Moses Frase");
        Command rep = plan.reps().get(0).commands().get(0);
        assertThat(rep.body()).containsEntry("repId", "Anna-Snelling").containsEntry("name", "Anna/Snelling")
                .containsEntry("teamId", "Dustin-Brinkmann").containsEntry("managerId", "Dustin-Brinkmann");
        assertThat(rep.idempotencyKey()).isEqualTo("crm:rep:Anna-Snelling");
        assertThat(plan.deals()).extracting(Item::id).containsExactly("A-1", "A-2");
        assertThat(plan.deals().get(0).commands().get(0).body()).containsEntry("dealId", "A-1")
                .containsEntry("ownerRepId", "Anna-Snelling");
        assertThat(plan.deals().get(0).commands().get(1).path()).isEqualTo("/api/v1/deals/A-1/stage");
        assertThat(plan.deals().get(0).needs()).contains(new CrmPlan.Ref(Kind.REP, "Anna-Snelling"));
        assertThat(entries(Outcome.FAILED)).isEmpty();
        // each value once, with what was written and what it became
        assertThat(normalisedIds()).extracting(Entry::field, Entry::original).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("sales_agent", "Anna/Snelling"),
                org.assertj.core.groups.Tuple.tuple("manager", "Dustin:Brinkmann"),
                org.assertj.core.groups.Tuple.tuple("regional_office", "Cen\0tral"),
                org.assertj.core.groups.Tuple.tuple("opportunity_id", "A/1"),
                org.assertj.core.groups.Tuple.tuple("opportunity_id", "A:2"));
        assertThat(normalisedIds()).filteredOn(e -> e.field().equals("sales_agent")).singleElement()
                .satisfies(e -> assertThat(e.action()).contains("imported as \"Anna-Snelling\""));
    }

    @Test
    void aTooLongIdIsCutTo128Characters() throws Exception {
        String id = "x".repeat(127) + "/" + "y".repeat(72);
        CrmPlan plan = plan(id + ",Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,\n");

        assertThat(plan.deals()).singleElement().satisfies(d -> assertThat(d.id()).isEqualTo("x".repeat(127)));
        assertThat(plan("y".repeat(200) + ",Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,\n").deals())
                .singleElement().satisfies(d -> assertThat(d.id()).isEqualTo("y".repeat(128)));
        assertThat(normalisedIds()).hasSize(2);
    }

    @Test
    void twoValuesNormalisingToTheSameIdAreNotMerged() throws Exception {
        String teams = TEAMS + "Jo/Ann,Cara Losch,East\nJo:Ann,Cara Losch,East\n";
        CrmPlan plan = plan(teams, PRODUCTS, """
                A/1,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,
                A:1,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,
                B/1,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,
                B-1,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,
                C1,Jo:Ann,GTX Basic,Cancity,Engaging,2016-10-20,,
                ///,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,
                """);

        assertThat(plan.reps()).extracting(Item::id).contains("Jo-Ann").doesNotContain("Jo:Ann");
        assertThat(plan.deals()).extracting(Item::id).containsExactly("A-1", "B-1");
        assertThat(plan.deals().get(1).line()).isEqualTo(5);   // B-1 as written keeps its id, B/1 does not take it
        assertThat(entries(Outcome.FAILED)).extracting(Entry::file, Entry::field, Entry::original).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sales_teams.csv", "sales_agent", "Jo:Ann"),
                org.assertj.core.groups.Tuple.tuple("sales_pipeline.csv", "opportunity_id", "A:1"),
                org.assertj.core.groups.Tuple.tuple("sales_pipeline.csv", "opportunity_id", "B/1"),
                org.assertj.core.groups.Tuple.tuple("sales_pipeline.csv", "sales_agent", "Jo:Ann"),
                org.assertj.core.groups.Tuple.tuple("sales_pipeline.csv", "opportunity_id", "///"));
        assertThat(entries(Outcome.FAILED).get(1).action()).contains("\"A-1\"").contains("not merged");
        assertThat(entries(Outcome.FAILED).get(4).action()).contains("nothing is left");
        assertThat(report.get(Kind.DEAL, Result.FAILED)).isEqualTo(4);
        assertThat(report.get(Kind.REP, Result.FAILED)).isEqualTo(1);
    }

    @Test
    void namesWithControlCharactersOrTooLongAreNormalisedAndReported() throws Exception {
        String longName = "L".repeat(250);
        CrmPlan plan = plan("""
                N1,Moses Frase,GTX Basic,Can\u0007city,Engaging,2016-10-20,,
                N2,Moses Frase,GTX Basic,%s,Engaging,2016-10-20,,
                """.formatted(longName));

        assertThat(plan.deals().get(0).commands().get(0).body()).containsEntry("customer", "Can city");
        assertThat(plan.deals().get(1).commands().get(0).body()).containsEntry("customer", "L".repeat(200));
        assertThat(pipelineEntries(Outcome.NORMALISED)).extracting(Entry::field, Entry::original).containsExactly(
                org.assertj.core.groups.Tuple.tuple("account", "Can\u0007city"),
                org.assertj.core.groups.Tuple.tuple("account", longName));
    }

    @Test
    void amountsAndDatesOutsideTheContractFailWithTheRule() throws Exception {
        CrmPlan plan = plan(TEAMS, PRODUCTS + "Fine,X,1.0000001\n", """
                V1,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1000000000001
                V2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,10.1234567
                V3,Moses Frase,GTX Basic,Cancity,Engaging,1850-10-20,,
                V4,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2201-01-01,10
                OK,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1000000000000
                """);

        assertThat(plan.deals()).extracting(Item::id).containsExactly("OK");
        assertThat(plan.productLines()).extracting(Item::id).doesNotContain("Fine");
        assertThat(plan.hireDate()).isEqualTo(LocalDate.of(2016, 10, 19));
        assertThat(entries(Outcome.FAILED)).extracting(Entry::field, Entry::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sales_price",
                        "must have at most 6 decimals (nothing is rounded) (the input contract); product line not registered"),
                org.assertj.core.groups.Tuple.tuple("close_value",
                        "must be at most 10^12 in absolute value (the input contract); deal not imported"),
                org.assertj.core.groups.Tuple.tuple("close_value",
                        "must have at most 6 decimals (nothing is rounded) (the input contract); deal not imported"),
                org.assertj.core.groups.Tuple.tuple("engage_date",
                        "must be in the years 1900 to 2200 (the input contract); deal not imported"),
                org.assertj.core.groups.Tuple.tuple("close_date",
                        "must be in the years 1900 to 2200 (the input contract); deal not imported"));
    }

    /** The published export: its ids are all identifiers, so its plan is exactly what it was before. */
    @Test
    void thePublishedExportIsPlannedUnchanged() throws Exception {
        java.nio.file.Path dir = CrmImportIntegrationTest.dataset();
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "the CRM export is not beside the repository");
        CrmPlan plan = CrmPlan.build(CrmCsv.read(dir, "sales_teams.csv"), CrmCsv.read(dir, "products.csv"),
                CrmCsv.read(dir, "accounts.csv"), CrmCsv.read(dir, "sales_pipeline.csv"), report);

        StringBuilder all = new StringBuilder();
        for (List<Item> items : List.of(plan.regions(), plan.teams(), plan.reps(), plan.productLines(), plan.deals())) {
            for (Item item : items) {
                all.append(item.kind()).append(' ').append(item.id()).append(' ').append(item.needs()).append('\n');
                for (Command c : item.commands()) {
                    all.append(c.path()).append(' ').append(c.idempotencyKey()).append(' ')
                            .append(new java.util.TreeMap<>(c.body())).append('\n');
                }
            }
        }
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        System.out.println("published export plan digest " + digest + " entries " + report.entries().size());

        assertThat(plan.deals()).hasSize(8800);
        assertThat(normalisedIds()).isEmpty();
        assertThat(entries(Outcome.NORMALISED)).noneMatch(e -> e.action().contains("control characters")
                || e.action().contains("cut to"));
        assertThat(entries(Outcome.FAILED)).isEmpty();
        assertThat(digest).isEqualTo(PUBLISHED_PLAN_DIGEST);
    }

    /** The digest of the published export's plan before ids were normalised (commit d2e0ea3). */
    static final String PUBLISHED_PLAN_DIGEST = "0b84c8c6aceb21ca80283bcf417cd0399567f02455b0690aea1807fc370af469";
}
