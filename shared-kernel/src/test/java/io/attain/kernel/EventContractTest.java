package io.attain.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.StatementDisputeResolvedEvent;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event-evolution contract: payloads as they were stored at revision 1, written out by hand.
 * These strings must never change; if a record changes shape, it must still read them (or an
 * upcaster must be added together with a new revision).
 */
class EventContractTest {

    private final ObjectMapper mapper = JsonMappers.iso();

    @Test
    void readsARevision1DealOpenedPayloadWithoutItsOptionalFields() throws Exception {
        String stored = """
                {"dealId":"d-42","ownerRepId":"Anna Snelling","customer":"Acme Corporation",
                 "productLine":"GTX Pro","channel":"DIRECT",
                 "amount":{"amount":4821.00,"currency":"USD"},
                 "stage":"LEAD","occurredAt":"2017-03-01T10:15:30Z"}
                """;

        assertThat(mapper.readValue(stored, DealOpenedEvent.class)).isEqualTo(new DealOpenedEvent(
                "d-42", "Anna Snelling", "Acme Corporation", "GTX Pro", Channel.DIRECT, null,
                Money.of("4821.00", "USD"), null, Stage.LEAD, Instant.parse("2017-03-01T10:15:30Z")));
    }

    @Test
    void readsARevision1TargetAssignedPayload() throws Exception {
        String stored = """
                {"targetId":"t-7","ownerType":"REP","ownerId":"Anna Snelling","period":"2017-Q2",
                 "metric":"PRODUCT_REVENUE","productLine":"GTX Pro","amount":150000,"currency":"USD",
                 "occurredAt":"2017-03-31T00:00:00Z"}
                """;

        assertThat(mapper.readValue(stored, TargetAssignedEvent.class)).isEqualTo(new TargetAssignedEvent(
                "t-7", TargetOwnerType.REP, "Anna Snelling", Period.quarter(2017, 2), Metric.PRODUCT_REVENUE,
                "GTX Pro", new BigDecimal("150000"), "USD", Instant.parse("2017-03-31T00:00:00Z")));
    }

    @Test
    void readsARevision1RepOnboardedPayload() throws Exception {
        String stored = """
                {"repId":"Anna Snelling","name":"Anna Snelling","role":"SALES_REP","teamId":"Cara Losch",
                 "managerId":"Cara Losch","hireDate":"2016-10-20","occurredAt":"2016-10-20T08:00:00Z"}
                """;

        assertThat(mapper.readValue(stored, RepOnboardedEvent.class)).isEqualTo(new RepOnboardedEvent(
                "Anna Snelling", "Anna Snelling", Role.SALES_REP, "Cara Losch", "Cara Losch",
                LocalDate.of(2016, 10, 20), Instant.parse("2016-10-20T08:00:00Z")));
    }

    @Test
    void readsRevision1StageChangeAndCreditSplitPayloads() throws Exception {
        String stageChanged = """
                {"dealId":"d-42","fromStage":"PROPOSAL","toStage":"QUALIFIED","backward":true,
                 "reason":"budget review","occurredAt":"2017-04-02T12:00:00Z"}
                """;
        String creditSplit = """
                {"dealId":"d-42","shares":[{"repId":"Anna Snelling","percentage":60},
                 {"repId":"Boris Faz","percentage":40.0}],"occurredAt":"2017-04-03T12:00:00Z"}
                """;

        assertThat(mapper.readValue(stageChanged, DealStageChangedEvent.class)).isEqualTo(new DealStageChangedEvent(
                "d-42", Stage.PROPOSAL, Stage.QUALIFIED, true, "budget review", Instant.parse("2017-04-02T12:00:00Z")));
        assertThat(mapper.readValue(creditSplit, DealCreditSplitEvent.class)).isEqualTo(new DealCreditSplitEvent(
                "d-42", List.of(new CreditShare("Anna Snelling", new BigDecimal("60")),
                new CreditShare("Boris Faz", new BigDecimal("40.0"))), Instant.parse("2017-04-03T12:00:00Z")));
    }

    @Test
    void readsARevision1ProductLineRegisteredPayload() throws Exception {
        String stored = """
                {"productLineId":"GTX Pro","series":"GTX","listPrice":{"amount":5450.00,"currency":"USD"},
                 "occurredAt":"2016-10-20T08:00:00Z"}
                """;

        assertThat(mapper.readValue(stored, ProductLineRegisteredEvent.class)).isEqualTo(new ProductLineRegisteredEvent(
                "GTX Pro", "GTX", Money.of("5450.00", "USD"), Instant.parse("2016-10-20T08:00:00Z")));
    }

    @Test
    void readsARevision1PlanVersionPublishedPayloadWithoutItsOptionalParts() throws Exception {
        String stored = """
                {"planId":"plan-1","version":1,"retroactive":false,
                 "terms":{"effectiveFrom":"2017-01-01","currency":"EUR",
                   "bands":[{"fromAttainment":0,"toAttainment":1.0,"rate":0.05},
                            {"fromAttainment":1.0,"rate":0.08}],
                   "clawbackWindowDays":90,"rollUpToManagers":false},
                 "occurredAt":"2016-12-20T09:00:00Z"}
                """;

        assertThat(mapper.readValue(stored, PlanVersionPublishedEvent.class)).isEqualTo(new PlanVersionPublishedEvent(
                "plan-1", 1, new PlanTerms(LocalDate.of(2017, 1, 1), "EUR", null,
                List.of(new CommissionBand(new BigDecimal("0"), new BigDecimal("1.0"), new BigDecimal("0.05")),
                        new CommissionBand(new BigDecimal("1.0"), null, new BigDecimal("0.08"))),
                null, null, null, null, null, 90, false, null), false, Instant.parse("2016-12-20T09:00:00Z")));
    }

    @Test
    void readsRevision1PaymentAndDisputeResolutionPayloads() throws Exception {
        String paid = """
                {"statementId":"statement:Anna Snelling:2017-05","repId":"Anna Snelling","batchId":"b-7",
                 "amount":{"amount":2300.00,"currency":"EUR"},"paymentDate":"2017-06-30","fullyPaid":true,
                 "occurredAt":"2017-06-30T16:00:00Z"}
                """;
        String rejected = """
                {"statementId":"statement:Anna Snelling:2017-05","disputeId":"x-1","managerId":"Cara Losch",
                 "accepted":false,"reason":"split was agreed","occurredAt":"2017-06-02T10:00:00Z"}
                """;

        assertThat(mapper.readValue(paid, CommissionPaidEvent.class)).isEqualTo(new CommissionPaidEvent(
                "statement:Anna Snelling:2017-05", "Anna Snelling", "b-7", Money.of("2300.00", "EUR"),
                LocalDate.of(2017, 6, 30), true, Instant.parse("2017-06-30T16:00:00Z")));
        assertThat(mapper.readValue(rejected, StatementDisputeResolvedEvent.class)).isEqualTo(
                new StatementDisputeResolvedEvent("statement:Anna Snelling:2017-05", "x-1", "Cara Losch", false, null,
                        null, "split was agreed", Instant.parse("2017-06-02T10:00:00Z")));
    }

    @Test
    void readsInstantsStoredAsEpochNumbersToo() throws Exception {
        String stored = """
                {"repId":"Anna Snelling","effectiveDate":[2017,6,1],"occurredAt":1496275200.000000000}
                """;

        assertThat(mapper.readValue(stored, io.attain.kernel.organisation.RepOffboardedEvent.class).occurredAt())
                .isEqualTo(Instant.parse("2017-06-01T00:00:00Z"));
    }

    @Test
    void readsRevision1ChannelConflictAndAgreementPayloads() throws Exception {
        String raised = """
                {"conflictId":"conflict:1:Globex","customerChannelId":"customer:Globex","customer":"Globex",
                 "claims":[{"dealId":"d-1","channel":"DISTRIBUTOR","partnerId":"acme","ownerRepId":"Anna Snelling"},
                           {"dealId":"d-2","channel":"DIRECT","ownerRepId":"Boris Faz"}],
                 "occurredAt":"2017-05-02T09:00:00Z"}
                """;
        String agreement = """
                {"partnerId":"acme","version":1,"terms":{"effectiveFrom":"2017-01-01","currency":"EUR",
                 "period":"QUARTER","tiers":[{"fromRevenue":0,"rate":0.02}]},"occurredAt":"2016-12-20T09:00:00Z"}
                """;

        assertThat(mapper.readValue(raised, io.attain.kernel.channel.ChannelConflictRaisedEvent.class)).isEqualTo(
                new io.attain.kernel.channel.ChannelConflictRaisedEvent("conflict:1:Globex", "customer:Globex", "Globex",
                        List.of(new io.attain.kernel.channel.ChannelClaim("d-1", Channel.DISTRIBUTOR, "acme", "Anna Snelling"),
                                new io.attain.kernel.channel.ChannelClaim("d-2", Channel.DIRECT, null, "Boris Faz")),
                        Instant.parse("2017-05-02T09:00:00Z")));
        assertThat(mapper.readValue(agreement, io.attain.kernel.channel.AgreementVersionPublishedEvent.class)).isEqualTo(
                new io.attain.kernel.channel.AgreementVersionPublishedEvent("acme", 1,
                        new io.attain.kernel.channel.AgreementTerms(LocalDate.of(2017, 1, 1), "EUR",
                                io.attain.kernel.common.PeriodUnit.QUARTER, List.of(new io.attain.kernel.channel.RebateTier(
                                new BigDecimal("0"), null, new BigDecimal("0.02")))),
                        Instant.parse("2016-12-20T09:00:00Z")));
    }
}
