package io.attain.query.directory;

import io.attain.kernel.organisation.RegionCreatedEvent;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetRevisedEvent;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Projection;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.attain.query.directory.DirectorySchema.*;

/**
 * Keeps the {@link DirectorySchema} documents: one per rep, team, region, product line and target. Team membership
 * and managers follow business time (an assignment from its effective date, a manager from the change's
 * {@code occurredAt}); the lists show the current state.
 */
@ProcessingGroup(DirectoryProjection.NAME)
public class DirectoryProjection extends Projection {

    public static final String NAME = "directory";
    public static final List<String> COLLECTIONS = List.of(REPS, TEAMS, REGIONS, PRODUCT_LINES, TARGETS);

    /** The creating manager comes before every change, whatever the business times. */
    private static final String CREATION = Instant.MIN.toString();

    public DirectoryProjection(ProjectionStore store) {
        super(store);
    }

    @EventHandler
    void on(RegionCreatedEvent e) {
        Doc region = batch().doc(REGIONS, e.regionId());
        region.set(DISPLAY_NAME, e.name());
        region.set(MANAGER, e.managerId());
    }

    @EventHandler
    void on(TeamCreatedEvent e) {
        Doc team = batch().doc(TEAMS, e.teamId());
        team.set(DISPLAY_NAME, e.name());
        team.set(REGION, e.regionId());
        List<Document> managers = documents(team.list(MANAGERS));
        managers.add(0, new Document(AT, CREATION).append(MANAGER, e.managerId()));
        team.set(MANAGERS, managers);
    }

    @EventHandler
    void on(TeamManagerChangedEvent e) {
        Doc team = batch().doc(TEAMS, e.teamId());
        List<Document> managers = documents(team.list(MANAGERS));
        managers.add(new Document(AT, e.occurredAt().toString()).append(MANAGER, e.managerId()));
        managers.sort(Comparator.comparing(d -> Instant.parse(d.getString(AT))));
        team.set(MANAGERS, managers);
    }

    @EventHandler
    void on(RepOnboardedEvent e) {
        Doc rep = batch().doc(REPS, e.repId());
        rep.set(DISPLAY_NAME, e.name());
        rep.set(ROLE, e.role());
        LocalDate from = e.hireDate() != null ? e.hireDate() : LocalDate.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC);
        rep.set(HIRE_DATE, from);
        assign(rep, from, e.teamId(), e.managerId());
    }

    @EventHandler
    void on(RepTransferredEvent e) {
        Doc rep = batch().doc(REPS, e.repId());
        LocalDate from = e.effectiveDate() != null ? e.effectiveDate()
                : LocalDate.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC);
        assign(rep, from, e.toTeamId(), e.toManagerId());
    }

    @EventHandler
    void on(RepOffboardedEvent e) {
        batch().doc(REPS, e.repId()).set(OFFBOARDED_FROM, e.effectiveDate());
    }

    @EventHandler
    void on(ProductLineRegisteredEvent e) {
        Doc line = batch().doc(PRODUCT_LINES, e.productLineId());
        line.set(SERIES, e.series());
        if (e.listPrice() != null) {
            line.set(LIST_PRICE, e.listPrice().amount());
            line.set(CURRENCY, e.listPrice().currency());
        }
    }

    @EventHandler
    void on(TargetAssignedEvent e) {
        Doc target = batch().doc(TARGETS, e.targetId());
        target.set(OWNER_TYPE, e.ownerType());
        target.set(OWNER, e.ownerId());
        target.set(PERIOD, e.period().toString());
        target.set(START, e.period().start());
        target.set(END, e.period().end());
        target.set(METRIC, e.metric());
        target.set(PRODUCT_LINE, e.productLine());
        target.set(CURRENCY, e.currency());
        target.set(ASSIGNED_AMOUNT, e.amount());
        target.set(ASSIGNED_AT, e.occurredAt());
        target.set(AMOUNT, e.amount());
        target.set(REVISIONS, List.of());
    }

    @EventHandler
    void on(TargetRevisedEvent e) {
        Doc target = batch().doc(TARGETS, e.targetId());
        if (!target.exists()) {
            return;
        }
        List<Document> revisions = documents(target.list(REVISIONS));
        revisions.add(new Document(PREVIOUS_AMOUNT, e.previousAmount()).append(AMOUNT, e.amount())
                              .append(REASON, e.reason()).append(AT, e.occurredAt().toString()));
        revisions.sort(Comparator.comparing(d -> Instant.parse(d.getString(AT)))); // stable: equal times in log order
        target.set(REVISIONS, revisions);
        target.set(AMOUNT, revisions.get(revisions.size() - 1).get(AMOUNT));
    }

    /** An assignment from the same date replaces the earlier one; the list stays ordered by date. */
    private static void assign(Doc rep, LocalDate from, String teamId, String managerId) {
        List<Document> teams = documents(rep.list(ASSIGNMENTS));
        teams.removeIf(d -> d.getString(FROM).equals(from.toString()));
        teams.add(new Document(FROM, from.toString()).append(TEAM, teamId).append(MANAGER, managerId));
        teams.sort(Comparator.comparing(d -> LocalDate.parse(d.getString(FROM))));
        rep.set(ASSIGNMENTS, teams);
    }

    private static List<Document> documents(List<Object> list) {
        List<Document> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(Doc.copy((Document) o));
        }
        return out;
    }
}
