package io.attain.query.statement;

import io.attain.kernel.common.Money;
import io.attain.kernel.compensation.AppliedCap;
import io.attain.kernel.compensation.BandSlice;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.SpiffApplied;
import io.attain.kernel.compensation.StatementApprovedEvent;
import io.attain.kernel.compensation.StatementDisputeResolvedEvent;
import io.attain.kernel.compensation.StatementLineDisputedEvent;
import io.attain.kernel.compensation.StatementLockedEvent;
import io.attain.kernel.compensation.StatementSubmittedEvent;
import io.attain.kernel.compensation.ThresholdBonusCrossed;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one definition of a commission statement's read model: how each event of the statement's stream changes the
 * statement document. The projection ({@link StatementProjection}) applies it event by event to the stored
 * document; the audit ({@link StatementAudit}: as-of answers and {@code verify}) folds the statement's events read
 * from the log with it. Both therefore build the same document from the same events.
 *
 * <p>The document holds only what the events say (no clock, no configuration), in stored form: decimals as
 * {@link Decimal128} in {@link Doc#canonical} form, counts and positions as {@code long}, instants, dates and enums
 * as text, free-text keys encoded with {@link Keys#field}; {@code null}s are left out. Fields:
 * <ul>
 *     <li>{@code statementId, repId, period, status} (OPEN, SUBMITTED, APPROVED, LOCKED, PAID), {@code opened};</li>
 *     <li>{@code lines.<line>}: accruals — deal, currency, {@code amount} (the line's rounded total), credited
 *     amount, plan and version, the whole {@code calculation} (band slices with rates, caps, SPIFFs, threshold
 *     bonuses, exact total and rounding), what clawbacks took back, and the lineage;</li>
 *     <li>{@code clawbacks.<line>}, {@code adjustments.<line>}, {@code payments.<batch>};</li>
 *     <li>{@code disputes.<dispute>}: state and {@code history} (opened, accepted or rejected);</li>
 *     <li>{@code transitions}: submitted, approved, locked, paid — who, totals, when;</li>
 *     <li>{@code totals.<currency>}: earned, clawedBack (positive), adjusted, net (= earned − clawedBack +
 *     adjusted), approved, paid, outstanding (= approved − paid);</li>
 *     <li>{@code eventCount, lastPosition, lastEventId, lastRecordedAt}.</li>
 * </ul>
 * Lineage of every line, clawback, adjustment, payment, dispute step and transition: {@code position} and
 * {@code eventId} of the event that produced it, its {@code recordedAt} and {@code occurredAt}, and for accruals and
 * clawbacks the {@code sourceEventIds}/{@code sourcePositions} the command carried.
 *
 * <p>The fold tolerates a stream with events left out (as-of answers by business time): a clawback of a line it
 * has not seen, or a resolution of a dispute it has not seen, is still recorded.
 */
public final class StatementFold {

    /** The payload types of a statement's stream. */
    public static final Set<Class<?>> EVENTS = Set.of(
            CommissionStatementOpenedEvent.class, CommissionAccruedEvent.class, CommissionClawedBackEvent.class,
            CommissionAdjustedEvent.class, StatementSubmittedEvent.class, StatementApprovedEvent.class,
            StatementLockedEvent.class, CommissionPaidEvent.class, StatementLineDisputedEvent.class,
            StatementDisputeResolvedEvent.class);

    private StatementFold() {
    }

    public static boolean isStatementEvent(Object payload) {
        return payload != null && EVENTS.contains(payload.getClass());
    }

    /** The statement an event belongs to. */
    public static String statementId(Object payload) {
        if (payload instanceof CommissionStatementOpenedEvent e) {
            return e.statementId();
        } else if (payload instanceof CommissionAccruedEvent e) {
            return e.statementId();
        } else if (payload instanceof CommissionClawedBackEvent e) {
            return e.statementId();
        } else if (payload instanceof CommissionAdjustedEvent e) {
            return e.statementId();
        } else if (payload instanceof StatementSubmittedEvent e) {
            return e.statementId();
        } else if (payload instanceof StatementApprovedEvent e) {
            return e.statementId();
        } else if (payload instanceof StatementLockedEvent e) {
            return e.statementId();
        } else if (payload instanceof CommissionPaidEvent e) {
            return e.statementId();
        } else if (payload instanceof StatementLineDisputedEvent e) {
            return e.statementId();
        } else if (payload instanceof StatementDisputeResolvedEvent e) {
            return e.statementId();
        }
        throw new IllegalArgumentException("not a statement event: " + payload);
    }

    /** The business time of a statement event ({@code occurredAt}). */
    public static Instant occurredAt(Object payload) {
        if (payload instanceof CommissionStatementOpenedEvent e) {
            return e.occurredAt();
        } else if (payload instanceof CommissionAccruedEvent e) {
            return e.occurredAt();
        } else if (payload instanceof CommissionClawedBackEvent e) {
            return e.occurredAt();
        } else if (payload instanceof CommissionAdjustedEvent e) {
            return e.occurredAt();
        } else if (payload instanceof StatementSubmittedEvent e) {
            return e.occurredAt();
        } else if (payload instanceof StatementApprovedEvent e) {
            return e.occurredAt();
        } else if (payload instanceof StatementLockedEvent e) {
            return e.occurredAt();
        } else if (payload instanceof CommissionPaidEvent e) {
            return e.occurredAt();
        } else if (payload instanceof StatementLineDisputedEvent e) {
            return e.occurredAt();
        } else if (payload instanceof StatementDisputeResolvedEvent e) {
            return e.occurredAt();
        }
        return null;
    }

    /** The period of a statement id ({@code statement:<rep>:<period>}; the rep id may contain colons). */
    public static String periodOf(String statementId) {
        return statementId.substring(statementId.lastIndexOf(':') + 1);
    }

    /** Folds the events (in global order) into a statement document; {@code null} for no events. */
    public static Document fold(List<StatementEvent> events) {
        Document state = null;
        for (StatementEvent e : events) {
            if (state == null) {
                state = new Document();
            }
            apply(state, e);
        }
        return state;
    }

    /** Applies one event of the statement to its document (an empty document for the first). */
    public static void apply(Document s, StatementEvent e) {
        Object p = e.payload();
        String statementId = statementId(p);
        if (s.isEmpty()) {
            s.put("_id", statementId);
            s.put("statementId", statementId);
            s.put("period", periodOf(statementId));
        }
        if (p instanceof CommissionStatementOpenedEvent o) {
            put(s, "repId", o.repId());
            s.put("period", o.period().toString());
            s.putIfAbsent("status", "OPEN");
            s.put("opened", lineage(new Document(), e, o.occurredAt()));
        } else if (p instanceof CommissionAccruedEvent a) {
            put(s, "repId", a.repId());
            s.putIfAbsent("status", "OPEN");
            CommissionCalculation c = a.calculation();
            Document line = new Document("lineId", a.lineId());
            put(line, "dealId", a.dealId());
            put(line, "currency", c.currency());
            put(line, "amount", money(c.total()));
            put(line, "creditedAmount", money(c.creditedAmount()));
            if (a.plan() != null) {
                put(line, "planId", a.plan().planId());
                line.put("planVersion", (long) a.plan().version());
            }
            line.put("calculation", calculation(c));
            line.put("sourceEventIds", new ArrayList<Object>(a.sourceEventIds()));
            line.put("sourcePositions", new ArrayList<Object>(a.sourcePositions()));
            sub(s, "lines").put(Keys.field(a.lineId()), lineage(line, e, a.occurredAt()));
            Document t = totals(s, c.currency());
            add(t, "earned", amount(c.total()));
            recompute(t);
        } else if (p instanceof CommissionClawedBackEvent b) {
            put(s, "repId", b.repId());
            CommissionCalculation c = b.calculation();
            Document clawback = new Document("lineId", b.lineId());
            put(clawback, "originalLineId", b.originalLineId());
            put(clawback, "dealId", b.dealId());
            put(clawback, "currency", c.currency());
            put(clawback, "amount", money(c.total()));
            put(clawback, "creditedReduction", money(b.creditedReduction()));
            put(clawback, "reason", b.reason());
            clawback.put("calculation", calculation(c));
            clawback.put("sourceEventIds", new ArrayList<Object>(b.sourceEventIds()));
            clawback.put("sourcePositions", new ArrayList<Object>(b.sourcePositions()));
            sub(s, "clawbacks").put(Keys.field(b.lineId()), lineage(clawback, e, b.occurredAt()));
            if (s.get("lines") instanceof Document lines
                    && lines.get(Keys.field(b.originalLineId())) instanceof Document original) {
                add(original, "creditedClawedBack", amount(b.creditedReduction()));
                add(original, "commissionClawedBack", amount(c.total()).negate());
                List<Object> ids = new ArrayList<>(original.getList("clawbackLineIds", Object.class, List.of()));
                ids.add(b.lineId());
                original.put("clawbackLineIds", ids);
            }
            Document t = totals(s, c.currency());
            add(t, "clawedBack", amount(c.total()).negate());
            recompute(t);
        } else if (p instanceof CommissionAdjustedEvent a) {
            put(s, "repId", a.repId());
            s.putIfAbsent("status", "OPEN");
            Document adjustment = new Document("lineId", a.lineId());
            put(adjustment, "currency", a.amount().currency());
            put(adjustment, "amount", money(a.amount()));
            put(adjustment, "kind", a.kind() == null ? null : a.kind().name());
            put(adjustment, "reason", a.reason());
            put(adjustment, "relatedStatementId", a.relatedStatementId());
            put(adjustment, "relatedLineId", a.relatedLineId());
            if (a.calculation() != null) {
                adjustment.put("calculation", calculation(a.calculation()));
            }
            sub(s, "adjustments").put(Keys.field(a.lineId()), lineage(adjustment, e, a.occurredAt()));
            Document t = totals(s, a.amount().currency());
            add(t, "adjusted", a.amount().amount());
            recompute(t);
        } else if (p instanceof StatementSubmittedEvent x) {
            put(s, "repId", x.repId());
            s.put("status", "SUBMITTED");
            transition(s, e, "SUBMITTED", x.submittedBy(), null, x.totals(), x.occurredAt());
        } else if (p instanceof StatementApprovedEvent x) {
            put(s, "repId", x.repId());
            s.put("status", "APPROVED");
            transition(s, e, "APPROVED", x.approverId(), x.approverRole() == null ? null : x.approverRole().name(),
                       x.approvedTotals(), x.occurredAt());
            Document all = sub(s, "totals");
            for (String currency : new ArrayList<>(all.keySet())) {
                Document t = (Document) all.get(currency);
                t.put("approved", dec(BigDecimal.ZERO));
                recompute(t);
            }
            for (Money m : x.approvedTotals()) {
                Document t = totals(s, m.currency());
                t.put("approved", dec(m.amount()));
                recompute(t);
            }
        } else if (p instanceof StatementLockedEvent x) {
            put(s, "repId", x.repId());
            s.put("status", "LOCKED");
            transition(s, e, "LOCKED", x.lockedBy(), null, null, x.occurredAt());
        } else if (p instanceof CommissionPaidEvent x) {
            put(s, "repId", x.repId());
            Document payment = new Document("batchId", x.batchId());
            put(payment, "currency", x.amount().currency());
            put(payment, "amount", money(x.amount()));
            put(payment, "paymentDate", x.paymentDate() == null ? null : x.paymentDate().toString());
            payment.put("fullyPaid", x.fullyPaid());
            sub(s, "payments").put(Keys.field(x.batchId()), lineage(payment, e, x.occurredAt()));
            Document t = totals(s, x.amount().currency());
            add(t, "paid", x.amount().amount());
            recompute(t);
            if (x.fullyPaid()) {
                s.put("status", "PAID");
                transition(s, e, "PAID", null, null, null, x.occurredAt());
            }
        } else if (p instanceof StatementLineDisputedEvent x) {
            put(s, "repId", x.repId());
            Document dispute = dispute(s, x.disputeId());
            put(dispute, "lineId", x.lineId());
            put(dispute, "reason", x.reason());
            dispute.put("state", "OPEN");
            Document step = new Document("action", "OPENED");
            put(step, "by", x.repId());
            put(step, "reason", x.reason());
            history(dispute, lineage(step, e, x.occurredAt()));
        } else if (p instanceof StatementDisputeResolvedEvent x) {
            Document dispute = dispute(s, x.disputeId());
            dispute.put("state", x.accepted() ? "ACCEPTED" : "REJECTED");
            Document step = new Document("action", x.accepted() ? "ACCEPTED" : "REJECTED");
            put(step, "by", x.managerId());
            put(step, "reason", x.reason());
            if (x.adjustment() != null) {
                step.put("adjustment", new Document("amount", money(x.adjustment()))
                        .append("currency", x.adjustment().currency()));
                dispute.put("adjustment", step.get("adjustment"));
            }
            put(step, "adjustmentLineId", x.adjustmentLineId());
            put(dispute, "adjustmentLineId", x.adjustmentLineId());
            history(dispute, lineage(step, e, x.occurredAt()));
        }
        s.put("eventCount", s.get("eventCount") instanceof Number n ? n.longValue() + 1 : 1L);
        s.put("lastPosition", e.position());
        s.put("lastEventId", e.eventId());
        s.put("lastRecordedAt", e.recordedAt().toString());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Document lineage(Document d, StatementEvent e, Instant occurredAt) {
        put(d, "occurredAt", occurredAt == null ? null : occurredAt.toString());
        d.put("recordedAt", e.recordedAt().toString());
        d.put("position", e.position());
        d.put("eventId", e.eventId());
        return d;
    }

    private static void transition(Document s, StatementEvent e, String status, String by, String role,
                                   List<Money> totals, Instant occurredAt) {
        Document t = new Document("status", status);
        put(t, "by", by);
        put(t, "role", role);
        if (totals != null) {
            List<Object> amounts = new ArrayList<>();
            for (Money m : totals) {
                amounts.add(new Document("amount", money(m)).append("currency", m.currency()));
            }
            t.put("totals", amounts);
        }
        List<Object> all = new ArrayList<>(s.getList("transitions", Object.class, List.of()));
        all.add(lineage(t, e, occurredAt));
        s.put("transitions", all);
    }

    private static Document dispute(Document s, String disputeId) {
        Document disputes = sub(s, "disputes");
        String key = Keys.field(disputeId);
        Document d = (Document) disputes.get(key);
        if (d == null) {
            d = new Document("disputeId", disputeId);
            disputes.put(key, d);
        }
        return d;
    }

    private static void history(Document dispute, Document step) {
        List<Object> history = new ArrayList<>(dispute.getList("history", Object.class, List.of()));
        history.add(step);
        dispute.put("history", history);
    }

    private static Document sub(Document parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Document d) {
            return d;
        }
        Document d = new Document();
        parent.put(key, d);
        return d;
    }

    private static Document totals(Document s, String currency) {
        Document all = sub(s, "totals");
        String key = Keys.field(currency);
        Document t = (Document) all.get(key);
        if (t == null) {
            t = new Document("currency", currency);
            for (String f : List.of("earned", "clawedBack", "adjusted", "net", "approved", "paid", "outstanding")) {
                t.put(f, dec(BigDecimal.ZERO));
            }
            all.put(key, t);
        }
        return t;
    }

    private static void recompute(Document t) {
        t.put("net", dec(Doc.toDecimal(t.get("earned")).subtract(Doc.toDecimal(t.get("clawedBack")))
                                                     .add(Doc.toDecimal(t.get("adjusted")))));
        t.put("outstanding", dec(Doc.toDecimal(t.get("approved")).subtract(Doc.toDecimal(t.get("paid")))));
    }

    private static void add(Document d, String field, BigDecimal delta) {
        d.put(field, dec(Doc.toDecimal(d.get(field)).add(delta)));
    }

    private static BigDecimal amount(Money m) {
        return m == null ? BigDecimal.ZERO : m.amount();
    }

    private static Decimal128 money(Money m) {
        return m == null ? null : dec(m.amount());
    }

    static Decimal128 dec(BigDecimal value) {
        return value == null ? null : new Decimal128(Doc.canonical(value));
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    /** The whole calculation (amounts in its currency, exact; the total rounded). */
    static Document calculation(CommissionCalculation c) {
        Document d = new Document();
        put(d, "planId", c.planId());
        d.put("planVersion", (long) c.planVersion());
        put(d, "currency", c.currency());
        if (c.deal() != null) {
            Document deal = new Document();
            put(deal, "dealId", c.deal().dealId());
            put(deal, "productLine", c.deal().productLine());
            put(deal, "channel", c.deal().channel() == null ? null : c.deal().channel().name());
            put(deal, "businessDate", c.deal().businessDate() == null ? null : c.deal().businessDate().toString());
            put(deal, "dealSize", money(c.deal().dealSize()));
            d.put("deal", deal);
        }
        put(d, "creditedAmount", money(c.creditedAmount()));
        put(d, "creditedRevenueBefore", money(c.creditedRevenueBefore()));
        put(d, "target", money(c.target()));
        put(d, "attainmentBefore", dec(c.attainmentBefore()));
        put(d, "attainmentAfter", dec(c.attainmentAfter()));
        put(d, "dealCreditedBefore", money(c.dealCreditedBefore()));
        put(d, "dealCommissionBefore", money(c.dealCommissionBefore()));
        put(d, "periodCommissionBefore", money(c.periodCommissionBefore()));
        d.put("meetsMinimumDealSize", c.meetsMinimumDealSize());
        List<Object> slices = new ArrayList<>();
        for (BandSlice b : c.slices()) {
            Document slice = new Document();
            put(slice, "fromAttainment", dec(b.fromAttainment()));
            put(slice, "toAttainment", dec(b.toAttainment()));
            put(slice, "rate", dec(b.rate()));
            put(slice, "revenueFrom", money(b.revenueFrom()));
            put(slice, "revenueTo", money(b.revenueTo()));
            put(slice, "revenue", money(b.revenue()));
            put(slice, "commission", money(b.commission()));
            slices.add(slice);
        }
        d.put("slices", slices);
        put(d, "bandCommission", money(c.bandCommission()));
        List<Object> spiffs = new ArrayList<>();
        for (SpiffApplied sp : c.spiffs()) {
            Document spiff = new Document();
            put(spiff, "spiffId", sp.spiffId());
            put(spiff, "amount", money(sp.amount()));
            spiffs.add(spiff);
        }
        d.put("spiffs", spiffs);
        List<Object> caps = new ArrayList<>();
        for (AppliedCap cap : c.caps()) {
            Document doc = new Document();
            put(doc, "kind", cap.kind() == null ? null : cap.kind().name());
            put(doc, "cap", money(cap.cap()));
            put(doc, "uncapped", money(cap.uncapped()));
            put(doc, "applied", money(cap.applied()));
            put(doc, "reduction", money(cap.reduction()));
            caps.add(doc);
        }
        d.put("caps", caps);
        put(d, "commissionBeforePeriodCap", money(c.commissionBeforePeriodCap()));
        List<Object> bonuses = new ArrayList<>();
        for (ThresholdBonusCrossed b : c.bonuses()) {
            Document bonus = new Document();
            put(bonus, "attainment", dec(b.attainment()));
            put(bonus, "amount", money(b.amount()));
            bonuses.add(bonus);
        }
        d.put("bonuses", bonuses);
        put(d, "exactTotal", money(c.exactTotal()));
        put(d, "total", money(c.total()));
        put(d, "roundingDifference", money(c.roundingDifference()));
        put(d, "managerRollUp", money(c.managerRollUp()));
        return d;
    }
}
