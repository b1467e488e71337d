package io.attain.query.scorecard;

import io.attain.query.api.Amount;
import io.attain.query.api.Numbers;
import io.attain.query.api.ScorecardView;
import io.attain.query.org.OrgDirectory;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.attain.query.projection.ReadModels;

import static com.mongodb.client.model.Filters.eq;

/** Reads a rep's scorecard (one document by {@code _id}). */
public class ScorecardQueries {

    private final ReadModels models;


    /** Reads the active generation of the read model (ADR 0004). */
    public ScorecardQueries(ReadModels models) {
        this.models = models;
    }

    /** The scorecard; empty when the rep had nothing in the period; none when the rep is unknown. */
    public Optional<ScorecardView> scorecard(String repId, String period) {
        Document card = models.collection(ScorecardProjection.NAME, ScorecardProjection.CARDS)
                                .find(eq("_id", ScorecardProjection.cardId(repId, period))).first();
        if (card == null) {
            Document rep = models.collection(ScorecardProjection.NAME, ScorecardProjection.ORG)
                                   .find(eq("_id", OrgDirectory.repKey(repId))).first();
            if (rep == null) {
                return Optional.empty();
            }
            String name = rep.getString("name");
            return Optional.of(new ScorecardView(period, repId, name == null ? repId : name, List.of(), 0, 0, 0, 0, 0));
        }
        Map<String, BigDecimal> revenue = new TreeMap<>();
        if (card.get("revenue") instanceof Document byCurrency) {
            byCurrency.forEach((k, v) -> revenue.put(Keys.decode(k), Doc.toDecimal(v)));
        }
        List<Amount> amounts = new ArrayList<>();
        revenue.forEach((currency, amount) -> amounts.add(new Amount(Numbers.plain(amount), currency)));
        String name = card.getString("name");
        return Optional.of(new ScorecardView(period, repId, name == null ? repId : name, amounts,
                                             count(card, "dealsWon"), count(card, "newCustomers"),
                                             count(card, "visits"), count(card, "calls"), count(card, "proposals")));
    }

    private static long count(Document card, String field) {
        return card.get(field) instanceof Number n ? n.longValue() : 0L;
    }
}
