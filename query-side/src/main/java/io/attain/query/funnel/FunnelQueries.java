package io.attain.query.funnel;

import io.attain.kernel.common.Stage;
import io.attain.query.api.Amount;
import io.attain.query.api.FunnelStage;
import io.attain.query.api.FunnelView;
import io.attain.query.api.LostReason;
import io.attain.query.api.Numbers;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.attain.query.projection.ReadModels;

import static com.mongodb.client.model.Filters.eq;

/** Reads a funnel: one document by {@code _id}, ratios and averages computed from its counts. */
public class FunnelQueries {

    private static final List<Stage> PIPELINE = List.of(Stage.LEAD, Stage.QUALIFIED, Stage.PROPOSAL,
                                                        Stage.NEGOTIATION, Stage.WON);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private final ReadModels models;
    private final Map<Stage, BigDecimal> probabilities;


    /** Reads the active generation of the read model (ADR 0004). */
    public FunnelQueries(ReadModels models, Map<Stage, BigDecimal> probabilities) {
        this.models = models;
        this.probabilities = Map.copyOf(probabilities);
    }

    /** The funnel of the period and cut ({@code all} or e.g. {@code region=east}); empty counts when nothing. */
    public FunnelView funnel(String period, String cut) {
        Document found = models.collection(FunnelProjection.NAME, FunnelProjection.VIEWS)
                                 .find(eq("_id", FunnelProjection.viewId(period, cut))).first();
        Document doc = found == null ? new Document() : found;
        Document entered = sub(doc, "entered");
        Document time = sub(doc, "time");
        List<FunnelStage> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            long count = count(entered.get(stage.name()));
            BigDecimal conversion = null;
            int i = PIPELINE.indexOf(stage);
            if (stage.isOpen() && i >= 0 && count > 0) {
                long next = count(entered.get(PIPELINE.get(i + 1).name()));
                conversion = BigDecimal.valueOf(next).divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_EVEN);
            }
            BigDecimal avgDays = null;
            Document t = sub(time, stage.name());
            long exits = count(t.get("exits"));
            if (stage.isOpen() && exits > 0) {
                avgDays = days(count(t.get("seconds")), exits);
            }
            stages.add(new FunnelStage(stage.name(), count, Numbers.plain(conversion), Numbers.plain(avgDays)));
        }
        long won = count(entered.get(Stage.WON.name()));
        long lost = count(entered.get(Stage.LOST.name()));
        BigDecimal winRate = won + lost == 0 ? null
                : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 4, RoundingMode.HALF_EVEN);
        Document close = sub(doc, "close");
        long closes = count(close.get("count"));
        BigDecimal avgDaysToClose = closes == 0 ? null : days(count(close.get("seconds")), closes);

        Map<String, BigDecimal> open = new TreeMap<>();
        Map<String, BigDecimal> weighted = new TreeMap<>();
        Document pipeline = sub(doc, "pipeline");
        for (Stage stage : Stage.values()) {
            Document byCurrency = sub(pipeline, stage.name());
            for (Map.Entry<String, Object> e : byCurrency.entrySet()) {
                String currency = Keys.decode(e.getKey());
                BigDecimal amount = Doc.toDecimal(e.getValue());
                open.merge(currency, amount, BigDecimal::add);
                weighted.merge(currency, amount.multiply(probabilities.getOrDefault(stage, BigDecimal.ZERO)),
                               BigDecimal::add);
            }
        }
        List<LostReason> reasons = new ArrayList<>();
        for (Map.Entry<String, Object> e : sub(doc, "lost").entrySet()) {
            reasons.add(new LostReason(Keys.decode(e.getKey()), count(e.getValue())));
        }
        reasons.sort(Comparator.comparingLong(LostReason::count).reversed().thenComparing(LostReason::reason));
        return new FunnelView(period, cut, stages, won, lost, Numbers.plain(winRate), Numbers.plain(avgDaysToClose),
                              amounts(sub(doc, "won")), amounts(open), amounts(weighted), reasons);
    }

    private static BigDecimal days(long seconds, long count) {
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(count)), 2,
                                                  RoundingMode.HALF_EVEN);
    }

    private static List<Amount> amounts(Document byCurrency) {
        Map<String, BigDecimal> sorted = new TreeMap<>();
        byCurrency.forEach((k, v) -> sorted.put(Keys.decode(k), Doc.toDecimal(v)));
        return amounts(sorted);
    }

    private static List<Amount> amounts(Map<String, BigDecimal> byCurrency) {
        List<Amount> out = new ArrayList<>();
        byCurrency.forEach((currency, amount) -> {
            if (amount.signum() != 0) {
                out.add(new Amount(Numbers.plain(amount), currency));
            }
        });
        return out;
    }

    static Document sub(Document doc, String key) {
        Object value = doc.get(key);
        return value instanceof Document d ? d : new Document();
    }

    static long count(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
