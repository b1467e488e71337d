package io.attain.query.channel;

import io.attain.kernel.channel.AgreementVersionPublishedEvent;
import io.attain.kernel.channel.PartnerRegisteredEvent;
import io.attain.kernel.channel.RebateAccruedEvent;
import io.attain.kernel.channel.RebateCalculation;
import io.attain.kernel.channel.RebatePendingEvent;
import io.attain.kernel.channel.RebatePendingResolvedEvent;
import io.attain.kernel.channel.RebateReversedEvent;
import io.attain.kernel.channel.RebateTier;
import io.attain.kernel.channel.RebateTierSlice;
import io.attain.kernel.common.Money;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.Projection;
import io.attain.query.projection.ProjectionStore;
import io.attain.query.projection.Tokens;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Partner rebate statements per partner and agreement period.
 *
 * <table>
 *     <tr><th>collection</th><th>{@code _id}</th><th>holds</th></tr>
 *     <tr><td>{@value #STATEMENTS}</td><td>{@code <partnerId>|<period>}</td><td>{@code lines.<lineId>}: every
 *     accrual and reversal with its whole calculation and lineage (global position, event id, recording and
 *     business time, source events); {@code totals.<currency>}: revenue, accrued, reversed, net</td></tr>
 *     <tr><td>{@value #PARTNERS}</td><td>partner id</td><td>name, kind, agreement versions, {@code pending.<dealId>}:
 *     rebates that wait (reason, detail, conflict) and how they ended</td></tr>
 * </table>
 *
 * <p>Lineage: every event's global position is derived from the tracking tokens as the statements projection does
 * (this processor handles every event of the log: {@link Tokens#position}).
 */
@ProcessingGroup(PartnerRebateProjection.NAME)
public class PartnerRebateProjection extends Projection {

    public static final String NAME = "partner-rebates";
    public static final String STATEMENTS = "partner_rebates";
    public static final String PARTNERS = "partner_rebate_partners";
    public static final List<String> COLLECTIONS = List.of(STATEMENTS, PARTNERS);

    private volatile TrackingToken previous;

    public PartnerRebateProjection(ProjectionStore store) {
        super(store);
        store.onClaim(token -> previous = token);
    }

    public static String statementId(String partnerId, String period) {
        return Keys.id(partnerId, period);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        Batch batch = batch();
        if (batch.lastToken() == null && !batch.isRetry()) {
            batch.lastToken(previous);
            batch.onCommitted(() -> previous = batch.lastToken());
        }
        long position = Tokens.position(batch.lastToken(), token);
        batch.lastToken(token);
        Lineage lineage = new Lineage(position, message.getIdentifier(), message.getTimestamp().toString());
        if (payload instanceof PartnerRegisteredEvent e) {
            Doc partner = batch.doc(PARTNERS, e.partnerId());
            partner.set("partnerId", e.partnerId());
            partner.set("name", e.name());
            partner.set("kind", e.kind());
            partner.set("registeredAt", e.occurredAt());
        } else if (payload instanceof AgreementVersionPublishedEvent e) {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("version", e.version());
            version.put("effectiveFrom", e.terms().effectiveFrom());
            version.put("currency", e.terms().currency());
            version.put("period", e.terms().period());
            List<Object> tiers = new ArrayList<>();
            for (RebateTier t : e.terms().tiers()) {
                Map<String, Object> tier = new LinkedHashMap<>();
                tier.put("fromRevenue", t.fromRevenue());
                put(tier, "toRevenue", t.toRevenue());
                tier.put("rate", t.rate());
                tiers.add(tier);
            }
            version.put("tiers", tiers);
            lineage.into(version);
            batch.doc(PARTNERS, e.partnerId()).set("agreements." + e.version(), version);
        } else if (payload instanceof RebateAccruedEvent e) {
            RebateCalculation c = e.calculation();
            Map<String, Object> line = calculation(c);
            line.put("lineId", e.lineId());
            line.put("kind", "ACCRUAL");
            line.put("dealId", e.dealId());
            line.put("sourceEventIds", e.sourceEventIds());
            line.put("sourcePositions", e.sourcePositions());
            line.put("occurredAt", e.occurredAt());
            lineage.into(line);
            Doc statement = statement(batch, e.partnerId(), c.period().toString(), lineage);
            statement.set("lines." + Keys.field(e.lineId()), line);
            total(statement, c.currency(), c.revenue().amount(), c.rebate().amount(), BigDecimal.ZERO);
        } else if (payload instanceof RebateReversedEvent e) {
            Map<String, Object> line = calculation(e.originalCalculation());
            line.put("lineId", e.lineId());
            line.put("kind", "REVERSAL");
            line.put("dealId", e.dealId());
            line.put("originalLineId", e.originalLineId());
            line.put("revenue", money(e.revenue()));
            line.put("rebate", money(e.rebate()));
            line.put("reason", e.reason());
            line.put("sourceEventIds", e.sourceEventIds());
            line.put("sourcePositions", e.sourcePositions());
            line.put("occurredAt", e.occurredAt());
            lineage.into(line);
            Doc statement = statement(batch, e.partnerId(), e.period().toString(), lineage);
            statement.set("lines." + Keys.field(e.lineId()), line);
            total(statement, e.rebate().currency(), e.revenue().amount(), BigDecimal.ZERO, e.rebate().amount());
        } else if (payload instanceof RebatePendingEvent e) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("dealId", e.dealId());
            item.put("reason", e.reason());
            item.put("detail", e.detail());
            put(item, "conflictId", e.conflictId());
            item.put("businessDate", e.businessDate());
            put(item, "sourceEventId", e.sourceEventId());
            item.put("status", "PENDING");
            item.put("occurredAt", e.occurredAt());
            lineage.into(item);
            batch.doc(PARTNERS, e.partnerId()).set("pending." + Keys.field(e.dealId()), item);
        } else if (payload instanceof RebatePendingResolvedEvent e) {
            Doc partner = batch.doc(PARTNERS, e.partnerId());
            String key = "pending." + Keys.field(e.dealId());
            if (partner.get(key) != null) {
                partner.set(key + ".status", e.outcome());
                partner.set(key + ".outcomeDetail", e.detail());
                partner.set(key + ".lineId", e.lineId());
                partner.set(key + ".resolvedPosition", position);
                partner.set(key + ".resolvedEventId", message.getIdentifier());
            }
        }
    }

    private static Doc statement(Batch batch, String partnerId, String period, Lineage lineage) {
        Doc statement = batch.doc(STATEMENTS, statementId(partnerId, period));
        if (!statement.exists()) {
            statement.set("partnerId", partnerId);
            statement.set("period", period);
        }
        statement.set("lastPosition", lineage.position());
        statement.set("lastEventId", lineage.eventId());
        return statement;
    }

    private static void total(Doc statement, String currency, BigDecimal revenue, BigDecimal accrued,
                              BigDecimal reversed) {
        String base = "totals." + Keys.field(currency) + ".";
        statement.set(base + "currency", currency);
        statement.add(base + "revenue", revenue);
        statement.add(base + "accrued", accrued);
        statement.add(base + "reversed", reversed);
        statement.add(base + "net", accrued.add(reversed));
    }

    /** The whole calculation of a line, as stored. */
    private static Map<String, Object> calculation(RebateCalculation c) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("customer", c.deal().customer());
        line.put("channel", c.deal().channel());
        line.put("businessDate", c.deal().businessDate());
        line.put("agreementVersion", c.agreementVersion().version());
        line.put("currency", c.currency());
        line.put("period", c.period().toString());
        line.put("dealAmount", money(c.deal().amount()));
        if (c.conversion() != null) {
            Map<String, Object> conversion = new LinkedHashMap<>();
            conversion.put("fromCurrency", c.conversion().fromCurrency());
            conversion.put("toCurrency", c.conversion().toCurrency());
            conversion.put("rate", c.conversion().rate());
            conversion.put("effectiveDate", c.conversion().effectiveDate());
            line.put("conversion", conversion);
        }
        line.put("revenue", money(c.revenue()));
        line.put("revenueBefore", money(c.revenueBefore()));
        line.put("revenueAfter", money(c.revenueAfter()));
        List<Object> slices = new ArrayList<>();
        for (RebateTierSlice s : c.slices()) {
            Map<String, Object> slice = new LinkedHashMap<>();
            slice.put("fromRevenue", s.fromRevenue());
            put(slice, "toRevenue", s.toRevenue());
            slice.put("rate", s.rate());
            slice.put("revenueFrom", s.revenueFrom().amount());
            slice.put("revenueTo", s.revenueTo().amount());
            slice.put("revenue", s.revenue().amount());
            slice.put("rebate", s.rebate().amount());
            slices.add(slice);
        }
        line.put("slices", slices);
        line.put("exactRebate", money(c.exactRebate()));
        line.put("rebate", money(c.rebate()));
        line.put("roundingDifference", money(c.roundingDifference()));
        return line;
    }

    private static Map<String, Object> money(Money m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amount", m.amount());
        out.put("currency", m.currency());
        return out;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Where an entry comes from in the log. */
    record Lineage(long position, String eventId, String recordedAt) {
        void into(Map<String, Object> entry) {
            entry.put("position", position);
            entry.put("eventId", eventId);
            entry.put("recordedAt", recordedAt);
        }
    }
}
