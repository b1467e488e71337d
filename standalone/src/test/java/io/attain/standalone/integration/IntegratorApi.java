package io.attain.standalone.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tokens of {@link IntegratorApiTest}, events written straight to the log, and reading the feed. */
final class IntegratorApi {

    static final String ADMIN = "it-integration-admin-token-0123456789";
    /** An integrator without categories: everything but compensation. */
    static final String INTEGRATOR = "it-integrator-default-token";
    /** An integrator granted deals and compensation. */
    static final String PAYROLL = "it-integrator-payroll-token";
    static final String DEALS_ONLY = "it-integrator-deals-token";
    static final String REP = "it-integration-rep-token";

    /** Decimals kept exactly as written (1000.00 stays 1000.00). */
    static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build();

    private IntegratorApi() {
    }

    /** A deal's opening and {@code changes} more events of it (stage changes and amount changes, alternating). */
    static List<EventMessage<?>> deal(String dealId, int changes) {
        Instant at = Instant.parse("2026-01-05T10:00:00Z");
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(domain(dealId, 0, new DealOpenedEvent(dealId, "it-rep", "Acme " + dealId, "GTX Pro",
                Channel.DIRECT, null, Money.of("1000.00", "USD"), LocalDate.of(2026, 3, 1), Stage.LEAD, at)));
        Stage stage = Stage.LEAD;
        for (int i = 1; i <= changes; i++) {
            if (i % 2 == 1) {
                Stage next = stage == Stage.LEAD ? Stage.QUALIFIED : Stage.LEAD;
                events.add(domain(dealId, i, new DealStageChangedEvent(dealId, stage, next, next == Stage.LEAD, null,
                                                                       at.plusSeconds(i))));
                stage = next;
            } else {
                events.add(domain(dealId, i, new DealAmountChangedEvent(dealId, Money.of("1000.00", "USD"),
                        Money.of(new BigDecimal(1000 + i).setScale(2), "USD"), at.plusSeconds(i))));
            }
        }
        return events;
    }

    /** One more event of a deal opened by {@link #deal}: a stage change at sequence number {@code seq}. */
    static EventMessage<?> stageChange(String dealId, long seq, Stage from, Stage to) {
        return domain(dealId, seq, new DealStageChangedEvent(dealId, from, to, to.isBefore(from), "it",
                                                             Instant.parse("2026-01-06T10:00:00Z").plusSeconds(seq)));
    }

    static EventMessage<?> exchangeRate() {
        return GenericEventMessage.asEventMessage(new ExchangeRateRecordedEvent("EUR/USD-" + UUID.randomUUID(), "EUR",
                "USD", new BigDecimal("1.0850"), LocalDate.of(2026, 1, 1), Instant.parse("2026-01-01T00:00:00Z")));
    }

    static EventMessage<?> domain(String aggregateId, long seq, Object payload) {
        return new GenericDomainEventMessage<>("Deal", aggregateId, seq, payload);
    }

    /** Appends each deal's events as one commit of its own. */
    static void append(MongoEventStorageEngine engine, List<EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One page of the feed as JSON. */
    static JsonNode page(WebTestClient web, String token, String query) {
        byte[] body = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build()
                         .get().uri("/api/v1/events" + query).header("Authorization", "Bearer " + token)
                         .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every event of the feed after {@code after} up to the head, paging with {@code limit}. */
    static List<JsonNode> all(WebTestClient web, String token, long after, int limit, String extra) {
        List<JsonNode> events = new ArrayList<>();
        long next = after;
        while (true) {
            JsonNode page = page(web, token, "?after=" + next + "&limit=" + limit + extra);
            page.get("events").forEach(events::add);
            long n = page.get("next").asLong();
            if (n == next && page.get("events").isEmpty()) {
                return events;
            }
            next = n;
        }
    }
}
