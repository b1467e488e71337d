package io.attain.command.domain.contest;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.contest.ContestCancelledEvent;
import io.attain.kernel.contest.ContestClosedEvent;
import io.attain.kernel.contest.ContestLaunchedEvent;
import io.attain.kernel.contest.ContestParticipantAddedEvent;
import io.attain.kernel.contest.ContestParticipantRemovedEvent;
import io.attain.kernel.contest.ContestPrize;
import io.attain.kernel.contest.ContestPrizeAwardedEvent;
import io.attain.kernel.contest.RecognitionGrantedEvent;
import io.attain.kernel.contest.RecognitionRevokedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every contest and recognition event round-trips through Axon's {@link JacksonSerializer} at revision 1, and a
 * stored revision-1 payload (written out by hand, never to change) still reads.
 */
class ContestEventSerializationTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final Instant AT = Instant.parse("2017-05-10T15:00:00.123Z");
    private static final LocalDate MAY_1 = LocalDate.of(2017, 5, 1);

    static List<Object> events() {
        return List.of(
                new ContestLaunchedEvent("c-1", "May sprint", "east", "cara", MAY_1, LocalDate.of(2017, 5, 31),
                        Metric.REVENUE, "EUR", List.of("anna"), List.of("west"),
                        List.of(new ContestPrize(1, Money.of("500.00", "EUR"), "Champion"),
                                new ContestPrize(2, null, "Runner-up")), AT),
                new ContestLaunchedEvent("c-2", "Visits", null, "admin", MAY_1, MAY_1, Metric.VISITS, null,
                        List.of(), List.of("east"), List.of(), AT),
                new ContestParticipantAddedEvent("c-1", "boris", null, AT),
                new ContestParticipantRemovedEvent("c-1", null, "west", "reorganised", AT),
                new ContestCancelledEvent("c-1", "cara", "budget", AT),
                new ContestClosedEvent("c-1", "cara", AT),
                new ContestPrizeAwardedEvent("c-1", "May sprint", 1, "anna", Money.of("500.00", "EUR"), "Champion",
                        "cara", AT),
                new RecognitionGrantedEvent("r-1", "anna", "President's Club 2017", "top 5%", "admin", AT),
                new RecognitionRevokedEvent("r-1", "anna", "error", "admin", AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void roundTripsAtRevision1(Object event) {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(event, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        assertThat((Object) SERIALIZER.deserialize(serialized)).isEqualTo(event);
    }

    @Test
    void readsAStoredRevision1LaunchAndAward() {
        String launched = """
                {"contestId":"c-1","name":"May sprint","organizerTeamId":"east","launchedBy":"cara",
                 "startsOn":"2017-05-01","endsOn":"2017-05-31","metric":"REVENUE","currency":"EUR",
                 "participantRepIds":["anna"],"participantTeamIds":[],
                 "prizes":[{"rank":1,"money":{"amount":500.00,"currency":"EUR"},"title":"Champion"},
                           {"rank":2,"money":null,"title":"Runner-up"}],
                 "occurredAt":"2017-04-28T09:00:00Z"}
                """;
        assertThat(read(launched, ContestLaunchedEvent.class)).isEqualTo(new ContestLaunchedEvent("c-1",
                "May sprint", "east", "cara", MAY_1, LocalDate.of(2017, 5, 31), Metric.REVENUE, "EUR",
                List.of("anna"), List.of(), List.of(new ContestPrize(1, Money.of("500.00", "EUR"), "Champion"),
                new ContestPrize(2, null, "Runner-up")), Instant.parse("2017-04-28T09:00:00Z")));

        String awarded = """
                {"contestId":"c-1","contestName":"May sprint","rank":2,"repId":"carl","title":"Runner-up",
                 "awardedBy":"cara","occurredAt":"2017-06-02T10:00:00Z"}
                """;
        assertThat(read(awarded, ContestPrizeAwardedEvent.class)).isEqualTo(new ContestPrizeAwardedEvent("c-1",
                "May sprint", 2, "carl", null, "Runner-up", "cara", Instant.parse("2017-06-02T10:00:00Z")));
    }

    private static Object read(String json, Class<?> type) {
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(type.getName(), "1")));
    }
}
