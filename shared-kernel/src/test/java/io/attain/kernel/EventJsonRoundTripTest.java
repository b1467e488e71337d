package io.attain.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attain.kernel.target.TargetAssignedEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonRoundTripTest {

    static List<Object> events() {
        return Samples.events();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachEventRoundTripsThroughJackson(Object event) throws Exception {
        for (ObjectMapper mapper : JsonMappers.all()) {
            String json = mapper.writeValueAsString(event);
            assertThat(mapper.readValue(json, event.getClass())).as(json).isEqualTo(event);
        }
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(Samples.kernelClassesEndingWith("Event")).hasSize(59)
                .containsExactlyInAnyOrderElementsOf(Samples.events().stream().map(Object::getClass).toList());
    }

    @Test
    void everyEventIsARecordAtRevision1() {
        for (Class<?> type : Samples.kernelClassesEndingWith("Event")) {
            assertThat(type.isRecord()).as(type.getName()).isTrue();
            assertThat(type.getAnnotation(Revision.class)).as(type.getName()).isNotNull()
                    .extracting(Revision::value).isEqualTo("1");
            assertThat(type.getRecordComponents()).as(type.getName())
                    .anySatisfy(c -> {
                        assertThat(c.getName()).isEqualTo("occurredAt");
                        assertThat(c.getType()).isEqualTo(Instant.class);
                    });
        }
    }

    @Test
    void periodsAndMoneyAreWrittenInTheirPublishedForm() throws Exception {
        String target = JsonMappers.iso().writeValueAsString(Samples.events().stream()
                .filter(TargetAssignedEvent.class::isInstance).findFirst().orElseThrow());
        assertThat(target).contains("\"period\":\"2017-Q2\"", "\"occurredAt\":\"2017-05-04T09:30:00.123Z\"");

        String proposal = JsonMappers.iso().writeValueAsString(Samples.events().get(10));
        assertThat(proposal).contains("\"amount\":{\"amount\":1200.50,\"currency\":\"EUR\"}");
    }
}
