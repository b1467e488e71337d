package io.attain.command.domain.channel;

import io.attain.kernel.channel.AgreementVersionPublishedEvent;
import io.attain.kernel.channel.ChannelClaim;
import io.attain.kernel.channel.ChannelConflictRaisedEvent;
import io.attain.kernel.channel.ChannelConflictResolvedEvent;
import io.attain.kernel.channel.CustomerClaimReleasedEvent;
import io.attain.kernel.channel.CustomerClaimedEvent;
import io.attain.kernel.channel.PartnerKind;
import io.attain.kernel.channel.PartnerRegisteredEvent;
import io.attain.kernel.channel.RebateAccruedEvent;
import io.attain.kernel.channel.RebateCalculation;
import io.attain.kernel.channel.RebatePendingEvent;
import io.attain.kernel.channel.RebatePendingOutcome;
import io.attain.kernel.channel.RebatePendingReason;
import io.attain.kernel.channel.RebatePendingResolvedEvent;
import io.attain.kernel.channel.RebateReversedEvent;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Period;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.attain.command.domain.channel.ChannelFixtures.JAN_1;
import static io.attain.command.domain.channel.ChannelFixtures.MAY_12;
import static io.attain.command.domain.channel.ChannelFixtures.PARTNER;
import static io.attain.command.domain.channel.ChannelFixtures.eur;
import static io.attain.command.domain.channel.ChannelFixtures.terms;
import static io.attain.command.domain.channel.ChannelFixtures.usd;
import static io.attain.command.domain.channel.ChannelFixtures.usdToEur;
import static io.attain.command.domain.channel.ChannelFixtures.version;
import static io.attain.command.domain.channel.ChannelFixtures.won;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every channel event round-trips through Axon's {@link JacksonSerializer} (the event store's) at revision 1, and a
 * rebate line stored as JSON reads back with its whole calculation.
 */
class ChannelEventSerializationTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final Instant AT = Instant.parse("2017-05-12T10:00:00.123Z");
    private static final Period Q2 = Period.parse("2017-Q2");

    static List<Object> events() {
        RebateCalculation c = RebateCalculator.calculate(version(1, terms(JAN_1)), Q2,
                won("d-1", usd("12345.67"), MAY_12), usdToEur("0.9123", LocalDate.of(2017, 5, 1)), eur("95000"));
        ChannelClaim a = new ChannelClaim("d-1", Channel.DISTRIBUTOR, PARTNER, "Anna");
        ChannelClaim b = new ChannelClaim("d-2", Channel.DIRECT, null, "Boris");
        return List.of(
                new PartnerRegisteredEvent(PARTNER, "Acme Distribution", PartnerKind.DISTRIBUTOR, AT),
                new AgreementVersionPublishedEvent(PARTNER, 1, terms(JAN_1), AT),
                new RebateAccruedEvent(PARTNER, "l-1", "d-1", c, List.of("e-1"), List.of(41L), AT),
                new RebateReversedEvent(PARTNER, "r-1", "l-1", "d-1", Q2, c, c.revenue().negate(), c.rebate().negate(),
                        "deal reopened", List.of("e-2"), List.of(42L), AT),
                new RebatePendingEvent(PARTNER, "d-1", RebatePendingReason.CHANNEL_CONFLICT, "held",
                        "conflict:1:Globex", MAY_12, "e-1", AT),
                new RebatePendingResolvedEvent(PARTNER, "d-1", RebatePendingReason.CHANNEL_CONFLICT,
                        RebatePendingOutcome.ACCRUED, "l-1", "released", AT),
                new CustomerClaimedEvent("customer:Globex", "Globex", a, null, AT),
                new CustomerClaimReleasedEvent("customer:Globex", "Globex", "d-1", "deal lost", AT),
                new ChannelConflictRaisedEvent("conflict:1:Globex", "customer:Globex", "Globex", List.of(a, b), AT),
                new ChannelConflictResolvedEvent("conflict:1:Globex", "customer:Globex", "Globex", a, List.of(a, b),
                        List.of("d-2"), "Cara", "partner first", AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void roundTripsAtRevision1(Object event) {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(event, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        assertThat((Object) SERIALIZER.deserialize(serialized)).isEqualTo(event);
        assertThat(new String(serialized.getData(), StandardCharsets.UTF_8)).doesNotContain("\"positive\"")
                .doesNotContain("\"claimant\"");
    }

    @Test
    void readsAStoredRebateLineWithItsWholeCalculation() {
        String stored = """
                {"partnerId":"acme","lineId":"rebate:d-1:e-1","dealId":"d-1",
                 "calculation":{"agreementVersion":{"partnerId":"acme","version":1,
                    "terms":{"effectiveFrom":"2017-01-01","currency":"EUR","period":"QUARTER",
                      "tiers":[{"fromRevenue":0,"toRevenue":100000,"rate":0.02},{"fromRevenue":100000,"rate":0.035}]}},
                  "currency":"EUR","period":"2017-Q2",
                  "deal":{"dealId":"d-1","customer":"Globex","channel":"DISTRIBUTOR","partnerId":"acme","stage":"WON",
                    "amount":{"amount":10000,"currency":"USD"},"businessDate":"2017-05-12"},
                  "conversion":{"fromCurrency":"USD","toCurrency":"EUR","rate":0.9,"effectiveDate":"2017-05-01"},
                  "revenue":{"amount":9000.0,"currency":"EUR"},"revenueBefore":{"amount":95000,"currency":"EUR"},
                  "revenueAfter":{"amount":104000.0,"currency":"EUR"},
                  "slices":[{"fromRevenue":0,"toRevenue":100000,"rate":0.02,"revenueFrom":{"amount":95000,"currency":"EUR"},
                    "revenueTo":{"amount":100000,"currency":"EUR"},"revenue":{"amount":5000,"currency":"EUR"},
                    "rebate":{"amount":100.00,"currency":"EUR"}},
                   {"fromRevenue":100000,"rate":0.035,"revenueFrom":{"amount":100000,"currency":"EUR"},
                    "revenueTo":{"amount":104000.0,"currency":"EUR"},"revenue":{"amount":4000.0,"currency":"EUR"},
                    "rebate":{"amount":140.0000,"currency":"EUR"}}],
                  "exactRebate":{"amount":240.0000,"currency":"EUR"},"rebate":{"amount":240.00,"currency":"EUR"},
                  "roundingDifference":{"amount":0.0000,"currency":"EUR"}},
                 "sourceEventIds":["e-1"],"sourcePositions":[41],"occurredAt":"2017-05-12T10:00:00Z"}
                """;
        RebateAccruedEvent event = SERIALIZER.deserialize(new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8), byte[].class, RebateAccruedEvent.class.getName(), "1"));
        RebateCalculation c = event.calculation();
        assertThat(c.agreementVersion().terms().tiers()).hasSize(2);
        assertThat(c.conversion().rate()).isEqualByComparingTo("0.9");
        assertThat(c.slices()).extracting(s -> s.rebate().amount().toPlainString()).containsExactly("100.00", "140.0000");
        assertThat(c.rebate()).isEqualTo(eur("240.00"));
        assertThat(c.period()).isEqualTo(Q2);
        assertThat(event.sourcePositions()).containsExactly(41L);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2017-05-12T10:00:00Z"));
    }
}
