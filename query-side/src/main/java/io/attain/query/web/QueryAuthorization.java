package io.attain.query.web;

import com.mongodb.client.MongoDatabase;
import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import io.attain.query.attainment.AttainmentProjection;
import io.attain.query.org.OrgDirectory;
import io.attain.kernel.target.TargetOwnerType;
import org.bson.Document;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.attain.query.projection.ReadModels;

import static com.mongodb.client.model.Filters.eq;

/**
 * Which per-rep and per-team rows of the read side a principal may read (authentication itself is the platform's
 * security chain):
 * <ul>
 *     <li>ADMIN, AUDITOR, FINANCE, INTEGRATOR: every rep and team;</li>
 *     <li>MANAGER: their own team, and the reps whose current team (per the read side's copy of the organisation)
 *     is their team;</li>
 *     <li>REP: their own scorecard and attainment only.</li>
 * </ul>
 * Commission statements: {@link #mayReadStatement}.
 * Leaderboards and funnels are open to every authenticated principal; deal timelines too (not yet restricted).
 * Without a principal (no security chain configured) nothing is restricted.
 */
public class QueryAuthorization {

    private final ReadModels models;

    public QueryAuthorization(MongoDatabase database) {
        this(ReadModels.fixed(database));
    }

    /** Reads the active generation of the attainment projection's organisation copy (ADR 0004). */
    public QueryAuthorization(ReadModels models) {
        this.models = models;
    }

    public Mono<Void> mayReadOwner(AttainPrincipal principal, TargetOwnerType type, String ownerId) {
        if (principal == null || principal.hasRole(AttainRole.ADMIN) || principal.hasRole(AttainRole.AUDITOR)
                || principal.hasRole(AttainRole.FINANCE) || principal.hasRole(AttainRole.INTEGRATOR)) {
            return Mono.empty();
        }
        if (type == TargetOwnerType.REP && ownerId.equals(principal.repId())) {
            return Mono.empty();
        }
        if (principal.hasRole(AttainRole.MANAGER) && principal.teamId() != null) {
            if (type == TargetOwnerType.TEAM) {
                return ownerId.equals(principal.teamId()) ? Mono.empty() : denied();
            }
            return isMember(ownerId, principal);
        }
        return denied();
    }

    /**
     * Commission statements: ADMIN, AUDITOR and FINANCE read every rep's; a MANAGER the statements of the reps whose
     * current team is theirs; a REP their own. Nobody else (INTEGRATOR included): commissions are pay.
     */
    public Mono<Void> mayReadStatement(AttainPrincipal principal, String repId) {
        if (principal == null || seesAllStatements(principal)) {
            return Mono.empty();
        }
        if (principal.hasRole(AttainRole.REP) && repId.equals(principal.repId())) {
            return Mono.empty();
        }
        if (principal.hasRole(AttainRole.MANAGER) && principal.teamId() != null) {
            return isMember(repId, principal);
        }
        return denied();
    }

    /** Of the reps, those whose statements the principal may read (blocking: reads the organisation copy). */
    public Set<String> readableStatementReps(AttainPrincipal principal, Collection<String> repIds) {
        if (principal == null || seesAllStatements(principal)) {
            return new HashSet<>(repIds);
        }
        Set<String> readable = new HashSet<>();
        if (principal.hasRole(AttainRole.REP) && principal.repId() != null && repIds.contains(principal.repId())) {
            readable.add(principal.repId());
        }
        if (principal.hasRole(AttainRole.MANAGER) && principal.teamId() != null) {
            for (String repId : repIds) {
                if (Objects.equals(currentTeam(repId), principal.teamId())) {
                    readable.add(repId);
                }
            }
        }
        return readable;
    }

    private static boolean seesAllStatements(AttainPrincipal principal) {
        return principal.hasRole(AttainRole.ADMIN) || principal.hasRole(AttainRole.AUDITOR)
                || principal.hasRole(AttainRole.FINANCE);
    }

    private Mono<Void> isMember(String repId, AttainPrincipal principal) {
        return Mono.fromCallable(() -> Objects.equals(currentTeam(repId), principal.teamId()))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(member -> member ? Mono.<Void>empty() : denied());
    }

    private String currentTeam(String repId) {
        Document rep = models.collection(AttainmentProjection.NAME, AttainmentProjection.ORG).find(eq("_id", OrgDirectory.repKey(repId)))
                               .first();
        return OrgDirectory.latestTeam(rep);
    }

    private static Mono<Void> denied() {
        return Mono.error(new ProblemException(ProblemType.FORBIDDEN, "Access denied", List.of()));
    }
}
