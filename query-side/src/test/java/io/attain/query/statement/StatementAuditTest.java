package io.attain.query.statement;

import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.query.support.ProjectionHarness;
import io.attain.query.support.StatementScenario;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit: as-of answers folded from the log on both timelines, {@code verify} (read model against the log, seals
 * against the raw commit documents), and tampering with either.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementAuditTest {

    static final Period MAY = Period.month(2017, 5);
    static final Period JUNE = Period.month(2017, 6);
    static ProjectionHarness harness;
    static StatementAudit audit;
    static List<Object> annaMay;

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start(10);
        Random random = new Random(11);
        annaMay = StatementScenario.lifecycle("anna", MAY, random, true);
        harness.publish(StatementScenario.TYPE, CompensationIds.statementId("anna", MAY), annaMay.toArray());
        harness.publish(StatementScenario.TYPE, CompensationIds.statementId("anna", JUNE),
                        StatementScenario.lifecycle("anna", JUNE, random, true).toArray());
        harness.publish(StatementScenario.TYPE, CompensationIds.statementId("boris", MAY),
                        StatementScenario.lifecycle("boris", MAY, random, false).toArray());
        harness.awaitCaughtUp();
        StatementQueries queries = new StatementQueries(harness.generations());
        audit = new StatementAudit(new StatementLog(harness.eventStore(), harness.database()), queries,
                                   ProjectionHarness.SERIALIZER);
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    /** Lets the clock move on (recording times before and after must differ): waits for the next millisecond. */
    private static void pause() {
        java.time.Instant now = java.time.Instant.now();
        org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(1))
                                 .until(() -> java.time.Instant.now().toEpochMilli() > now.toEpochMilli() + 1);
    }

    @Test
    @Order(1)
    void theReadModelEqualsTheLogAndEverySealHolds() {
        StatementAudit.Verification v = audit.verify(harness.head());
        assertThat(v.differences()).isEmpty();
        assertThat(v.checked()).isEqualTo(3);
        assertThat(v.sealsChecked()).isEqualTo(2);
        // the fold of the log and the projection build the same document
        String id = CompensationIds.statementId("anna", MAY);
        Document folded = StatementFold.fold(audit.log().read(id).events());
        assertThat(folded).isEqualTo(harness.doc(StatementProjection.STATEMENTS, id));
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void asRecordedAtATimeTheAnswerNeverChanges() {
        String id = CompensationIds.statementId("carl", MAY);
        List<Object> events = StatementScenario.lifecycle("carl", MAY, new Random(3), true);
        // open + accruals first
        int accruals = (int) events.stream().filter(e -> e instanceof io.attain.kernel.compensation.CommissionAccruedEvent).count();
        harness.publish(StatementScenario.TYPE, id, events.subList(0, 1 + accruals).toArray());
        pause();
        Instant t1 = Instant.now();
        pause();
        Instant now = t1.plusSeconds(3600);
        Map<String, Object> before = audit.asOf("carl", "2017-05", t1, null, now).orElseThrow();
        assertThat(before).containsEntry("status", "OPEN").containsEntry("source", "log");
        assertThat((List<Object>) before.get("lines")).hasSize(accruals);
        assertThat((List<Object>) before.get("clawbacks")).isEmpty();
        assertThat((Map<String, Object>) before.get("asOf")).containsEntry("settled", true)
                                                             .containsEntry("events", 1 + accruals);

        // later: the rest of the lifecycle, and a correction back-dated to the start of the month
        harness.publish(StatementScenario.TYPE, id, events.subList(1 + accruals, events.size()).toArray());
        assertThat(audit.asOf("carl", "2017-05", t1, null, now).orElseThrow()).isEqualTo(before);
        Instant t2 = Instant.now();
        Map<String, Object> later = audit.asOf("carl", "2017-05", t2, null, now).orElseThrow();
        assertThat(later).containsEntry("status", "PAID");
        assertThat((List<Object>) later.get("clawbacks")).hasSize(1);
        // before anything was recorded: nothing
        assertThat(audit.asOf("carl", "2017-05", Instant.parse("2000-01-01T00:00:00Z"), null, now)).isEmpty();
        harness.awaitCaughtUp();
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void forABusinessDateOnlyEventsOfThatDateOrEarlierCount() {
        String id = CompensationIds.statementId("dora", MAY);
        List<Object> events = StatementScenario.lifecycle("dora", MAY, new Random(4), false);
        harness.publish(StatementScenario.TYPE, id, events.toArray());
        CommissionClawedBackEvent clawback = events.stream().filter(CommissionClawedBackEvent.class::isInstance)
                                                   .map(CommissionClawedBackEvent.class::cast).findFirst().orElseThrow();
        LocalDate clawbackDay = LocalDate.ofInstant(clawback.occurredAt(), java.time.ZoneOffset.UTC);
        Instant now = Instant.now().plusSeconds(3600);

        Map<String, Object> dayBefore = audit.asOf("dora", "2017-05", null, clawbackDay.minusDays(1), now).orElseThrow();
        assertThat((List<Object>) dayBefore.get("clawbacks")).isEmpty();
        Map<String, Object> onTheDay = audit.asOf("dora", "2017-05", null, clawbackDay, now).orElseThrow();
        assertThat((List<Object>) onTheDay.get("clawbacks")).hasSize(1);

        // a correction recorded now for an early business date changes the business view of that date …
        pause();
        Instant recorded = Instant.now();
        pause();
        harness.publish(StatementScenario.TYPE, id, new CommissionAdjustedEvent(
                id, "late-fix", "dora", StatementScenario.eur("99"), AdjustmentKind.MANUAL, "late correction", null,
                null, null, Instant.parse("2017-05-03T00:00:00Z")));
        Map<String, Object> corrected = audit.asOf("dora", "2017-05", null, clawbackDay.minusDays(1), now).orElseThrow();
        assertThat((List<Object>) corrected.get("adjustments")).extracting(a -> ((Map<String, Object>) a).get("lineId"))
                                                                .contains("late-fix");
        // … but not what was recorded by then (both timelines together)
        Map<String, Object> asRecorded = audit.asOf("dora", "2017-05", recorded, clawbackDay.minusDays(1), now)
                                              .orElseThrow();
        assertThat((List<Object>) asRecorded.get("adjustments")).extracting(a -> ((Map<String, Object>) a).get("lineId"))
                                                                 .doesNotContain("late-fix");
        harness.awaitCaughtUp();
    }

    @Test
    @Order(4)
    void aReadModelChangedByHandIsReported() {
        harness.awaitCaughtUp();
        assertThat(audit.verify(harness.head()).differences()).isEmpty();
        String id = CompensationIds.statementId("anna", MAY);
        var statements = harness.database().getCollection(StatementProjection.STATEMENTS);
        Object paid = ((Document) ((Document) statements.find(eq("_id", id)).first().get("totals")).get("EUR")).get("paid");
        statements.updateOne(eq("_id", id), set("totals.EUR.paid", new Decimal128(new BigDecimal("1"))));
        try {
            StatementAudit.Verification v = audit.verify(harness.head());
            assertThat(v.differences()).containsExactly(new StatementAudit.Difference(
                    id, "totals.EUR.paid", ((Decimal128) paid).bigDecimalValue().toPlainString(), "1", null, null));
        } finally {
            statements.updateOne(eq("_id", id), set("totals.EUR.paid", paid));
        }
        assertThat(audit.verify(harness.head()).differences()).isEmpty();
    }

    @Test
    @Order(5)
    void anEventAlteredInTheLogBreaksTheSealAtThatEvent() {
        String id = CompensationIds.statementId("anna", MAY);
        StatementLog.RawEvent target = audit.log().read(id).raw().stream()
                                            .filter(r -> r.payloadType().endsWith("CommissionClawedBackEvent"))
                                            .findFirst().orElseThrow();
        var events = harness.database().getCollection("events");
        Document commit = events.find(eq("events.eventId", target.eventId())).first();
        List<Document> stored = commit.getList("events", Document.class);
        int index = -1;
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).getString("eventId").equals(target.eventId())) {
                index = i;
            }
        }
        String payload = stored.get(index).getString("payload");
        assertThat(payload).contains("\"reason\":\"deal reopened\"");
        events.updateOne(eq("_id", commit.get("_id")),
                         set("events." + index + ".payload", payload.replace("deal reopened", "customer upgraded")));

        StatementAudit.Verification v = audit.verify(harness.head());
        List<StatementAudit.Difference> seal = v.differences().stream()
                                                .filter(d -> d.field().startsWith("seal")).toList();
        assertThat(seal).hasSize(1);
        StatementAudit.Difference first = seal.get(0);
        assertThat(first.statementId()).isEqualTo(id);
        assertThat(first.position()).isEqualTo(target.position());
        assertThat(first.eventId()).isEqualTo(target.eventId());
        // and the read model no longer equals the (altered) log
        assertThat(v.differences()).anySatisfy(d -> {
            assertThat(d.field()).endsWith(".reason");
            assertThat(d.expected()).isEqualTo("customer upgraded");
            assertThat(d.actual()).isEqualTo("deal reopened");
        });
        System.out.println("verify after tampering: " + v.differences());
    }
}
