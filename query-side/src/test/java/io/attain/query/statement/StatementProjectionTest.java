package io.attain.query.statement;

import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.query.support.ProjectionHarness;
import io.attain.query.support.StatementScenario;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The statements projection: given a statement's events, the documents and the query answers. */
class StatementProjectionTest {

    static ProjectionHarness harness;
    static StatementQueries queries;
    static List<Object> annaMay;
    static final Period MAY = Period.month(2017, 5);
    static final Period JUNE = Period.month(2017, 6);
    static final String ANNA_MAY = CompensationIds.statementId("anna", MAY);
    static final String ANNA_JUNE = CompensationIds.statementId("anna", JUNE);

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start(7); // small batches: a statement's events span several
        Random random = new Random(5);
        annaMay = StatementScenario.lifecycle("anna", MAY, random, true);
        harness.publish(StatementScenario.TYPE, ANNA_MAY, annaMay.toArray());
        harness.publish(StatementScenario.TYPE, ANNA_JUNE, StatementScenario.lifecycle("anna", JUNE, random, true).toArray());
        harness.publish(StatementScenario.TYPE, CompensationIds.statementId("boris", MAY),
                        StatementScenario.lifecycle("boris", MAY, random, false).toArray());
        harness.awaitCaughtUp();
        queries = new StatementQueries(harness.generations());
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    private static BigDecimal dec(Object value) {
        return ((Decimal128) value).bigDecimalValue();
    }

    /** event id → global position, straight from the commit documents. */
    private static Map<String, Long> positions(String statementId) {
        Map<String, Long> positions = new HashMap<>();
        for (Document commit : harness.database().getCollection("events").find(new Document("aggregateId", statementId))) {
            List<Document> events = commit.getList("events", Document.class);
            for (int i = 0; i < events.size(); i++) {
                positions.put(events.get(i).getString("eventId"), commit.getLong("_id") + i);
            }
        }
        return positions;
    }

    @Test
    void aPaidStatementWithLinesClawbacksAdjustmentsDisputesPaymentsAndTotals() {
        Document s = harness.doc(StatementProjection.STATEMENTS, ANNA_MAY);
        assertThat(s.getString("status")).isEqualTo("PAID");
        assertThat(s.getString("repId")).isEqualTo("anna");
        assertThat(s.getString("period")).isEqualTo("2017-05");
        assertThat(s.getLong("eventCount")).isEqualTo(annaMay.size());

        List<CommissionAccruedEvent> accruals = annaMay.stream().filter(CommissionAccruedEvent.class::isInstance)
                                                       .map(CommissionAccruedEvent.class::cast).toList();
        Document lines = (Document) s.get("lines");
        assertThat(lines).hasSize(accruals.size());
        CommissionAccruedEvent first = accruals.get(0);
        Document line = (Document) lines.get(first.lineId());
        assertThat(dec(line.get("amount"))).isEqualByComparingTo(first.calculation().total().amount());
        assertThat(line.getString("dealId")).isEqualTo(first.dealId());
        Document calc = (Document) line.get("calculation");
        assertThat(calc.getList("slices", Document.class)).hasSize(first.calculation().slices().size());
        assertThat(dec(calc.getList("slices", Document.class).get(0).get("rate"))).isEqualByComparingTo("0.05");
        assertThat(calc.getList("spiffs", Document.class)).hasSize(1);
        assertThat(dec(calc.get("roundingDifference")))
                .isEqualByComparingTo(first.calculation().roundingDifference().amount());
        assertThat(line.getList("sourceEventIds", String.class)).containsExactly("src-" + first.dealId());
        assertThat(line.getList("sourcePositions", Long.class)).containsExactly(100L);
        // clawed back completely
        assertThat(dec(line.get("creditedClawedBack"))).isEqualByComparingTo(first.calculation().creditedAmount().amount());
        assertThat(line.getList("clawbackLineIds", String.class)).containsExactly("cb:" + first.dealId());

        // lineage: the position and id of the producing event, as the log has them
        Map<String, Long> positions = positions(ANNA_MAY);
        for (Object o : lines.values()) {
            Document l = (Document) o;
            assertThat(positions.get(l.getString("eventId"))).isEqualTo(l.getLong("position"));
        }
        Document clawback = (Document) ((Document) s.get("clawbacks")).get("cb:" + first.dealId());
        assertThat(positions.get(clawback.getString("eventId"))).isEqualTo(clawback.getLong("position"));
        assertThat(clawback.getString("originalLineId")).isEqualTo(first.lineId());
        assertThat(clawback.getList("sourcePositions", Long.class)).containsExactly(200L);

        Document adjustments = (Document) s.get("adjustments");
        assertThat(adjustments).hasSize(2);
        Document dispute = (Document) ((Document) s.get("disputes")).get("disp-1");
        assertThat(dispute.getString("state")).isEqualTo("ACCEPTED");
        assertThat(dispute.getList("history", Document.class)).extracting(d -> d.getString("action"))
                                                              .containsExactly("OPENED", "ACCEPTED");
        assertThat(s.getList("transitions", Document.class)).extracting(d -> d.getString("status"))
                                                            .containsExactly("SUBMITTED", "APPROVED", "LOCKED", "PAID");
        assertThat((Document) s.get("payments")).hasSize(2);

        BigDecimal earned = accruals.stream().map(a -> a.calculation().total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal clawed = annaMay.stream().filter(CommissionClawedBackEvent.class::isInstance)
                                   .map(e -> ((CommissionClawedBackEvent) e).calculation().total().amount().negate())
                                   .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal adjusted = annaMay.stream().filter(CommissionAdjustedEvent.class::isInstance)
                                     .map(e -> ((CommissionAdjustedEvent) e).amount().amount())
                                     .reduce(BigDecimal.ZERO, BigDecimal::add);
        Document eur = (Document) ((Document) s.get("totals")).get("EUR");
        BigDecimal net = earned.subtract(clawed).add(adjusted);
        assertThat(dec(eur.get("earned"))).isEqualByComparingTo(earned);
        assertThat(dec(eur.get("clawedBack"))).isEqualByComparingTo(clawed);
        assertThat(dec(eur.get("adjusted"))).isEqualByComparingTo("7.5");
        assertThat(dec(eur.get("net"))).isEqualByComparingTo(net);
        assertThat(dec(eur.get("approved"))).isEqualByComparingTo(net);
        assertThat(dec(eur.get("paid"))).isEqualByComparingTo(net);
        assertThat(dec(eur.get("outstanding"))).isEqualByComparingTo("0");
    }

    @Test
    void anOpenStatementAndTheQueries() {
        Map<String, Object> boris = queries.statement("boris", "2017-05").orElseThrow();
        assertThat(boris).containsEntry("status", "OPEN").containsEntry("seal", null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) boris.get("lines");
        assertThat(lines).extracting(l -> ((Number) l.get("position")).longValue()).isSorted();
        assertThat(queries.statement("nobody", "2017-05")).isEmpty();

        List<Map<String, Object>> may = queries.list("2017-05");
        assertThat(may).extracting(m -> m.get("repId")).containsExactly("anna", "boris");
        assertThat(may).extracting(m -> m.get("status")).containsExactly("PAID", "OPEN");
        assertThat(queries.list("2017-06")).extracting(m -> m.get("repId")).containsExactly("anna");
        assertThat(queries.list("2019-01")).isEmpty();
    }

    @Test
    void payoutBatchesListTheirPayments() {
        List<StatementQueries.PayoutRow> rows = queries.payouts("batch-2017-05-a").orElseThrow();
        assertThat(rows).hasSize(1);
        StatementQueries.PayoutRow row = rows.get(0);
        assertThat(row.repId()).isEqualTo("anna");
        assertThat(row.period()).isEqualTo("2017-05");
        assertThat(row.statementId()).isEqualTo(ANNA_MAY);
        assertThat(row.paymentDate()).isEqualTo("2017-06-05");
        assertThat(row.currency()).isEqualTo("EUR");
        assertThat(positions(ANNA_MAY)).containsEntry(row.eventId(), row.position());
        assertThat(queries.payouts("no-such-batch")).isEmpty();
    }

    @Test
    void lockedStatementsAreSealedAndEachSealCoversTheRepsPreviousOne() {
        Document may = harness.doc(StatementProjection.SEALS, ANNA_MAY);
        Document june = harness.doc(StatementProjection.SEALS, ANNA_JUNE);
        assertThat(may.getString("previousHead")).isEqualTo(Seals.GENESIS);
        assertThat(may.get("previousStatementId")).isNull();
        // every event up to and including the lock (the payments come after it)
        assertThat(may.getLong("count")).isEqualTo(annaMay.size() - 2);
        assertThat(may.getList("events", Document.class)).extracting(d -> d.getLong("position")).isSorted();
        assertThat(june.getString("previousStatementId")).isEqualTo(ANNA_MAY);
        assertThat(june.getString("previousHead")).isEqualTo(may.getString("head"));
        assertThat(harness.doc(StatementProjection.HEADS, "anna").getString("head")).isEqualTo(june.getString("head"));
        assertThat(harness.doc(StatementProjection.SEALS, CompensationIds.statementId("boris", MAY))).isNull();
        // digests are kept only until the statement is sealed
        assertThat(harness.doc(StatementProjection.DIGESTS, ANNA_MAY)).isNull();
        assertThat(harness.doc(StatementProjection.DIGESTS, CompensationIds.statementId("boris", MAY))).isNotNull();
        // the chain is what Seals computes over the canonical events
        assertThat(may.getString("head")).isEqualTo(may.getList("events", Document.class)
                                                      .get((int) may.getLong("count").longValue() - 1).getString("hash"));
    }
}
