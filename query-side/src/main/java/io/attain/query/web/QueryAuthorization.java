package io.attain.query.web;

import io.attain.query.contest.ContestQueries;

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

import io.attain.query.api.DealTimelineView;
import io.attain.query.api.TimelineEvent;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
 * Leaderboards and funnels are open to every authenticated principal. A deal's timeline: ADMIN, AUDITOR, FINANCE and
 * INTEGRATOR every deal; a REP the deals they own or share in the current credit split; a MANAGER the deals whose
 * owner or a sharing rep is in their team ({@link #mayReadDeal}). Commission statements: {@link #mayReadStatement}.
 * Contests: {@link #mayReadContest}; recognition histories: {@link #mayReadRecognitions}.
 * Without a principal (no security chain configured) nothing is restricted.
 */
public class QueryAuthorization {

    private final ReadModels models;


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
     * Whether the principal may read the deal whose timeline this is (see the class comment). A REP or MANAGER who
     * may not is refused the same way whether or not the deal exists.
     */
    public Mono<DealTimelineView> mayReadDeal(AttainPrincipal principal, Optional<DealTimelineView> timeline,
                                              Supplier<RuntimeException> notFound) {
        if (principal == null || principal.hasRole(AttainRole.ADMIN) || principal.hasRole(AttainRole.AUDITOR)
                || principal.hasRole(AttainRole.FINANCE) || principal.hasRole(AttainRole.INTEGRATOR)) {
            return timeline.map(Mono::just).orElseGet(() -> Mono.error(notFound.get()));
        }
        if (timeline.isEmpty()) {
            return denied();
        }
        Set<String> involved = involvedReps(timeline.get());
        if (principal.repId() != null && involved.contains(principal.repId())) {
            return Mono.just(timeline.get());
        }
        if (principal.hasRole(AttainRole.MANAGER) && principal.teamId() != null) {
            return Mono.fromCallable(() -> involved.stream().anyMatch(
                               rep -> Objects.equals(currentTeam(rep), principal.teamId())))
                       .subscribeOn(Schedulers.boundedElastic())
                       .flatMap(member -> member ? Mono.just(timeline.get()) : denied());
        }
        return denied();
    }

    /**
     * Commission statements: ADMIN, AUDITOR and FINANCE read every rep's; a MANAGER the statements of the reps whose
     * current team is theirs, and their own (roll-ups of their reps' lines); a REP their own. Nobody else
     * (INTEGRATOR included): commissions are pay.
     */
    public Mono<Void> mayReadStatement(AttainPrincipal principal, String repId) {
        if (principal == null || seesAllStatements(principal)) {
            return Mono.empty();
        }
        if (readsOwn(principal) && repId.equals(principal.repId())) {
            return Mono.empty();
        }
        if (principal.hasRole(AttainRole.MANAGER) && principal.teamId() != null) {
            return isMember(repId, principal);
        }
        return denied();
    }

    /** Partner rebate statements: ADMIN, AUDITOR and FINANCE only (a partner's pay is not a team's business). */
    public Mono<Void> mayReadRebates(AttainPrincipal principal) {
        return principal == null || seesAllStatements(principal) ? Mono.empty() : denied();
    }

    /**
     * KPIs with costs (CAC, CLV) are management figures: ADMIN, AUDITOR and FINANCE read every cut; a MANAGER only
     * the cut of their own team ({@code teamId} given and equal to theirs); nobody else (REP, INTEGRATOR).
     */
    public Mono<Void> mayReadKpis(AttainPrincipal principal, String teamId) {
        if (principal == null || seesAllStatements(principal)) {
            return Mono.empty();
        }
        return principal.hasRole(AttainRole.MANAGER) && principal.teamId() != null
                && principal.teamId().equals(teamId) ? Mono.empty() : denied();
    }

    /** Channel conflicts: ADMIN, AUDITOR, FINANCE (all) and a MANAGER with a team (their team's, see below). */
    public Mono<Void> mayListConflicts(AttainPrincipal principal) {
        return principal == null || seesAllStatements(principal)
                || (principal.hasRole(AttainRole.MANAGER) && principal.teamId() != null) ? Mono.empty() : denied();
    }

    /**
     * Of the conflicts, those the principal may read (blocking: reads the organisation copy): all for ADMIN, AUDITOR
     * and FINANCE; for a MANAGER those with a claiming deal whose owner's current team is theirs.
     */
    public <T> List<T> readableConflicts(AttainPrincipal principal, List<T> conflicts,
                                         java.util.function.Function<T, List<String>> owners) {
        if (principal == null || seesAllStatements(principal)) {
            return conflicts;
        }
        if (!principal.hasRole(AttainRole.MANAGER) || principal.teamId() == null) {
            return List.of();
        }
        return conflicts.stream().filter(c -> owners.apply(c).stream()
                .anyMatch(owner -> Objects.equals(currentTeam(owner), principal.teamId()))).toList();
    }

    /**
     * Contests: ADMIN, AUDITOR, FINANCE and INTEGRATOR read every contest; a REP the contests they take part in (by
     * name, or through their current team); a MANAGER the contests their team organises or takes part in, or in which a
     * rep of their team takes part. A contest that does not exist is refused the same way to the others.
     */
    public Mono<Void> mayReadContest(AttainPrincipal principal, ContestQueries.Audience contest) {
        return Mono.fromCallable(() -> contest != null && readsContest(principal, contest))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(may -> may ? Mono.<Void>empty() : denied());
    }

    /** Whether the principal may read the contest (blocking: reads the organisation copy). */
    public boolean readsContest(AttainPrincipal principal, ContestQueries.Audience contest) {
        if (seesAllContests(principal)) {
            return true;
        }
        String self = principal.repId();
        if (self != null && (contest.reps().contains(self) || contest.teams().contains(currentTeam(self)))) {
            return true;
        }
        String team = principal.teamId();
        if (principal.hasRole(AttainRole.MANAGER) && team != null) {
            return team.equals(contest.organizerTeamId()) || contest.teams().contains(team)
                    || contest.reps().stream().anyMatch(rep -> team.equals(currentTeam(rep)));
        }
        return false;
    }

    /** ADMIN, AUDITOR, FINANCE and INTEGRATOR (and no principal): every contest, and told when one does not exist. */
    public static boolean seesAllContests(AttainPrincipal principal) {
        return principal == null || principal.hasRole(AttainRole.ADMIN) || principal.hasRole(AttainRole.AUDITOR)
                || principal.hasRole(AttainRole.FINANCE) || principal.hasRole(AttainRole.INTEGRATOR);
    }

    /** A rep's recognition history: the rep, the MANAGER of their current team, ADMIN, AUDITOR and FINANCE. */
    public Mono<Void> mayReadRecognitions(AttainPrincipal principal, String repId) {
        return mayReadStatement(principal, repId);
    }

    /**
     * Whose deals a deal list may show the principal (blocking: reads the organisation copy): {@code null} for every
     * deal (ADMIN, AUDITOR, FINANCE, INTEGRATOR, or no principal); otherwise the deals in which one of the returned
     * reps is involved (owner or credit share) — for a REP themself, for a MANAGER themself and the reps whose current
     * team is theirs, the same rule as {@link #mayReadDeal}. An empty set: no deal.
     */
    public Set<String> dealListReps(AttainPrincipal principal) {
        if (principal == null || principal.hasRole(AttainRole.ADMIN) || principal.hasRole(AttainRole.AUDITOR)
                || principal.hasRole(AttainRole.FINANCE) || principal.hasRole(AttainRole.INTEGRATOR)) {
            return null;
        }
        Set<String> reps = new HashSet<>();
        if (principal.repId() != null) {
            reps.add(principal.repId());
        }
        if (principal.hasRole(AttainRole.MANAGER) && principal.teamId() != null) {
            reps.addAll(currentMembers(principal.teamId()));
        }
        return reps;
    }

    /**
     * Which targets a list may show the principal (blocking: reads the organisation copy once), the rule of
     * {@link #mayReadOwner}: every target for ADMIN, AUDITOR, FINANCE and INTEGRATOR (and no principal); a REP's own;
     * a MANAGER's own, their team's and those of the reps whose current team is theirs.
     */
    public java.util.function.BiPredicate<TargetOwnerType, String> targetOwners(AttainPrincipal principal) {
        if (principal == null || principal.hasRole(AttainRole.ADMIN) || principal.hasRole(AttainRole.AUDITOR)
                || principal.hasRole(AttainRole.FINANCE) || principal.hasRole(AttainRole.INTEGRATOR)) {
            return (type, owner) -> true;
        }
        String self = principal.repId();
        String team = principal.hasRole(AttainRole.MANAGER) ? principal.teamId() : null;
        Set<String> members = team == null ? Set.of() : currentMembers(team);
        return (type, owner) -> type == TargetOwnerType.REP
                ? owner.equals(self) || members.contains(owner)
                : team != null && owner.equals(team);
    }

    /** The reps whose current team is the team (blocking: scans the organisation copy, one document per rep). */
    public Set<String> currentMembers(String teamId) {
        Set<String> members = new HashSet<>();
        for (Document rep : models.collection(AttainmentProjection.NAME, AttainmentProjection.ORG)
                                  .find(com.mongodb.client.model.Filters.regex("_id", "^rep:"))) {
            if (teamId.equals(OrgDirectory.latestTeam(rep))) {
                members.add(io.attain.query.projection.Keys.decode(rep.getString("_id").substring("rep:".length())));
            }
        }
        return members;
    }

    /** The owner (from the opening) and the reps of the deal's latest credit split. */
    static Set<String> involvedReps(DealTimelineView timeline) {
        Set<String> reps = new HashSet<>();
        List<?> shares = null;
        for (TimelineEvent event : timeline.events()) {
            Object owner = event.summary() == null ? null : event.summary().get("ownerRepId");
            if (owner instanceof String o) {
                reps.add(o);
            }
            Object split = event.summary() == null ? null : event.summary().get("shares");
            if (split instanceof List<?> list) {
                shares = list;
            }
        }
        if (shares != null) {
            for (Object share : shares) {
                if (share instanceof Map<?, ?> m && m.get("repId") instanceof String rep) {
                    reps.add(rep);
                }
            }
        }
        return reps;
    }

    /** Of the reps, those whose statements the principal may read (blocking: reads the organisation copy). */
    public Set<String> readableStatementReps(AttainPrincipal principal, Collection<String> repIds) {
        if (principal == null || seesAllStatements(principal)) {
            return new HashSet<>(repIds);
        }
        Set<String> readable = new HashSet<>();
        if (readsOwn(principal) && principal.repId() != null && repIds.contains(principal.repId())) {
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

    private static boolean readsOwn(AttainPrincipal principal) {
        return principal.hasRole(AttainRole.REP) || principal.hasRole(AttainRole.MANAGER);
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

    private static <T> Mono<T> denied() {
        return Mono.error(new ProblemException(ProblemType.FORBIDDEN, "Access denied", List.of()));
    }
}
