package io.attain.query.org;

import io.attain.kernel.organisation.RegionCreatedEvent;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A projection's private copy of the organisation: reps (name, team history), teams (name, region, manager history)
 * and regions, in one collection of the projection. Each projection keeps its own copy so that its view of the
 * organisation is exactly as far as its own position in the log (a shared copy, written by another processor,
 * could be ahead or behind and make results depend on timing).
 *
 * <p>Team membership follows business time: a rep belongs to the team of its onboarding from the hire date and to
 * the team of each transfer from its effective date. A team's manager is the creating one until the first
 * {@code TeamManagerChanged} at or before the time asked about.
 */
public final class OrgDirectory {

    private final String collection;

    public OrgDirectory(String collection) {
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    /** A rep's team and the team's manager and region at some time; any may be {@code null} when unknown. */
    public record Placement(String teamId, String managerId, String regionId) {
        public static final Placement NONE = new Placement(null, null, null);
    }

    // ------------------------------------------------------------------------------------------------ updates

    public void on(Batch batch, RegionCreatedEvent e) {
        batch.doc(collection, regionKey(e.regionId())).set("name", e.name());
    }

    public void on(Batch batch, TeamCreatedEvent e) {
        Doc team = batch.doc(collection, teamKey(e.teamId()));
        team.set("name", e.name());
        team.set("region", e.regionId());
        List<Object> managers = new ArrayList<>(team.list("managers"));
        managers.add(0, new Document("at", Instant.MIN.toString()).append("manager", e.managerId()));
        team.set("managers", managers);
    }

    public void on(Batch batch, TeamManagerChangedEvent e) {
        Doc team = batch.doc(collection, teamKey(e.teamId()));
        List<Document> managers = documents(team.list("managers"));
        managers.add(new Document("at", e.occurredAt().toString()).append("manager", e.managerId()));
        managers.sort(Comparator.comparing(d -> Instant.parse(d.getString("at"))));
        team.set("managers", managers);
    }

    public void on(Batch batch, RepOnboardedEvent e) {
        Doc rep = batch.doc(collection, repKey(e.repId()));
        rep.set("name", e.name());
        addAssignment(rep, e.hireDate() != null ? e.hireDate() : date(e.occurredAt()), e.teamId(), e.managerId());
    }

    public void on(Batch batch, RepTransferredEvent e) {
        Doc rep = batch.doc(collection, repKey(e.repId()));
        addAssignment(rep, e.effectiveDate() != null ? e.effectiveDate() : date(e.occurredAt()), e.toTeamId(),
                      e.toManagerId());
    }

    public void on(Batch batch, RepOffboardedEvent e) {
        batch.doc(collection, repKey(e.repId())).set("offboarded", e.effectiveDate());
    }

    private static void addAssignment(Doc rep, LocalDate from, String teamId, String managerId) {
        List<Document> teams = documents(rep.list("teams"));
        // an assignment from the same date replaces the earlier one; the list stays ordered by date
        teams.removeIf(d -> d.getString("from").equals(from.toString()));
        teams.add(new Document("from", from.toString()).append("team", teamId).append("manager", managerId));
        teams.sort(Comparator.comparing(d -> LocalDate.parse(d.getString("from"))));
        rep.set("teams", teams);
    }

    // ------------------------------------------------------------------------------------------------ lookups

    /** The rep's name, or the rep id when the rep is unknown. */
    public String repName(Batch batch, String repId) {
        String name = batch.doc(collection, repKey(repId)).string("name");
        return name != null ? name : repId;
    }

    /** The team of the rep at the instant (the first assignment if the instant precedes it). */
    public String teamAt(Batch batch, String repId, Instant at) {
        Doc rep = batch.doc(collection, repKey(repId));
        List<Document> teams = documents(rep.list("teams"));
        if (teams.isEmpty()) {
            return null;
        }
        LocalDate date = date(at);
        Document current = teams.get(0);
        for (Document t : teams) {
            if (!LocalDate.parse(t.getString("from")).isAfter(date)) {
                current = t;
            }
        }
        return current.getString("team");
    }

    public String regionOf(Batch batch, String teamId) {
        return teamId == null ? null : batch.doc(collection, teamKey(teamId)).string("region");
    }

    public String teamManagerAt(Batch batch, String teamId, Instant at) {
        if (teamId == null) {
            return null;
        }
        String manager = null;
        for (Document m : documents(batch.doc(collection, teamKey(teamId)).list("managers"))) {
            if (manager == null || !Instant.parse(m.getString("at")).isAfter(at)) {
                manager = m.getString("manager");
            }
        }
        return manager;
    }

    /** Where the rep stood at the instant: team, the team's manager, and the team's region. */
    public Placement placement(Batch batch, String repId, Instant at) {
        String team = teamAt(batch, repId, at);
        if (team == null) {
            return Placement.NONE;
        }
        return new Placement(team, teamManagerAt(batch, team, at), regionOf(batch, team));
    }

    /** The rep's current team (the latest assignment), read outside a batch from a loaded document. */
    public static String latestTeam(Document rep) {
        if (rep == null) {
            return null;
        }
        List<Document> teams = rep.getList("teams", Document.class, List.of());
        return teams.isEmpty() ? null : teams.get(teams.size() - 1).getString("team");
    }

    public static String repKey(String repId) {
        return "rep:" + Keys.part(repId);
    }

    public static String teamKey(String teamId) {
        return "team:" + Keys.part(teamId);
    }

    public static String regionKey(String regionId) {
        return "region:" + Keys.part(regionId);
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static List<Document> documents(List<Object> list) {
        List<Document> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(Document.class.cast(o));
        }
        return out;
    }
}
