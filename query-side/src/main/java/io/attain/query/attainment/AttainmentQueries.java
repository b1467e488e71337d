package io.attain.query.attainment;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.query.api.AttainmentView;
import io.attain.query.api.Numbers;
import io.attain.query.target.TargetHistory;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.attain.query.projection.ReadModels;

import static com.mongodb.client.model.Filters.eq;

/** Reads an attainment row (one document by {@code _id}) and computes it as of a date. */
public class AttainmentQueries {

    private final ReadModels models;
    private final BigDecimal atRiskMargin;


    /** Reads the active generation of the read model (ADR 0004). */
    public AttainmentQueries(ReadModels models, BigDecimal atRiskMargin) {
        this.models = models;
        this.atRiskMargin = atRiskMargin;
    }

    /** The default "as of" date for a period seen on {@code today}: today, or the period's last day once past. */
    public static LocalDate defaultAsOf(Period period, LocalDate today) {
        LocalDate last = period.end().minusDays(1);
        return today.isAfter(last) ? last : today;
    }

    public AttainmentView attainment(TargetOwnerType ownerType, String ownerId, Period period, Metric metric,
                                     String productLine, LocalDate asOf) {
        String id = AttainmentProjection.rowId(ownerType, ownerId, period.toString(), metric,
                                               metric == Metric.PRODUCT_REVENUE ? productLine : null);
        Document row = models.collection(AttainmentProjection.NAME, AttainmentProjection.ROWS).find(eq("_id", id)).first();
        Document target = row == null || !(row.get("target") instanceof Document t) ? null : t;
        BigDecimal targetAmount = TargetHistory.inForceAt(target,
                                                          asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Document days = row == null || !(row.get("days") instanceof Document d) ? new Document() : d;

        String currency = null;
        BigDecimal actual = BigDecimal.ZERO;
        if (metric.isMonetary()) {
            currency = target != null ? target.getString("currency") : null;
            if (currency == null) {
                Set<String> currencies = new TreeSet<>();
                for (Object byCurrency : days.values()) {
                    ((Document) byCurrency).keySet().forEach(k -> currencies.add(Keys.decode(k)));
                }
                currency = currencies.size() == 1 ? currencies.iterator().next() : null;
            }
            for (Map.Entry<String, Object> day : days.entrySet()) {
                if (!LocalDate.parse(day.getKey()).isAfter(asOf) && currency != null) {
                    actual = actual.add(Doc.toDecimal(((Document) day.getValue()).get(Keys.field(currency))));
                }
            }
        } else {
            for (Map.Entry<String, Object> day : days.entrySet()) {
                if (!LocalDate.parse(day.getKey()).isAfter(asOf)) {
                    actual = actual.add(Doc.toDecimal(day.getValue()));
                }
            }
        }

        long periodDays = ChronoUnit.DAYS.between(period.start(), period.end());
        long elapsed = Math.max(0, Math.min(periodDays, ChronoUnit.DAYS.between(period.start(), asOf) + 1));
        BigDecimal attainment = null;
        BigDecimal expected = null;
        BigDecimal gap = null;
        BigDecimal paceGap = null;
        boolean atRisk = false;
        if (targetAmount != null) {
            expected = targetAmount.multiply(BigDecimal.valueOf(elapsed))
                                   .divide(BigDecimal.valueOf(periodDays), 2, RoundingMode.HALF_EVEN);
            gap = targetAmount.subtract(actual);
            paceGap = expected.subtract(actual);
            if (targetAmount.signum() != 0) {
                attainment = actual.divide(targetAmount, 6, RoundingMode.HALF_EVEN);
                BigDecimal pace = BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(periodDays), 10,
                                                                     RoundingMode.HALF_EVEN);
                atRisk = attainment.compareTo(pace.subtract(atRiskMargin)) < 0;
            }
        }
        boolean rep = ownerType == TargetOwnerType.REP;
        return new AttainmentView(period.toString(), rep ? ownerId : null, rep ? null : ownerId, metric.name(),
                                  metric == Metric.PRODUCT_REVENUE ? productLine : null, currency, asOf,
                                  Numbers.plain(targetAmount), Numbers.plain(actual), Numbers.plain(attainment),
                                  Numbers.plain(expected), Numbers.plain(gap), Numbers.plain(paceGap), atRisk);
    }
}
