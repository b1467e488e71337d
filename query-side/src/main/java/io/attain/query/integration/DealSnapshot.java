package io.attain.query.integration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attain.eventstore.LogSlice;
import io.attain.eventstore.LoggedEvent;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;

import java.util.Map;
import java.util.TreeMap;

/**
 * A consistent start for integrators (ADR 0011): the state of every deal exactly as of one global position
 * {@code P} — the log's safe head when the snapshot starts — folded from the log's deal events at positions
 * {@code ≤ P}. Events written while it runs lie above {@code P}; a consumer loads the snapshot and then reads the feed
 * or stream from {@code after=P}, with no race between "list everything" and "subscribe". An integration read of the
 * log on purpose (it reads the whole log; measured in {@code docs/benchmarks.md}).
 * <p>
 * A deal's state: {@code dealId, ownerRepId, customer, productLine, channel, partnerId, amount, expectedCloseDate,
 * stage, status} ({@code OPEN}, {@code WON}, {@code LOST}), {@code creditSplit} (the latest shares or {@code null}),
 * {@code lostReason}, {@code openedAt}, {@code closedAt}, {@code updatedAt} (business times) and {@code position}
 * (of the deal's last event).
 */
public final class DealSnapshot {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final int WINDOW = 1_000;

    /** The deals at {@code position}, by deal id. */
    public record State(long position, Map<String, ObjectNode> deals) {
    }

    private final MongoEventStorageEngine engine;

    public DealSnapshot(MongoEventStorageEngine engine) {
        this.engine = engine;
    }

    /** The snapshot at the current safe head. */
    public State take() {
        long position = engine.safeHead();
        Map<String, ObjectNode> deals = new TreeMap<>();
        long next = 0;
        while (next < position) {
            LogSlice slice = engine.readLog(next, (int) Math.min(WINDOW, position - next));
            for (LoggedEvent e : slice.events()) {
                apply(deals, e);
            }
            if (slice.readUpTo() <= next) {
                break;
            }
            next = slice.readUpTo();
        }
        return new State(position, deals);
    }

    /** The snapshot as the endpoint's JSON body: {@code {"position":P,"deals":[…]}}. */
    public String json() throws JsonProcessingException {
        State state = take();
        ObjectNode body = MAPPER.createObjectNode();
        body.put("position", state.position());
        ArrayNode deals = body.putArray("deals");
        state.deals().values().forEach(deals::add);
        return MAPPER.writeValueAsString(body);
    }

    /** Folds one stored event into the deals (events of other types are ignored). */
    public static void apply(Map<String, ObjectNode> deals, LoggedEvent event) {
        String type = event.payloadType();
        if (!type.startsWith("io.attain.kernel.deal.")) {
            return;
        }
        JsonNode data = CloudEvents.data(event);
        String dealId = data.path("dealId").asText(null);
        if (dealId == null) {
            return;
        }
        JsonNode at = data.get("occurredAt");
        ObjectNode deal;
        if (type.equals(DealOpenedEvent.class.getName())) {
            deal = MAPPER.createObjectNode();
            for (String field : new String[]{"dealId", "ownerRepId", "customer", "productLine", "channel",
                                             "partnerId", "amount", "expectedCloseDate", "stage"}) {
                deal.set(field, data.path(field).isMissingNode() ? deal.nullNode() : data.get(field));
            }
            deal.put("status", "OPEN");
            deal.putNull("creditSplit");
            deal.putNull("lostReason");
            deal.set("openedAt", at);
            deal.putNull("closedAt");
            deals.put(dealId, deal);
        } else {
            deal = deals.get(dealId);
            if (deal == null) {
                return; // an event of a deal whose opening is not in the log: nothing to fold it into
            }
            if (type.equals(DealStageChangedEvent.class.getName())) {
                deal.set("stage", data.get("toStage"));
            } else if (type.equals(DealAmountChangedEvent.class.getName())) {
                deal.set("amount", data.get("amount"));
            } else if (type.equals(DealCreditSplitEvent.class.getName())) {
                deal.set("creditSplit", data.get("shares"));
            } else if (type.equals(DealWonEvent.class.getName())) {
                deal.put("stage", "WON");
                deal.put("status", "WON");
                if (data.hasNonNull("amount")) {
                    deal.set("amount", data.get("amount"));
                }
                deal.set("closedAt", at);
            } else if (type.equals(DealLostEvent.class.getName())) {
                deal.put("stage", "LOST");
                deal.put("status", "LOST");
                deal.set("lostReason", data.get("reason"));
                deal.set("closedAt", at);
            } else if (type.equals(DealReopenedEvent.class.getName())) {
                deal.set("stage", data.get("toStage"));
                deal.put("status", "OPEN");
                deal.putNull("lostReason");
                deal.putNull("closedAt");
            } else {
                return;
            }
        }
        deal.set("updatedAt", at);
        deal.put("position", event.position());
    }
}
