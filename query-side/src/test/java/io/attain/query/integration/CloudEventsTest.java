package io.attain.query.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attain.eventstore.LoggedEvent;
import io.attain.kernel.deal.DealWonEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventsTest {

    private final CloudEvents cloudEvents = new CloudEvents("urn:attain", "https://attain.example/");

    private static LoggedEvent won(long position) {
        return new LoggedEvent(position, "e-42", DealWonEvent.class.getName(), "1", "d-7", "Deal", 3,
                               Instant.parse("2026-12-03T07:46:55.123456Z"),
                               "{\"dealId\":\"d-7\",\"fromStage\":\"NEGOTIATION\",\"amount\":{\"amount\":4821.00,"
                                       + "\"currency\":\"USD\"},\"reason\":null,\"occurredAt\":\"2017-03-01T10:15:30Z\"}",
                               "{\"correlationId\":\"c-1\",\"userId\":\"someone\"}");
    }

    @Test
    void aStoredEventBecomesAStructuredCloudEvent() throws Exception {
        JsonNode ce = new ObjectMapper().readTree(cloudEvents.json(won(42)));

        assertThat(iterable(ce.fieldNames())).containsExactly("specversion", "id", "source", "type", "subject",
                "time", "datacontenttype", "dataschema", "data", "position", "sequence", "revision");
        assertThat(ce.get("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.get("id").asText()).isEqualTo("e-42");
        assertThat(ce.get("source").asText()).isEqualTo("urn:attain");
        assertThat(ce.get("type").asText()).isEqualTo("io.attain.deal.won.v1");
        assertThat(ce.get("subject").asText()).isEqualTo("d-7");
        assertThat(ce.get("time").asText()).isEqualTo("2026-12-03T07:46:55.123456Z");
        assertThat(ce.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(ce.get("dataschema").asText())
                .isEqualTo("https://attain.example/api/v1/schemas/io.attain.deal.won.v1");
        assertThat(ce.get("position").isIntegralNumber()).isTrue();
        assertThat(ce.get("position").asLong()).isEqualTo(42);
        assertThat(ce.get("sequence").asText()).isEqualTo("00000000000000000042");
        assertThat(ce.get("revision").asText()).isEqualTo("1");
        assertThat(ce.get("data").get("occurredAt").asText()).isEqualTo("2017-03-01T10:15:30Z");
        assertThat(ce.toString()).doesNotContain("correlationId").doesNotContain("someone");
    }

    @Test
    void thePayloadIsCarriedAsStoredDecimalsIncluded() {
        assertThat(cloudEvents.json(won(1))).contains("\"amount\":{\"amount\":4821.00,\"currency\":\"USD\"}");
    }

    @Test
    void sequenceSortsAsAStringLikeThePositionSortsAsANumber() {
        List<Long> positions = List.of(9L, 10L, 1L, 100L, 99L, Long.MAX_VALUE);
        assertThat(positions.stream().map(CloudEvents::sequence).sorted().toList())
                .isEqualTo(positions.stream().sorted().map(CloudEvents::sequence).toList());
        assertThat(CloudEvents.sequence(Long.MAX_VALUE)).hasSize(19 + 1);
    }

    @Test
    void anEventOfNoRegisteredTypeHasNoEnvelope() {
        LoggedEvent unknown = new LoggedEvent(1, "e", "com.example.Foo", null, null, null, 0, Instant.EPOCH, "{}", "{}");
        assertThat(cloudEvents.typeOf(unknown)).isEmpty();
        assertThatThrownBy(() -> cloudEvents.envelope(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.example.Foo");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
