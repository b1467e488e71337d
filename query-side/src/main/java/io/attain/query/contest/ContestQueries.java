package io.attain.query.contest;

import io.attain.query.api.Ranking;
import io.attain.query.api.LeaderboardEntry;
import io.attain.query.api.Numbers;
import io.attain.query.projection.Doc;
import io.attain.query.projection.ReadModels;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** Reads contests: one by {@code _id} with its ranked standings, or all of them (a small collection). */
public class ContestQueries {

    private final ReadModels models;

    public ContestQueries(ReadModels models) {
        this.models = models;
    }

    /**
     * The contest: {@code {contestId, name, organizerTeamId, launchedBy, launchedAt, startsOn, endsOn, metric,
     * currency?, status, participants {reps, teams}, prizes, awards, standings: [{rank, repId, repName, value}], …}}.
     * Standings are ordered and ranked like leaderboards (value desc, name, id; dense ranks).
     */
    public Optional<Map<String, Object>> contest(String contestId) {
        Document doc = models.collection(ContestProjection.NAME, ContestProjection.CONTESTS)
                .find(eq("_id", contestId)).first();
        return Optional.ofNullable(doc).map(d -> view(d, true));
    }

    /** Every contest without its standings, newest window first. */
    public List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document doc : models.collection(ContestProjection.NAME, ContestProjection.CONTESTS).find()) {
            out.add(view(doc, false));
        }
        out.sort((a, b) -> {
            int c = String.valueOf(b.get("startsOn")).compareTo(String.valueOf(a.get("startsOn")));
            return c != 0 ? c : String.valueOf(a.get("contestId")).compareTo(String.valueOf(b.get("contestId")));
        });
        return out;
    }

    /** The participating reps and teams and the organising team of a stored view, for authorization. */
    public record Audience(String organizerTeamId, List<String> reps, List<String> teams) {
    }

    @SuppressWarnings("unchecked")
    public static Audience audience(Map<String, Object> view) {
        Map<String, Object> participants = (Map<String, Object>) view.get("participants");
        return new Audience((String) view.get("organizerTeamId"), (List<String>) participants.get("reps"),
                (List<String>) participants.get("teams"));
    }

    private static Map<String, Object> view(Document d, boolean standings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contestId", d.getString("contestId"));
        out.put("name", d.getString("name"));
        out.put("organizerTeamId", d.getString("organizerTeamId"));
        out.put("launchedBy", d.getString("launchedBy"));
        out.put("launchedAt", d.getString("launchedAt"));
        out.put("startsOn", d.getString("startsOn"));
        out.put("endsOn", d.getString("endsOn"));
        out.put("metric", d.getString("metric"));
        if (d.getString("currency") != null) {
            out.put("currency", d.getString("currency"));
        }
        out.put("status", d.getString("status"));
        for (String field : List.of("closedBy", "closedAt", "cancelledBy", "cancelledAt", "cancelReason")) {
            if (d.get(field) != null) {
                out.put(field, d.getString(field));
            }
        }
        Map<String, Object> participants = new LinkedHashMap<>();
        participants.put("reps", d.getList("reps", String.class, List.of()));
        participants.put("teams", d.getList("teams", String.class, List.of()));
        out.put("participants", participants);
        out.put("prizes", plainList(d.getList("prizes", Document.class, List.of())));
        out.put("awards", plainList(d.getList("awards", Document.class, List.of())));
        if (standings) {
            out.put("standings", standings(d));
        }
        return out;
    }

    private static List<LeaderboardEntry> standings(Document d) {
        List<LeaderboardEntry> unranked = new ArrayList<>();
        if (d.get("entries") instanceof Document entries) {
            for (Object o : entries.values()) {
                Document entry = (Document) o;
                BigDecimal value = Doc.toDecimal(entry.get("v"));
                if (value.signum() != 0) {
                    String rep = entry.getString("rep");
                    String name = entry.getString("name");
                    unranked.add(new LeaderboardEntry(0, rep, name == null ? rep : name, Numbers.plain(value)));
                }
            }
        }
        return Ranking.rank(unranked);
    }

    private static List<Map<String, Object>> plainList(List<Document> docs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document doc : docs) {
            out.add(plain(doc));
        }
        return out;
    }

    private static Map<String, Object> plain(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(k, v instanceof Document sub ? plain(sub)
                : v instanceof org.bson.types.Decimal128 dec ? dec.bigDecimalValue() : v));
        return out;
    }
}
