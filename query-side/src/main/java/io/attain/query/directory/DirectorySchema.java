package io.attain.query.directory;

import io.attain.query.api.Numbers;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of the directory's documents, the one definition its projection writes and its queries read: one
 * collection per kind, {@code _id} = the entity's id.
 * <ul>
 *     <li>{@value #REPS}: {@code name, role, hireDate, offboardedFrom, teams: [{from, teamId, managerId}]}
 *     (ordered by {@code from});</li>
 *     <li>{@value #TEAMS}: {@code name, regionId, managers: [{at, managerId}]} (ordered by business time);</li>
 *     <li>{@value #REGIONS}: {@code name, managerId};</li>
 *     <li>{@value #PRODUCT_LINES}: {@code series, listPrice, currency};</li>
 *     <li>{@value #TARGETS}: {@code ownerType, ownerId, period, start, end} (the period's first day and the day after its last, for
 *     overlap filters){@code , metric, productLine, currency, assignedAmount, assignedAt, amount} (in force now)
 *     {@code , revisions: [{previousAmount, amount, reason, at}]} (ordered by business time).</li>
 * </ul>
 */
public final class DirectorySchema {

    public static final String REPS = "directory_reps";
    public static final String TEAMS = "directory_teams";
    public static final String REGIONS = "directory_regions";
    public static final String PRODUCT_LINES = "directory_product_lines";
    public static final String TARGETS = "directory_targets";

    public static final String DISPLAY_NAME = "name";
    public static final String ROLE = "role";
    public static final String HIRE_DATE = "hireDate";
    public static final String OFFBOARDED_FROM = "offboardedFrom";
    public static final String ASSIGNMENTS = "teams";
    public static final String FROM = "from";
    public static final String TEAM = "teamId";
    public static final String MANAGER = "managerId";
    public static final String REGION = "regionId";
    public static final String MANAGERS = "managers";
    public static final String AT = "at";
    public static final String SERIES = "series";
    public static final String LIST_PRICE = "listPrice";
    public static final String CURRENCY = "currency";
    public static final String OWNER_TYPE = "ownerType";
    public static final String OWNER = "ownerId";
    public static final String PERIOD = "period";
    public static final String START = "start";
    public static final String END = "end";
    public static final String METRIC = "metric";
    public static final String PRODUCT_LINE = "productLine";
    public static final String ASSIGNED_AMOUNT = "assignedAmount";
    public static final String ASSIGNED_AT = "assignedAt";
    public static final String AMOUNT = "amount";
    public static final String PREVIOUS_AMOUNT = "previousAmount";
    public static final String REASON = "reason";
    public static final String REVISIONS = "revisions";

    private DirectorySchema() {
    }

    /** The latest team assignment of a rep document, or {@code null}. */
    public static Document currentAssignment(Document rep) {
        List<Document> teams = rep.getList(ASSIGNMENTS, Document.class, List.of());
        return teams.isEmpty() ? null : teams.get(teams.size() - 1);
    }

    /** The current manager of a team document, or {@code null}. */
    public static String currentManager(Document team) {
        List<Document> managers = team.getList(MANAGERS, Document.class, List.of());
        return managers.isEmpty() ? null : managers.get(managers.size() - 1).getString(MANAGER);
    }

    public static DirectoryView.Target target(Document d, String ownerName) {
        List<DirectoryView.Revision> revisions = new ArrayList<>();
        for (Document r : d.getList(REVISIONS, Document.class, List.of())) {
            revisions.add(new DirectoryView.Revision(Numbers.plain(r.get(PREVIOUS_AMOUNT)), Numbers.plain(r.get(AMOUNT)),
                                                     r.getString(REASON), r.getString(AT)));
        }
        return new DirectoryView.Target(d.getString("_id"), d.getString(OWNER_TYPE), d.getString(OWNER), ownerName,
                                        d.getString(PERIOD), d.getString(METRIC), d.getString(PRODUCT_LINE),
                                        Numbers.plain(d.get(AMOUNT)), d.getString(CURRENCY),
                                        Numbers.plain(d.get(ASSIGNED_AMOUNT)), d.getString(ASSIGNED_AT), revisions);
    }

}
