package io.attain.standalone.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attain.eventstore.LoggedEvent;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.common.Stage;
import io.attain.kernel.integration.EventTypes;
import io.attain.query.integration.DealSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.attain.standalone.integration.IntegratorApi.ADMIN;
import static io.attain.standalone.integration.IntegratorApi.DEALS_ONLY;
import static io.attain.standalone.integration.IntegratorApi.all;
import static io.attain.standalone.integration.IntegratorApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/v1/events/snapshot/deals}: a consistent start while writes go on (issue 11, ADR 0011). */
@IntegratorApiTest
class DealSnapshotIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    MongoEventStorageEngine engine;

    private JsonNode snapshot(String token) {
        byte[] body = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build()
                         .get().uri("/api/v1/events/snapshot/deals").header("Authorization", "Bearer " + token)
                         .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return IntegratorApi.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, ObjectNode> deals(JsonNode snapshot) {
        Map<String, ObjectNode> deals = new HashMap<>();
        snapshot.get("deals").forEach(d -> deals.put(d.get("dealId").asText(), (ObjectNode) d.deepCopy()));
        return deals;
    }

    @Test
    void theSnapshotAtPPlusTheEventsAfterPIsTheFinalState() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = unique("snap-deal");
            ids.add(id);
            IntegratorApi.append(engine, IntegratorApi.deal(id, 0));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        long[] seq = new long[ids.size()];
        Stage[] stage = new Stage[ids.size()];
        java.util.Arrays.fill(stage, Stage.LEAD);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            int i = 0;
            while (writing.get() || written.get() < 50) {
                int d = i++ % ids.size();
                Stage next = stage[d] == Stage.LEAD ? Stage.QUALIFIED : Stage.LEAD;
                IntegratorApi.append(engine, List.of(IntegratorApi.stageChange(ids.get(d), ++seq[d], stage[d], next)));
                stage[d] = next;
                written.incrementAndGet();
            }
        });
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> written.get() >= 10);

        JsonNode start = snapshot(DEALS_ONLY);
        long p = start.get("position").asLong();
        int writtenAtSnapshot = written.get();
        writing.set(false);
        writer.get(60, TimeUnit.SECONDS);
        assertThat(written.get()).as("writes went on after the snapshot").isGreaterThan(writtenAtSnapshot);

        Map<String, ObjectNode> state = deals(start);
        List<JsonNode> after = all(web, DEALS_ONLY, p, 1000, "&type=io.attain.deal.");
        assertThat(after).isNotEmpty().allSatisfy(e -> assertThat(e.get("position").asLong()).isGreaterThan(p));
        for (JsonNode e : after) {
            DealSnapshot.apply(state, new LoggedEvent(e.get("position").asLong(), e.get("id").asText(),
                    EventTypes.byName(e.get("type").asText()).orElseThrow().eventClass().getName(), "1",
                    e.get("subject").asText(), "Deal", 0, Instant.parse(e.get("time").asText()),
                    e.get("data").toString(), "{}"));
        }
        Map<String, ObjectNode> end = deals(snapshot(ADMIN));
        assertThat(normalised(state)).isEqualTo(normalised(end));
        for (String id : ids) {
            assertThat(end.get(id).get("stage").asText()).isEqualTo(stageOf(stage, ids.indexOf(id)));
        }
    }

    /** Each deal re-read from its JSON text, so that equal numbers compare equal whatever node type holds them. */
    private static Map<String, JsonNode> normalised(Map<String, ObjectNode> deals) {
        Map<String, JsonNode> out = new HashMap<>();
        deals.forEach((id, deal) -> {
            try {
                out.put(id, IntegratorApi.JSON.readTree(deal.toString()));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        return out;
    }

    private static String stageOf(Stage[] stages, int i) {
        return stages[i].name();
    }
}
