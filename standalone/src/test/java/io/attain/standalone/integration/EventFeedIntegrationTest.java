package io.attain.standalone.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.attain.eventstore.LogSlice;
import io.attain.eventstore.LoggedEvent;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.integration.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;

import static io.attain.standalone.integration.IntegratorApi.ADMIN;
import static io.attain.standalone.integration.IntegratorApi.DEALS_ONLY;
import static io.attain.standalone.integration.IntegratorApi.INTEGRATOR;
import static io.attain.standalone.integration.IntegratorApi.PAYROLL;
import static io.attain.standalone.integration.IntegratorApi.REP;
import static io.attain.standalone.integration.IntegratorApi.all;
import static io.attain.standalone.integration.IntegratorApi.page;
import static io.attain.standalone.integration.IntegratorApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/events}: paging, the envelope, filters, categories, parameters (issue 11, ADR 0011). */
@IntegratorApiTest
class EventFeedIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    MongoEventStorageEngine engine;

    /** Every registered event of the log up to the safe head, read from the engine. */
    private List<LoggedEvent> log() {
        List<LoggedEvent> events = new ArrayList<>();
        long next = 0;
        while (true) {
            LogSlice slice = engine.readLog(next, 1000);
            slice.events().stream().filter(e -> EventTypes.byPayloadType(e.payloadType()).isPresent())
                 .forEach(events::add);
            if (slice.readUpTo() == next) {
                return events;
            }
            next = slice.readUpTo();
        }
    }

    @Test
    void pagingFromZeroToTheHeadGivesTheLogInOrderAsCloudEvents() {
        for (int i = 0; i < 12; i++) {
            IntegratorApi.append(engine, IntegratorApi.deal(unique("feed-deal"), i % 4));
        }
        IntegratorApi.append(engine, List.of(IntegratorApi.exchangeRate()));

        List<JsonNode> paged = all(web, ADMIN, 0, 7, "");
        List<LoggedEvent> log = log();

        assertThat(paged).extracting(e -> e.get("position").asLong())
                         .containsExactlyElementsOf(log.stream().map(LoggedEvent::position).toList());
        assertThat(paged).extracting(e -> e.get("id").asText())
                         .containsExactlyElementsOf(log.stream().map(LoggedEvent::eventId).toList());
        JsonNode first = paged.get(0);
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("source").asText()).isEqualTo("urn:attain");
        assertThat(first.get("sequence").asText()).hasSize(20).endsWith(String.valueOf(first.get("position").asLong()));
        assertThat(first.get("dataschema").asText())
                .isEqualTo("http://attain.test/api/v1/schemas/" + first.get("type").asText());
        assertThat(paged).allSatisfy(e -> assertThat(EventTypes.byName(e.get("type").asText())).isPresent());

        JsonNode head = page(web, ADMIN, "?after=0&limit=1");
        assertThat(head.get("head").asLong()).isEqualTo(engine.safeHead()).isGreaterThanOrEqualTo(log.get(log.size() - 1).position());
        assertThat(head.get("next").asLong()).isEqualTo(log.get(0).position());
        JsonNode atHead = page(web, ADMIN, "?after=" + engine.safeHead());
        assertThat(atHead.get("events")).isEmpty();
        assertThat(atHead.get("next").asLong()).isEqualTo(engine.safeHead());
    }

    @Test
    void typePrefixesAndSubjectFilterTheFeed() {
        String dealId = unique("filter-deal");
        IntegratorApi.append(engine, IntegratorApi.deal(dealId, 3));
        IntegratorApi.append(engine, IntegratorApi.deal(unique("other-deal"), 3));

        List<JsonNode> ofDeal = all(web, ADMIN, 0, 100, "&subject=" + dealId);
        assertThat(ofDeal).extracting(e -> e.get("type").asText()).containsExactly("io.attain.deal.opened.v1",
                "io.attain.deal.stage_changed.v1", "io.attain.deal.amount_changed.v1", "io.attain.deal.stage_changed.v1");
        assertThat(ofDeal).allSatisfy(e -> assertThat(e.get("subject").asText()).isEqualTo(dealId));

        List<JsonNode> stageChanges = all(web, ADMIN, 0, 100, "&subject=" + dealId + "&type=io.attain.deal.stage_");
        assertThat(stageChanges).hasSize(2);
        List<JsonNode> two = all(web, ADMIN, 0, 100, "&subject=" + dealId
                + "&type=io.attain.deal.opened.&type=io.attain.deal.amount_changed.v1");
        assertThat(two).extracting(e -> e.get("type").asText())
                       .containsExactly("io.attain.deal.opened.v1", "io.attain.deal.amount_changed.v1");
    }

    @Test
    void compensationEventsOnlyForConsumersGrantedThatCategory() {
        IntegratorApi.append(engine, List.of(IntegratorApi.exchangeRate()));
        IntegratorApi.append(engine, IntegratorApi.deal(unique("cat-deal"), 1));
        String rates = "&type=io.attain.compensation.exchange_rate_recorded.v1";

        assertThat(all(web, ADMIN, 0, 1000, rates)).isNotEmpty();
        assertThat(all(web, PAYROLL, 0, 1000, rates)).isNotEmpty();
        assertThat(all(web, INTEGRATOR, 0, 1000, rates)).isEmpty();
        assertThat(all(web, DEALS_ONLY, 0, 1000, rates)).isEmpty();
        assertThat(all(web, INTEGRATOR, 0, 1000, "")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("type").asText()).doesNotStartWith("io.attain.compensation."));
        assertThat(all(web, DEALS_ONLY, 0, 1000, "")).isNotEmpty()
                .allSatisfy(e -> assertThat(EventTypes.byName(e.get("type").asText()).orElseThrow().category().id())
                        .isEqualTo("deals"));

        web.get().uri("/api/v1/events").header("Authorization", "Bearer " + REP).exchange()
           .expectStatus().isForbidden();
        web.get().uri("/api/v1/events/snapshot/deals").header("Authorization", "Bearer " + REP).exchange()
           .expectStatus().isForbidden();
        web.get().uri("/api/v1/events").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/events/stream").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        for (String[] bad : new String[][]{{"after=-1", "after"}, {"after=x", "after"}, {"limit=0", "limit"},
                {"limit=1001", "limit"}, {"limit=ten", "limit"}, {"type=Deal!", "type"},
                {"subject=", "subject"}}) {
            web.get().uri("/api/v1/events?" + bad[0]).header("Authorization", "Bearer " + INTEGRATOR).exchange()
               .expectStatus().isBadRequest()
               .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
               .expectBody().jsonPath("$.errors[0].field").isEqualTo(bad[1]);
        }
        web.get().uri("/api/v1/events/stream?after=-5").header("Authorization", "Bearer " + INTEGRATOR).exchange()
           .expectStatus().isBadRequest()
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("after");
        web.get().uri("/api/v1/events/stream").header("Authorization", "Bearer " + INTEGRATOR)
           .header("Last-Event-ID", "abc").exchange()
           .expectStatus().isBadRequest()
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("Last-Event-ID");
        assertThat(page(web, INTEGRATOR, "?limit=1000").get("events").size()).isLessThanOrEqualTo(1000);
    }
}
