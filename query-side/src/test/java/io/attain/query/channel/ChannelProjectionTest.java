package io.attain.query.channel;

import io.attain.kernel.channel.AgreementTerms;
import io.attain.kernel.channel.AgreementVersion;
import io.attain.kernel.channel.AgreementVersionPublishedEvent;
import io.attain.kernel.channel.ChannelClaim;
import io.attain.kernel.channel.ChannelConflictRaisedEvent;
import io.attain.kernel.channel.ChannelConflictResolvedEvent;
import io.attain.kernel.channel.Conversion;
import io.attain.kernel.channel.CustomerClaimedEvent;
import io.attain.kernel.channel.PartnerKind;
import io.attain.kernel.channel.PartnerRegisteredEvent;
import io.attain.kernel.channel.RebateAccruedEvent;
import io.attain.kernel.channel.RebateCalculation;
import io.attain.kernel.channel.RebateDeal;
import io.attain.kernel.channel.RebatePendingEvent;
import io.attain.kernel.channel.RebatePendingOutcome;
import io.attain.kernel.channel.RebatePendingReason;
import io.attain.kernel.channel.RebatePendingResolvedEvent;
import io.attain.kernel.channel.RebateReversedEvent;
import io.attain.kernel.channel.RebateTier;
import io.attain.kernel.channel.RebateTierSlice;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.PeriodUnit;
import io.attain.kernel.common.Stage;
import io.attain.query.support.ProjectionHarness;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner-rebates and channel-conflicts projections: given a partner's lines, pending items and a conflict, the
 * documents and query answers; and a replay gives the same content hash as live processing.
 */
class ChannelProjectionTest {

    static final Instant AT = Instant.parse("2017-05-12T10:00:00Z");
    static final Period Q2 = Period.parse("2017-Q2");
    static final AgreementTerms TERMS = new AgreementTerms(LocalDate.of(2017, 1, 1), "EUR", PeriodUnit.QUARTER,
            List.of(new RebateTier(BigDecimal.ZERO, new BigDecimal("100000"), new BigDecimal("0.02")),
                    new RebateTier(new BigDecimal("100000"), null, new BigDecimal("0.035"))));
    static final AgreementVersion V1 = new AgreementVersion("acme", 1, TERMS);
    static final ChannelClaim PARTNER_CLAIM = new ChannelClaim("d-3", Channel.DISTRIBUTOR, "acme", "anna");
    static final ChannelClaim DIRECT_CLAIM = new ChannelClaim("d-4", Channel.DIRECT, null, "boris");
    static final ChannelClaim LATE_CLAIM = new ChannelClaim("d-5", Channel.DIRECT, null, "carl");

    static ProjectionHarness harness;
    static ChannelQueries queries;
    static RebateCalculation first;
    static RebateCalculation second;

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** d-1: 40,000 EUR at 0 → 800.00. */
    static RebateCalculation first() {
        RebateDeal deal = new RebateDeal("d-1", "Globex", Channel.DISTRIBUTOR, "acme", Stage.WON, eur("40000"),
                LocalDate.of(2017, 5, 10));
        return new RebateCalculation(V1, "EUR", Q2, deal, null, eur("40000"), eur("0"), eur("40000"),
                List.of(new RebateTierSlice(BigDecimal.ZERO, new BigDecimal("100000"), new BigDecimal("0.02"),
                        eur("0"), eur("40000"), eur("40000"), eur("800.00"))),
                eur("800.00"), eur("800.00"), eur("0.00"));
    }

    /** d-2: 80,000 USD × 0.9 = 72,000 EUR at 40,000: 60,000 × 2 % = 1,200 + 12,000 × 3.5 % = 420 → 1,620.00. */
    static RebateCalculation second() {
        RebateDeal deal = new RebateDeal("d-2", "Initech", Channel.DISTRIBUTOR, "acme", Stage.WON,
                Money.of("80000", "USD"), LocalDate.of(2017, 6, 1));
        return new RebateCalculation(V1, "EUR", Q2, deal,
                new Conversion("USD", "EUR", new BigDecimal("0.9"), LocalDate.of(2017, 5, 1)), eur("72000.0"),
                eur("40000"), eur("112000.0"),
                List.of(new RebateTierSlice(BigDecimal.ZERO, new BigDecimal("100000"), new BigDecimal("0.02"),
                                eur("40000"), eur("100000"), eur("60000"), eur("1200.00")),
                        new RebateTierSlice(new BigDecimal("100000"), null, new BigDecimal("0.035"), eur("100000"),
                                eur("112000.0"), eur("12000.0"), eur("420.0000"))),
                eur("1620.0000"), eur("1620.00"), eur("0.0000"));
    }

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start(3); // small batches: the events span several
        first = first();
        second = second();
        harness.publish("Partner", "acme",
                new PartnerRegisteredEvent("acme", "Acme Distribution", PartnerKind.DISTRIBUTOR, AT),
                new AgreementVersionPublishedEvent("acme", 1, TERMS, AT),
                new RebateAccruedEvent("acme", "rebate:d-1:w1", "d-1", first, List.of("w1"), List.of(7L), AT),
                new RebateAccruedEvent("acme", "rebate:d-2:w2", "d-2", second, List.of("w2"), List.of(8L), AT),
                new RebateReversedEvent("acme", "reversal:rebate:d-1:w1:r1", "rebate:d-1:w1", "d-1", Q2, first,
                        eur("-40000"), eur("-800.00"), "deal reopened", List.of("r1"), List.of(9L), AT));
        harness.publish("ChannelProcess", "none",
                new RebatePendingEvent("acme", "d-3", RebatePendingReason.CHANNEL_CONFLICT, "held",
                        "conflict:1:Globex", LocalDate.of(2017, 5, 20), "w3", AT),
                new RebatePendingEvent("acme", "d-9", RebatePendingReason.NO_EXCHANGE_RATE, "no GBP→EUR rate",
                        null, LocalDate.of(2017, 8, 1), "w9", AT));
        harness.publish("CustomerChannel", "customer:Globex",
                new CustomerClaimedEvent("customer:Globex", "Globex", PARTNER_CLAIM, null, AT),
                new CustomerClaimedEvent("customer:Globex", "Globex", DIRECT_CLAIM, "conflict:1:Globex", AT),
                new ChannelConflictRaisedEvent("conflict:1:Globex", "customer:Globex", "Globex",
                        List.of(PARTNER_CLAIM, DIRECT_CLAIM), AT),
                new CustomerClaimedEvent("customer:Globex", "Globex", LATE_CLAIM, "conflict:1:Globex", AT),
                new ChannelConflictResolvedEvent("conflict:1:Globex", "customer:Globex", "Globex", DIRECT_CLAIM,
                        List.of(PARTNER_CLAIM, DIRECT_CLAIM, LATE_CLAIM), List.of("d-3"), "cara", "direct first", AT));
        harness.publish("ChannelProcess", "none",
                new RebatePendingResolvedEvent("acme", "d-3", RebatePendingReason.CHANNEL_CONFLICT,
                        RebatePendingOutcome.DROPPED, null, "conflict resolved for d-4", AT));
        harness.publish("CustomerChannel", "customer:Initech",
                new CustomerClaimedEvent("customer:Initech", "Initech", new ChannelClaim("d-6", Channel.AGENT, "ajax",
                        "anna"), null, AT),
                new CustomerClaimedEvent("customer:Initech", "Initech", new ChannelClaim("d-7", Channel.DISTRIBUTOR,
                        "acme", "dora"), "conflict:1:Initech", AT),
                new ChannelConflictRaisedEvent("conflict:1:Initech", "customer:Initech", "Initech",
                        List.of(new ChannelClaim("d-6", Channel.AGENT, "ajax", "anna"),
                                new ChannelClaim("d-7", Channel.DISTRIBUTOR, "acme", "dora")), AT));
        harness.awaitCaughtUp();
        queries = new ChannelQueries(harness.generations());
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    /** event id → global position, straight from the commit documents. */
    private static Map<String, Long> positions() {
        Map<String, Long> positions = new HashMap<>();
        for (Document commit : harness.database().getCollection("events").find()) {
            List<Document> events = commit.getList("events", Document.class);
            for (int i = 0; i < events.size(); i++) {
                positions.put(events.get(i).getString("eventId"), commit.getLong("_id") + i);
            }
        }
        return positions;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRebateStatementHasEveryLineWithItsCalculationLineageAndTotals() {
        Map<String, Object> s = queries.statement("acme", Q2).orElseThrow();
        assertThat(s).containsEntry("name", "Acme Distribution").containsEntry("kind", "DISTRIBUTOR")
                .containsEntry("period", "2017-Q2");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) s.get("lines");
        assertThat(lines).extracting(l -> l.get("lineId"))
                .containsExactly("rebate:d-1:w1", "rebate:d-2:w2", "reversal:rebate:d-1:w1:r1");
        assertThat(lines).extracting(l -> l.get("kind")).containsExactly("ACCRUAL", "ACCRUAL", "REVERSAL");
        Map<String, Object> converted = lines.get(1);
        assertThat(((Map<String, Object>) converted.get("rebate")).get("amount")).isEqualTo(new BigDecimal("1620"));
        assertThat(((Map<String, Object>) converted.get("conversion")).get("rate")).isEqualTo(new BigDecimal("0.9"));
        assertThat((List<Object>) converted.get("slices")).hasSize(2);
        assertThat(((Map<String, Object>) lines.get(2).get("rebate")).get("amount")).isEqualTo(new BigDecimal("-800"));
        assertThat(lines.get(2)).containsEntry("originalLineId", "rebate:d-1:w1").containsEntry("reason", "deal reopened");

        Map<String, Long> positions = positions();
        for (Map<String, Object> line : lines) {
            assertThat(((Number) line.get("position")).longValue()).as("position of %s", line.get("lineId"))
                    .isEqualTo(positions.get((String) line.get("eventId")));
        }
        assertThat(lines.get(0).get("sourceEventIds")).isEqualTo(List.of("w1"));

        // totals: revenue 40,000 + 72,000 − 40,000 = 72,000; accrued 800 + 1,620 = 2,420; reversed −800; net 1,620
        Map<String, Object> eur = ((List<Map<String, Object>>) s.get("totals")).get(0);
        assertThat(eur).containsEntry("currency", "EUR").containsEntry("revenue", new BigDecimal("72000"))
                .containsEntry("accrued", new BigDecimal("2420")).containsEntry("reversed", new BigDecimal("-800"))
                .containsEntry("net", new BigDecimal("1620"));

        // pending of the period only (the August one belongs to Q3); the conflict hold ended DROPPED
        List<Map<String, Object>> pending = (List<Map<String, Object>>) s.get("pending");
        assertThat(pending).singleElement().satisfies(p -> assertThat(p).containsEntry("dealId", "d-3")
                .containsEntry("status", "DROPPED").containsEntry("conflictId", "conflict:1:Globex"));
        assertThat(queries.statement("acme", Period.parse("2017-Q3")).orElseThrow().get("pending"))
                .asList().hasSize(1);
        assertThat(queries.statement("nobody", Q2)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void conflictsListTheirClaimsAndResolution() {
        List<Map<String, Object>> all = queries.conflicts(null);
        assertThat(all).extracting(c -> c.get("conflictId")).containsExactly("conflict:1:Globex", "conflict:1:Initech");
        Map<String, Object> globex = all.get(0);
        assertThat(globex).containsEntry("status", "RESOLVED").containsEntry("customer", "Globex");
        assertThat((List<Map<String, Object>>) globex.get("claims")).extracting(c -> c.get("dealId"))
                .containsExactly("d-3", "d-4", "d-5");
        Map<String, Object> resolution = (Map<String, Object>) globex.get("resolution");
        assertThat(resolution).containsEntry("winningDealId", "d-4").containsEntry("resolvedBy", "cara")
                .containsEntry("overruled", List.of("d-3"));
        assertThat(ChannelQueries.owners(globex)).containsExactly("anna", "boris", "carl");

        assertThat(queries.conflicts("OPEN")).extracting(c -> c.get("conflictId")).containsExactly("conflict:1:Initech");
        assertThat(queries.conflicts("RESOLVED")).extracting(c -> c.get("conflictId"))
                .containsExactly("conflict:1:Globex");
    }

    @Test
    void aReplayGivesTheSameContentHashAsLiveProcessing() {
        Map<String, String> live = harness.hashes();
        var liveDocs = harness.snapshot();
        harness.replay(PartnerRebateProjection.NAME);
        harness.replay(ChannelConflictProjection.NAME);
        harness.awaitCaughtUp();
        assertThat(harness.hashes()).as(() -> ProjectionHarness.diff(liveDocs, harness.snapshot())).isEqualTo(live);
        assertThat(live.get(PartnerRebateProjection.STATEMENTS)).isNotBlank();
        assertThat(live.get(ChannelConflictProjection.CONFLICTS)).isNotBlank();
    }
}
