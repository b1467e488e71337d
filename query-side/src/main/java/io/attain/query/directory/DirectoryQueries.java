package io.attain.query.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.attain.kernel.common.Period;
import io.attain.query.api.Numbers;
import io.attain.query.api.Page;
import io.attain.query.projection.ReadModels;
import io.attain.query.web.Paging;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.attain.query.directory.DirectorySchema.*;

/**
 * The directory's lists. Reps, teams, regions and product lines are a few hundred documents at most: each list
 * reads its collection whole and joins, filters, orders (by name, then id) and pages in memory. Targets are filtered
 * in the database (owner, type, metric, period overlap) and ordered by period start, owner and metric.
 */
public class DirectoryQueries {

    private final ReadModels models;

    public DirectoryQueries(ReadModels models) {
        this.models = models;
    }

    /** Reps, optionally of one current team or region. */
    public Page<DirectoryView.Rep> reps(String team, String region, Paging paging) {
        Map<String, Document> teams = byId(TEAMS);
        List<DirectoryView.Rep> reps = new ArrayList<>();
        for (Document d : collection(REPS).find()) {
            Document assignment = currentAssignment(d);
            String teamId = assignment == null ? null : assignment.getString(TEAM);
            Document t = teamId == null ? null : teams.get(teamId);
            String regionId = t == null ? null : t.getString(REGION);
            if ((team != null && !team.equals(teamId)) || (region != null && !region.equals(regionId))) {
                continue;
            }
            reps.add(new DirectoryView.Rep(d.getString("_id"), d.getString(DISPLAY_NAME), d.getString(ROLE), teamId,
                                           t == null ? null : t.getString(DISPLAY_NAME), regionId,
                                           t == null ? (assignment == null ? null : assignment.getString(MANAGER))
                                                   : currentManager(t),
                                           d.getString(HIRE_DATE), d.getString(OFFBOARDED_FROM)));
        }
        reps.sort(Comparator.comparing((DirectoryView.Rep r) -> r.name() == null ? r.repId() : r.name())
                            .thenComparing(DirectoryView.Rep::repId));
        return Page.of(reps, paging.page(), paging.size());
    }

    /** Teams, optionally of one region, with their current manager and number of reps. */
    public Page<DirectoryView.Team> teams(String region, Paging paging) {
        Map<String, Document> regions = byId(REGIONS);
        Map<String, Integer> members = new HashMap<>();
        for (Document d : collection(REPS).find()) {
            Document assignment = currentAssignment(d);
            if (assignment != null && assignment.getString(TEAM) != null && d.getString(OFFBOARDED_FROM) == null) {
                members.merge(assignment.getString(TEAM), 1, Integer::sum);
            }
        }
        List<DirectoryView.Team> teams = new ArrayList<>();
        for (Document d : collection(TEAMS).find()) {
            String regionId = d.getString(REGION);
            if (region != null && !region.equals(regionId)) {
                continue;
            }
            Document r = regionId == null ? null : regions.get(regionId);
            teams.add(new DirectoryView.Team(d.getString("_id"), d.getString(DISPLAY_NAME), regionId,
                                             r == null ? null : r.getString(DISPLAY_NAME), currentManager(d),
                                             members.getOrDefault(d.getString("_id"), 0)));
        }
        teams.sort(Comparator.comparing((DirectoryView.Team t) -> t.name() == null ? t.teamId() : t.name())
                             .thenComparing(DirectoryView.Team::teamId));
        return Page.of(teams, paging.page(), paging.size());
    }

    public Page<DirectoryView.Region> regions(Paging paging) {
        Map<String, Integer> teams = new HashMap<>();
        for (Document d : collection(TEAMS).find()) {
            if (d.getString(REGION) != null) {
                teams.merge(d.getString(REGION), 1, Integer::sum);
            }
        }
        List<DirectoryView.Region> regions = new ArrayList<>();
        for (Document d : collection(REGIONS).find()) {
            regions.add(new DirectoryView.Region(d.getString("_id"), d.getString(DISPLAY_NAME), d.getString(MANAGER),
                                                 teams.getOrDefault(d.getString("_id"), 0)));
        }
        regions.sort(Comparator.comparing((DirectoryView.Region r) -> r.name() == null ? r.regionId() : r.name())
                               .thenComparing(DirectoryView.Region::regionId));
        return Page.of(regions, paging.page(), paging.size());
    }

    /** Product lines, optionally of one series. */
    public Page<DirectoryView.ProductLine> productLines(String series, Paging paging) {
        List<DirectoryView.ProductLine> lines = new ArrayList<>();
        for (Document d : collection(PRODUCT_LINES).find()) {
            if (series != null && !series.equals(d.getString(SERIES))) {
                continue;
            }
            lines.add(new DirectoryView.ProductLine(d.getString("_id"), d.getString(SERIES),
                                                    Numbers.plain(d.get(LIST_PRICE)), d.getString(CURRENCY)));
        }
        lines.sort(Comparator.comparing(DirectoryView.ProductLine::productLineId));
        return Page.of(lines, paging.page(), paging.size());
    }

    /**
     * What to list of the targets: each non-null field narrows it; {@code period} keeps the targets whose period
     * overlaps it (so {@code 2017-Q2} lists the year 2017's, the quarter's and its months' targets).
     */
    public record TargetFilter(String ownerType, String owner, String metric, Period period) {
    }

    /** Targets matching the filter that the predicate lets through (who may see whose targets). */
    public Page<DirectoryView.Target> targets(TargetFilter filter, Predicate<Document> visible, Paging paging) {
        List<Bson> all = new ArrayList<>();
        if (filter.ownerType() != null) {
            all.add(Filters.eq(OWNER_TYPE, filter.ownerType()));
        }
        if (filter.owner() != null) {
            all.add(Filters.eq(OWNER, filter.owner()));
        }
        if (filter.metric() != null) {
            all.add(Filters.eq(METRIC, filter.metric()));
        }
        if (filter.period() != null) {
            all.add(Filters.lt(START, filter.period().end().toString()));
            all.add(Filters.gt(END, filter.period().start().toString()));
        }
        Map<String, Document> reps = byId(REPS);
        Map<String, Document> teams = byId(TEAMS);
        List<Document> matching = new ArrayList<>();
        for (Document d : collection(TARGETS).find(all.isEmpty() ? new Document() : Filters.and(all))) {
            if (visible.test(d)) {
                matching.add(d);
            }
        }
        matching.sort(Comparator.comparing((Document d) -> d.getString(START))
                                .thenComparing(d -> d.getString(END), Comparator.reverseOrder())
                                .thenComparing(d -> d.getString(OWNER_TYPE))
                                .thenComparing(d -> d.getString(OWNER))
                                .thenComparing(d -> d.getString(METRIC))
                                .thenComparing(d -> d.getString("_id")));
        List<DirectoryView.Target> targets = new ArrayList<>(matching.size());
        for (Document d : matching) {
            Document owner = ("TEAM".equals(d.getString(OWNER_TYPE)) ? teams : reps).get(d.getString(OWNER));
            targets.add(target(d, owner == null ? null : owner.getString(DISPLAY_NAME)));
        }
        return Page.of(targets, paging.page(), paging.size());
    }

    private Map<String, Document> byId(String collection) {
        Map<String, Document> out = new HashMap<>();
        for (Document d : collection(collection).find()) {
            out.put(d.getString("_id"), d);
        }
        return out;
    }

    private MongoCollection<Document> collection(String collection) {
        return models.collection(DirectoryProjection.NAME, collection);
    }
}
