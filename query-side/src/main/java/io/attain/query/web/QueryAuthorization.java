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

import java.util.List;
import java.util.Objects;

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
