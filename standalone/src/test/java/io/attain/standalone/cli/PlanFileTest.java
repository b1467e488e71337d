package io.attain.standalone.cli;

import io.attain.standalone.cli.CrmPlan.Item;
import io.attain.standalone.cli.ImportReport.Kind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanFileTest {

    static final LocalDate HIRED = LocalDate.of(2016, 10, 19);

    @Test
    void readsTheSamplePlanFile() throws Exception {
        PlanFile plan = PlanFile.read(Path.of("..", "docs", "plans", "sample-plan.json"));

        assertThat(plan.planId()).isEqualTo("crm-field-sales");
        assertThat(plan.name()).isEqualTo("CRM field sales");
        assertThat(plan.targetAmount()).isEqualByComparingTo("150000");
        assertThat(plan.targetCurrency()).isEqualTo("USD");
        assertThat(plan.terms()).containsKeys("currency", "bands", "clawbackWindowDays");
    }

    @Test
    void createsAndPublishesThePlanFromTheHireDateUnlessTheTermsSayOtherwise() throws Exception {
        PlanFile plan = PlanFile.parse("""
                {"planId": "p-1", "terms": {"currency": "USD", "bands": [{"fromAttainment": 0, "rate": 0.05}]}}
                """, "plan.json");

        Item item = plan.planItem(HIRED);
        assertThat(item.kind()).isEqualTo(Kind.PLAN);
        assertThat(item.commands()).extracting(CrmPlan.Command::path)
                .containsExactly("/api/v1/plans", "/api/v1/plans/p-1/versions");
        assertThat(item.commands().get(0).body()).containsEntry("name", "p-1");
        @SuppressWarnings("unchecked")
        Map<String, Object> terms = (Map<String, Object>) item.commands().get(1).body().get("terms");
        assertThat(terms).containsEntry("effectiveFrom", "2016-10-19");
        assertThat(Json.write(item.commands().get(1).body()))
                .isEqualTo("{\"terms\":{\"currency\":\"USD\",\"bands\":[{\"fromAttainment\":0,\"rate\":0.05}],"
                        + "\"effectiveFrom\":\"2016-10-19\"}}");
        // the same terms, the same key: a second run publishes nothing
        assertThat(plan.planItem(HIRED).commands().get(1).idempotencyKey())
                .isEqualTo(item.commands().get(1).idempotencyKey());

        PlanFile dated = PlanFile.parse("""
                {"planId": "p-1", "terms": {"effectiveFrom": "2017-01-01", "currency": "USD", "bands": []}}
                """, "plan.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> datedTerms = (Map<String, Object>) dated.planItem(HIRED).commands().get(1).body().get("terms");
        assertThat(datedTerms).containsEntry("effectiveFrom", "2017-01-01");
    }

    @Test
    void assignsThePlanToEveryRepFromTheHireDateAndTheQuarterlyTargetForEveryQuarterOfTheData() throws Exception {
        PlanFile plan = PlanFile.parse("""
                {"planId": "p-1", "terms": {"currency": "USD", "bands": []},
                 "quarterlyTarget": {"amount": 150000.50, "currency": "USD"}}
                """, "plan.json");

        List<Item> assignments = plan.assignmentItems(List.of("Ann", "Bob"), HIRED);
        assertThat(assignments).extracting(i -> i.commands().get(0).body())
                .containsExactly(Map.of("repId", "Ann", "effectiveFrom", "2016-10-19"),
                        Map.of("repId", "Bob", "effectiveFrom", "2016-10-19"));
        assertThat(assignments.get(0).needs()).extracting(CrmPlan.Ref::kind).containsExactly(Kind.REP, Kind.PLAN);

        List<Item> targets = plan.targetItems(List.of("Ann"), HIRED, LocalDate.of(2017, 12, 31));
        assertThat(targets).extracting(i -> i.commands().get(0).body().get("period"))
                .containsExactly("2016-Q4", "2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4");
        assertThat(targets.get(0).commands().get(0).body()).containsEntry("metric", "REVENUE")
                .containsEntry("currency", "USD").containsEntry("targetId", "crm.p-1.Ann.2016-Q4");
        // an identifier of the input contract (no ':'), also for the longest rep ids
        assertThat(io.attain.kernel.common.InputContract.isIdentifier(PlanFile.targetId("p-1", "r".repeat(128), "2016-Q4")))
                .isTrue();
        assertThat(Json.write(targets.get(0).commands().get(0).body())).contains("\"amount\":150000.50");

        PlanFile withoutTarget = PlanFile.parse("{\"planId\": \"p\", \"terms\": {}}", "plan.json");
        assertThat(withoutTarget.targetItems(List.of("Ann"), HIRED, LocalDate.of(2017, 12, 31))).isEmpty();
    }

    @Test
    void refusesMalformedPlanFilesNamingTheMember() {
        assertThatThrownBy(() -> PlanFile.parse("{", "plan.json")).hasMessageStartingWith("plan.json: not JSON");
        assertThatThrownBy(() -> PlanFile.parse("[]", "plan.json")).hasMessage("plan.json: must be a JSON object");
        assertThatThrownBy(() -> PlanFile.parse("{\"terms\": {}}", "plan.json"))
                .hasMessage("plan.json: planId: is required");
        assertThatThrownBy(() -> PlanFile.parse("{\"planId\": \"p\"}", "plan.json"))
                .hasMessageStartingWith("plan.json: terms: is required");
        assertThatThrownBy(() -> PlanFile.parse("{\"planId\": \"p\", \"terms\": {}, \"target\": 1}", "plan.json"))
                .hasMessageStartingWith("plan.json: unknown member \"target\"");
        assertThatThrownBy(() -> PlanFile.parse("{\"planId\": \"p\", \"terms\": {}, \"quarterlyTarget\": 5}", "plan.json"))
                .hasMessageStartingWith("plan.json: quarterlyTarget: must be");
        assertThatThrownBy(() -> PlanFile.parse(
                "{\"planId\": \"p\", \"terms\": {}, \"quarterlyTarget\": {\"amount\": 0, \"currency\": \"USD\"}}",
                "plan.json")).hasMessage("plan.json: quarterlyTarget.amount: must be positive");
    }

    @Test
    void theCommandLineTakesAPlanFile() {
        CrmImport.Options options = CrmImport.Options.parse(new String[]{"crm", "dir", "--server", "http://h:1",
                "--plan", "docs/plans/sample-plan.json"});
        assertThat(options.plan()).isEqualTo(Path.of("docs/plans/sample-plan.json"));
        assertThat(CrmImport.Options.parse(new String[]{"crm", "dir", "--server", "http://h:1"}).plan()).isNull();
    }

    @Test
    void theQuartersOfTheDataIncludeBothEnds() {
        assertThat(PlanFile.quarters(LocalDate.of(2017, 3, 31), LocalDate.of(2017, 4, 1)))
                .containsExactly("2017-Q1", "2017-Q2");
    }
}
