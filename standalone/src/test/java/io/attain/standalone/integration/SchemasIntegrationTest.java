package io.attain.standalone.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.attain.kernel.integration.EventType;
import io.attain.kernel.integration.EventTypes;
import io.attain.standalone.cli.CrmImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.attain.standalone.integration.IntegratorApi.ADMIN;
import static io.attain.standalone.integration.IntegratorApi.INTEGRATOR;
import static io.attain.standalone.integration.IntegratorApi.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /api/v1/schemas}, {@code /api/v1/asyncapi.json} and the contract: CRM-import events fit their schemas. */
@IntegratorApiTest
class SchemasIntegrationTest {

    @Autowired
    WebTestClient web;
    @LocalServerPort
    int port;

    private JsonNode get(String path, String token) {
        byte[] body = web.get().uri(path).header("Authorization", "Bearer " + token).exchange()
                         .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return IntegratorApi.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyTypeIsListedWithItsRevisionAndHasASchemaAndTheAsyncApiDocumentNamesThemAll() {
        JsonNode list = get("/api/v1/schemas", INTEGRATOR);
        Set<String> listed = new HashSet<>();
        list.get("schemas").forEach(s -> {
            listed.add(s.get("type").asText());
            assertThat(s.get("revision").asText()).isEqualTo(
                    EventTypes.byName(s.get("type").asText()).orElseThrow().revision());
        });
        assertThat(listed).hasSameSizeAs(EventTypes.all())
                          .containsAll(EventTypes.all().stream().map(EventType::name).toList());

        JsonNode won = get("/api/v1/schemas/io.attain.deal.won.v1", INTEGRATOR);
        assertThat(won.get("$id").asText()).isEqualTo("http://attain.test/api/v1/schemas/io.attain.deal.won.v1");
        assertThat(won.get("$schema").asText()).contains("2020-12");
        assertThat(won.get("properties").has("dealId")).isTrue();
        assertThat(won.get("properties").has("occurredAt")).isTrue();
        web.get().uri("/api/v1/schemas/io.attain.deal.nothing.v1").header("Authorization", "Bearer " + INTEGRATOR)
           .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/schemas").exchange().expectStatus().isUnauthorized();

        JsonNode asyncApi = get("/api/v1/asyncapi.json", INTEGRATOR);
        assertThat(asyncApi.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.get("channels").get("eventStream").get("address").asText())
                .isEqualTo("/api/v1/events/stream");
        assertThat(asyncApi.get("channels").has("webhooks")).isTrue();
        assertThat(asyncApi.get("components").get("messages").size()).isEqualTo(EventTypes.all().size());
        assertThat(asyncApi.get("operations").get("receiveEventStream").get("action").asText()).isEqualTo("receive");
    }

    @Test
    void everyEventACrmImportProducesValidatesAgainstItsSchema(@TempDir Path dir) throws Exception {
        long before = get("/api/v1/events?limit=1", ADMIN).get("head").asLong();
        Files.writeString(dir.resolve("sales_teams.csv"), """
                sales_agent,manager,regional_office
                Sc Ann,Sc Boss,Sc North
                Sc Bob,Sc Boss,Sc North
                """);
        Files.writeString(dir.resolve("products.csv"), "product,series,sales_price\nSc Widget,SC,100\n");
        Files.writeString(dir.resolve("sales_pipeline.csv"), """
                opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
                SC-1,Sc Ann,Sc Widget,Acme,Won,2017-01-02,2017-02-03,120
                SC-2,Sc Bob,Sc Widget,Acme,Lost,2017-01-05,2017-04-20,0
                SC-3,Sc Bob,Sc Widget,Globex,Engaging,2017-02-05,,
                SC-4,Sc Ann,Sc Widget,Initech,Prospecting,,,
                """);
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"planId": "sc-plan", "name": "SC plan", "quarterlyTarget": {"amount": 1000, "currency": "USD"},
                 "terms": {"currency": "USD", "clawbackWindowDays": 90,
                           "bands": [{"fromAttainment": 0, "toAttainment": 1, "rate": 0.02},
                                     {"fromAttainment": 1, "rate": 0.05}]}}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = CrmImport.run(new String[]{"crm", dir.toString(), "--server", "http://127.0.0.1:" + port,
                                                "--plan", plan.toString()}, Map.of("ATTAIN_TOKEN", ADMIN), o, e);
        }
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(CrmImport.OK);
        // the commission process books the won deal's line
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !all(web, ADMIN, before, 1000, "&type=io.attain.compensation.commission_accrued.").isEmpty());

        List<JsonNode> produced = all(web, ADMIN, before, 1000, "");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, JsonSchema> schemas = new HashMap<>();
        Set<String> types = new HashSet<>();
        for (JsonNode event : produced) {
            String type = event.get("type").asText();
            types.add(type);
            JsonSchema schema = schemas.computeIfAbsent(type, t ->
                    factory.getSchema(get("/api/v1/schemas/" + t, ADMIN).toString()));
            Set<ValidationMessage> errors = schema.validate(event.get("data"));
            assertThat(errors).as("%s at %d: %s", type, event.get("position").asLong(), event.get("data")).isEmpty();
        }
        assertThat(types).contains("io.attain.organisation.team_created.v1", "io.attain.organisation.rep_onboarded.v1",
                "io.attain.product.line_registered.v1", "io.attain.deal.opened.v1", "io.attain.deal.won.v1",
                "io.attain.deal.lost.v1", "io.attain.compensation.plan_created.v1",
                "io.attain.target.assigned.v1", "io.attain.compensation.commission_accrued.v1");
    }
}
