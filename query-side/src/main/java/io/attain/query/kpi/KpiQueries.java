package io.attain.query.kpi;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.attain.kernel.common.Period;
import io.attain.query.api.Numbers;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.ReadModels;
import io.attain.query.web.QueryParams;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.attain.query.kpi.KpiSchema.*;

/**
 * Computes CAC and CLV of a period and cut from the KPI documents (ADR 0016). Reads the period documents of the
 * period and the periods inside it ({@code _id $in}), the rates and the customers (whole: one document per
 * customer), and converts with the recorded rate of the pair in force on the date — the latest recorded as
 * effective on or before it, the commission process's rule; a missing rate is reported, never guessed.
 */
public class KpiQueries {

    static final String FORMULA = "averageYearlyRevenue × expectedLifetimeYears; expectedLifetimeYears = 1 ÷ (1 − "
            + "retention.rate); averageYearlyRevenue = Σ customer revenue ÷ yearsObserved, averaged over customers";
    static final String MARGIN_BASIS = "REVENUE: won revenue stands for gross margin (no product-line cost prices "
            + "are recorded)";
    private static final int QUOTIENT_SCALE = 10;

    private final ReadModels models;

    public KpiQueries(ReadModels models) {
        this.models = models;
    }

    /**
     * The KPIs of the period in the cut ({@code all}, {@code channel=…}, {@code team=…}), converted into
     * {@code currency}; without one, the one currency the figures are in (a 400 naming {@code currency} when they
     * are in several).
     */
    public KpiView kpis(Period period, String cut, String currency) {
        List<Document> periodDocs = new ArrayList<>();
        collection(PERIODS).find(Filters.in("_id", periodIds(period))).forEach(periodDocs::add);
        Rates rates = new Rates();
        collection(RATES).find().forEach(rates::add);
        List<Document> customers = new ArrayList<>();
        Instant end = period.end().atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Document c : collection(CUSTOMERS).find()) {
            Document first = c.get(FIRST, Document.class);
            if (first != null && Instant.parse(first.getString(AT)).isBefore(end) && inCut(first, cut)) {
                customers.add(c);
            }
        }

        // cost lines: recorded period × currency
        List<String[]> lines = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        long newCustomers = 0;
        Set<String> currencies = new TreeSet<>();
        periodDocs.sort(Comparator.comparing(d -> d.getString("_id")));
        for (Document d : periodDocs) {
            Document costs = sub(sub(d, COSTS), Keys.field(cut));
            if (costs != null) {
                for (Map.Entry<String, Object> e : new TreeMap<>(costs).entrySet()) {
                    String cur = Keys.decode(e.getKey());
                    lines.add(new String[]{d.getString("_id"), cur});
                    amounts.add(Doc.toDecimal(e.getValue()));
                    currencies.add(cur);
                }
            }
            Document counts = sub(d, NEW_CUSTOMERS);
            if (counts != null && counts.get(Keys.field(cut)) instanceof Number n) {
                newCustomers += n.longValue();
            }
        }
        for (Document c : customers) {
            for (Object w : sub(c, WINS).values()) {
                Document win = (Document) w;
                if (Instant.parse(win.getString(AT)).isBefore(end)) {
                    currencies.add(win.getString(CURRENCY));
                }
            }
        }
        String target = currency;
        if (target == null) {
            if (currencies.size() > 1) {
                throw QueryParams.invalid("currency", "is required when the figures are in several currencies ("
                        + String.join(", ", currencies) + ")");
            }
            target = currencies.isEmpty() ? null : currencies.iterator().next();
        }
        return new KpiView(period.toString(), cut, target,
                           cac(lines, amounts, newCustomers, target, rates),
                           clv(customers, period, end, target, rates), KpiView.ROUNDING);
    }

    private static KpiView.Cac cac(List<String[]> lines, List<BigDecimal> amounts, long newCustomers, String target,
                                   Rates rates) {
        List<KpiView.CostLine> costLines = new ArrayList<>();
        Set<KpiView.MissingRate> missing = new LinkedHashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            String recorded = lines.get(i)[0];
            String cur = lines.get(i)[1];
            BigDecimal amount = amounts.get(i);
            LocalDate date = Period.parse(recorded).end().minusDays(1);
            Rate rate = rates.on(cur, target, date);
            if (rate == null) {
                missing.add(new KpiView.MissingRate(cur, target, date.toString()));
                costLines.add(new KpiView.CostLine(recorded, cur, Numbers.plain(amount), date.toString(), null, null,
                                                   null));
            } else {
                BigDecimal converted = amount.multiply(rate.rate());
                total = total.add(converted);
                costLines.add(new KpiView.CostLine(recorded, cur, Numbers.plain(amount), date.toString(),
                                                   Numbers.plain(rate.rate()), rate.effectiveFrom(),
                                                   Numbers.plain(converted)));
            }
        }
        BigDecimal costs = missing.isEmpty() ? money(total) : null;
        BigDecimal value = null;
        String reason = null;
        if (!missing.isEmpty()) {
            reason = "missing exchange rate";
        } else if (newCustomers <= 0) {
            reason = "no new customers in the period";
        } else {
            value = total.divide(BigDecimal.valueOf(newCustomers), KpiView.MONEY_SCALE, RoundingMode.HALF_EVEN);
        }
        return new KpiView.Cac(value, target, costs, newCustomers, costLines, List.copyOf(missing), reason);
    }

    private static KpiView.Clv clv(List<Document> customers, Period period, Instant end, String target,
                                   Rates rates) {
        int lastYear = period.end().minusDays(1).getYear();
        Set<KpiView.MissingRate> missing = new LinkedHashSet<>();
        Map<String, Set<Integer>> activeYears = new HashMap<>();
        List<KpiView.CustomerClv> perCustomer = new ArrayList<>();
        List<BigDecimal> yearly = new ArrayList<>();
        List<BigDecimal> exactAverages = new ArrayList<>();
        BigDecimal revenueTotal = BigDecimal.ZERO;
        long customerYears = 0;
        int firstYearOfAll = lastYear;
        customers.sort(Comparator.comparing(d -> d.getString("_id")));
        for (Document c : customers) {
            String name = c.getString("_id");
            Document first = c.get(FIRST, Document.class);
            BigDecimal revenue = BigDecimal.ZERO;
            boolean complete = true;
            Set<Integer> years = new TreeSet<>();
            for (Object w : sub(c, WINS).values()) {
                Document win = (Document) w;
                Instant at = Instant.parse(win.getString(AT));
                if (!at.isBefore(end)) {
                    continue;
                }
                LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
                years.add(date.getYear());
                Rate rate = rates.on(win.getString(CURRENCY), target, date);
                if (rate == null) {
                    missing.add(new KpiView.MissingRate(win.getString(CURRENCY), target, date.toString()));
                    complete = false;
                } else {
                    revenue = revenue.add(Doc.toDecimal(win.get(AMOUNT)).multiply(rate.rate()));
                }
            }
            int firstYear = LocalDate.ofInstant(Instant.parse(first.getString(AT)), ZoneOffset.UTC).getYear();
            firstYearOfAll = Math.min(firstYearOfAll, firstYear);
            int observed = lastYear - firstYear + 1;
            customerYears += observed;
            activeYears.put(name, years);
            BigDecimal average = complete ? revenue.divide(BigDecimal.valueOf(observed), QUOTIENT_SCALE,
                                                           RoundingMode.HALF_EVEN) : null;
            exactAverages.add(average);
            if (complete) {
                revenueTotal = revenueTotal.add(revenue);
                yearly.add(average);
            }
            perCustomer.add(new KpiView.CustomerClv(name, first.getString(DEAL_ID), first.getString(AT),
                                                    first.getString(CHANNEL), first.getString(TEAM),
                                                    complete ? money(revenue) : null, firstYear, observed,
                                                    average == null ? null : money(average), null));
        }

        // observed retention over consecutive years up to the period's year
        List<KpiView.YearRetention> byYear = new ArrayList<>();
        long base = 0;
        long retained = 0;
        for (int y = firstYearOfAll; y < lastYear; y++) {
            long active = 0;
            long kept = 0;
            for (Set<Integer> years : activeYears.values()) {
                if (years.contains(y)) {
                    active++;
                    if (years.contains(y + 1)) {
                        kept++;
                    }
                }
            }
            byYear.add(new KpiView.YearRetention(y, active, kept));
            base += active;
            retained += kept;
        }
        BigDecimal retentionRate = base == 0 ? null
                : BigDecimal.valueOf(retained).divide(BigDecimal.valueOf(base), KpiView.RATIO_SCALE,
                                                      RoundingMode.HALF_EVEN);
        KpiView.Retention retention = new KpiView.Retention(Numbers.plain(retentionRate), retained, base, byYear);
        BigDecimal lifetime = null;
        String reason = null;
        if (customers.isEmpty()) {
            reason = "no customers acquired by the end of the period";
        } else if (!missing.isEmpty()) {
            reason = "missing exchange rate";
        } else if (base == 0) {
            reason = "retention not observed: fewer than two years with won deals";
        } else if (retained == base) {
            reason = "retention not observed: no customer was lost from one year to the next";
        } else {
            // 1 / (1 - r) with r = retained / base, exactly: base / (base - retained)
            lifetime = BigDecimal.valueOf(base).divide(BigDecimal.valueOf(base - retained), KpiView.RATIO_SCALE,
                                                       RoundingMode.HALF_EVEN);
        }
        BigDecimal averageYearly = yearly.isEmpty() || !missing.isEmpty() ? null
                : yearly.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(yearly.size()), QUOTIENT_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal value = lifetime == null || averageYearly == null ? null : money(averageYearly.multiply(lifetime));
        if (lifetime != null) {
            List<KpiView.CustomerClv> valued = new ArrayList<>();
            for (int i = 0; i < perCustomer.size(); i++) {
                KpiView.CustomerClv c = perCustomer.get(i);
                BigDecimal exact = exactAverages.get(i);
                valued.add(new KpiView.CustomerClv(c.customer(), c.firstWonDealId(), c.firstWonAt(), c.channel(),
                                                   c.teamId(), c.revenue(), c.firstYear(), c.yearsObserved(),
                                                   c.averageYearlyRevenue(),
                                                   exact == null ? null : money(exact.multiply(lifetime))));
            }
            perCustomer = valued;
        }
        return new KpiView.Clv(value, target, FORMULA, averageYearly == null ? null : money(averageYearly),
                               Numbers.plain(lifetime), retention, customers.size(),
                               missing.isEmpty() ? money(revenueTotal) : null, customerYears, MARGIN_BASIS,
                               List.copyOf(missing), reason, perCustomer);
    }

    private static boolean inCut(Document first, String cut) {
        if (cut.equals(ALL)) {
            return true;
        }
        return cut.equals(channelCut(String.valueOf(first.getString(CHANNEL))))
                || (first.getString(TEAM) != null && cut.equals(teamCut(first.getString(TEAM))));
    }

    /** A money figure of the answer: {@value KpiView#MONEY_SCALE} decimals, HALF_EVEN (trailing zeros kept). */
    private static BigDecimal money(BigDecimal value) {
        return value.setScale(KpiView.MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    private static Document sub(Document d, String field) {
        if (d == null) {
            return null;
        }
        Object value = d.get(field);
        return value instanceof Document s ? s : new Document();
    }

    private MongoCollection<Document> collection(String name) {
        return models.collection(KpiProjection.NAME, name);
    }

    /** A rate and the date it is effective from. */
    record Rate(BigDecimal rate, String effectiveFrom) {
    }

    /** The recorded rates by pair; {@link #on} is the commission process's rule (ExchangeRateTable). */
    static final class Rates {
        private final Map<String, TreeMap<LocalDate, BigDecimal>> pairs = new HashMap<>();

        void add(Document d) {
            TreeMap<LocalDate, BigDecimal> table = new TreeMap<>();
            Object rates = d.get(RATES_FIELD);
            if (rates instanceof Document r) {
                r.forEach((date, rate) -> table.put(LocalDate.parse(date), Doc.toDecimal(rate)));
            }
            pairs.put(d.getString(FROM) + "-" + d.getString(TO), table);
        }

        /** 1 for the same currency; else the latest rate effective on or before the date; else {@code null}. */
        Rate on(String from, String to, LocalDate date) {
            if (to == null || from.equals(to)) {
                return new Rate(BigDecimal.ONE, null);
            }
            TreeMap<LocalDate, BigDecimal> table = pairs.get(from + "-" + to);
            Map.Entry<LocalDate, BigDecimal> entry = table == null ? null : table.floorEntry(date);
            return entry == null ? null : new Rate(entry.getValue(), entry.getKey().toString());
        }
    }
}
