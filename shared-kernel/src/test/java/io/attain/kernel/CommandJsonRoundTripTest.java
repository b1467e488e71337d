package io.attain.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandJsonRoundTripTest {

    static List<Object> commands() {
        return Samples.commands();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void eachCommandRoundTripsThroughJackson(Object command) throws Exception {
        for (ObjectMapper mapper : JsonMappers.all()) {
            String json = mapper.writeValueAsString(command);
            assertThat(mapper.readValue(json, command.getClass())).as(json).isEqualTo(command);
        }
    }

    @Test
    void everyCommandTypeHasASample() {
        assertThat(Samples.kernelClassesEndingWith("Command")).hasSize(53)
                .containsExactlyInAnyOrderElementsOf(Samples.commands().stream().map(Object::getClass).toList());
    }

    @Test
    void everyCommandIsARecordTargetingOneAggregateAndCarryingOccurredAt() throws Exception {
        for (Class<?> type : Samples.kernelClassesEndingWith("Command")) {
            assertThat(type.isRecord()).as(type.getName()).isTrue();
            RecordComponent[] components = type.getRecordComponents();
            long targets = Arrays.stream(components)
                    .filter(c -> fieldOf(type, c).isAnnotationPresent(TargetAggregateIdentifier.class))
                    .count();
            assertThat(targets).as(type.getName()).isEqualTo(1);
            assertThat(fieldOf(type, components[0]).isAnnotationPresent(TargetAggregateIdentifier.class))
                    .as("%s: the aggregate id comes first", type.getName()).isTrue();
            assertThat(components[components.length - 1].getName()).as(type.getName()).isEqualTo("occurredAt");
        }
    }

    private static java.lang.reflect.Field fieldOf(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
