package io.attain.query.leaderboard;

import io.attain.kernel.common.Metric;
import io.attain.query.api.LeaderboardEntry;
import io.attain.query.api.Ranking;
import io.attain.query.api.LeaderboardView;
import io.attain.query.api.Numbers;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.attain.query.projection.ReadModels;

import static com.mongodb.client.model.Filters.eq;

/** Reads a leaderboard (one document by {@code _id}) and ranks it. */
public class LeaderboardQueries {

    /** The metrics a leaderboard can be asked for, in the order error messages list them. */
    public static final List<String> METRICS = List.of(Metric.REVENUE.name(), Metric.DEALS_WON.name(),
                                                       Metric.NEW_CUSTOMERS.name(), Metric.VISITS.name(),
                                                       Metric.PROPOSALS.name(), LeaderboardProjection.ATTAINMENT);

    private final ReadModels models;


    /** Reads the active generation of the read model (ADR 0004). */
    public LeaderboardQueries(ReadModels models) {
        this.models = models;
    }

    /** A REVENUE board holds several currencies and the request named none. */
    public static final class AmbiguousCurrencyException extends RuntimeException {
        private final Set<String> currencies;

        AmbiguousCurrencyException(Set<String> currencies) {
            super("currency: is required when the board holds several currencies " + currencies);
            this.currencies = currencies;
        }

        public Set<String> currencies() {
            return currencies;
        }
    }

    /**
     * The board of the period, metric (one of {@link #METRICS}) and cut; {@code currency} chooses the currency of a
     * REVENUE board (optional when the board holds one currency only).
     */
    public LeaderboardView board(String period, String metric, String cut, String currency) {
        Document doc = models.collection(LeaderboardProjection.NAME, LeaderboardProjection.BOARDS)
                               .find(eq("_id", LeaderboardProjection.boardId(period, metric, cut))).first();
        Document entries = doc == null || !(doc.get("entries") instanceof Document d) ? new Document() : d;
        boolean money = Metric.REVENUE.name().equals(metric);
        String chosen = null;
        if (money) {
            Set<String> currencies = new TreeSet<>();
            for (Object entry : entries.values()) {
                Object v = ((Document) entry).get("v");
                if (v instanceof Document byCurrency) {
                    byCurrency.keySet().forEach(k -> currencies.add(Keys.decode(k)));
                }
            }
            if (currency != null) {
                chosen = currency;
            } else if (currencies.size() == 1) {
                chosen = currencies.iterator().next();
            } else if (currencies.size() > 1) {
                throw new AmbiguousCurrencyException(currencies);
            }
        }
        List<LeaderboardEntry> unranked = new ArrayList<>();
        for (Object o : entries.values()) {
            Document entry = (Document) o;
            Object v = entry.get("v");
            BigDecimal value;
            if (money) {
                value = v instanceof Document byCurrency && chosen != null
                        ? Doc.toDecimal(byCurrency.get(Keys.field(chosen))) : BigDecimal.ZERO;
            } else {
                value = Doc.toDecimal(v);
            }
            if (value.signum() != 0) {
                String repId = entry.getString("rep");
                String name = entry.getString("name");
                unranked.add(new LeaderboardEntry(0, repId, name == null ? repId : name, Numbers.plain(value)));
            }
        }
        return new LeaderboardView(period, metric, cut, chosen, Ranking.rank(unranked));
    }

}
