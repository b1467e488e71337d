package io.attain.command.domain.contest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.contest.AddContestParticipantCommand;
import io.attain.kernel.contest.AwardContestPrizeCommand;
import io.attain.kernel.contest.CancelContestCommand;
import io.attain.kernel.contest.CloseContestCommand;
import io.attain.kernel.contest.ContestCancelledEvent;
import io.attain.kernel.contest.ContestClosedEvent;
import io.attain.kernel.contest.ContestLaunchedEvent;
import io.attain.kernel.contest.ContestParticipantAddedEvent;
import io.attain.kernel.contest.ContestParticipantRemovedEvent;
import io.attain.kernel.contest.ContestPrize;
import io.attain.kernel.contest.ContestPrizeAwardedEvent;
import io.attain.kernel.contest.ContestStatus;
import io.attain.kernel.contest.LaunchContestCommand;
import io.attain.kernel.contest.RemoveContestParticipantCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A sales contest: a window of business dates, a metric, participants (reps and teams), prizes by rank, and the
 * awards made once it is closed.
 *
 * <p><b>Launch.</b> The window runs from {@code startsOn} to {@code endsOn} (UTC dates, both inclusive,
 * {@code startsOn ≤ endsOn}) and the launch's business date is not after {@code endsOn}. Metrics: REVENUE (in one
 * currency, required), DEALS_WON, VISITS, PROPOSALS (no currency). At least one participant, none twice. Prizes: ranks
 * from 1, each rank once, each prize with a positive amount of money and/or a non-blank title.
 *
 * <p><b>Lifecycle.</b> LAUNCHED → CLOSED (on a business date after {@code endsOn}) or → CANCELLED (any time before
 * it is closed). Participants are added or removed only while LAUNCHED and on or before {@code endsOn}.
 *
 * <p><b>Awards.</b> Only when CLOSED; the rank must have a prize; the rep must be a participant (named, or a member
 * of a participating team: the {@link ContestCommandHandler} asks the rep); each rank is awarded once and a rep wins
 * at most one prize per contest. Which rep holds which rank is for the awarding manager to read off the standings
 * (the read side): the command side does not compute standings.
 *
 * <p>Launch, participants and awards are handled by {@link ContestCommandHandler}, which first checks that the reps
 * and teams exist. Fields are visible to Jackson so that snapshots keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Contest {

    /** The metrics a contest can be run on. */
    public static final List<Metric> METRICS = List.of(Metric.REVENUE, Metric.DEALS_WON, Metric.VISITS,
            Metric.PROPOSALS);

    @AggregateIdentifier
    private String contestId;
    private String name;
    private String organizerTeamId;
    private LocalDate endsOn;
    private ContestStatus status;
    private Set<String> reps = new LinkedHashSet<>();
    private Set<String> teams = new LinkedHashSet<>();
    private Map<Integer, ContestPrize> prizes = new HashMap<>();
    private Set<Integer> awardedRanks = new HashSet<>();
    private Set<String> awardedReps = new HashSet<>();

    /** Launches the contest; called by {@link ContestCommandHandler} once its reps and teams are known to exist. */
    public Contest(LaunchContestCommand command) {
        Instant at = BusinessTime.orNow(command.occurredAt());
        if (command.endsOn().isBefore(command.startsOn())) {
            throw new InvalidCommandException("endsOn", "must not be before startsOn");
        }
        if (BusinessTime.utcDate(at).isAfter(command.endsOn())) {
            throw new InvalidCommandException("endsOn", "must not be before the launch date");
        }
        if (!METRICS.contains(command.metric())) {
            throw new InvalidCommandException("metric", "must be one of " + METRICS);
        }
        if (command.metric().isMonetary()) {
            if (command.currency() == null) {
                throw new InvalidCommandException("currency", "is required for metric " + command.metric());
            }
            if (!Money.isIsoCurrency(command.currency())) {
                throw new InvalidCommandException("currency", "must be an ISO 4217 currency code");
            }
        } else if (command.currency() != null) {
            throw new InvalidCommandException("currency", "is only allowed for metric REVENUE");
        }
        if (command.participantRepIds().isEmpty() && command.participantTeamIds().isEmpty()) {
            throw new InvalidCommandException("participantRepIds", "at least one rep or team must take part");
        }
        requireDistinct("participantRepIds", command.participantRepIds());
        requireDistinct("participantTeamIds", command.participantTeamIds());
        checkPrizes(command.prizes());
        apply(new ContestLaunchedEvent(command.contestId(), command.name(), command.organizerTeamId(),
                command.launchedBy(), command.startsOn(), command.endsOn(), command.metric(), command.currency(),
                command.participantRepIds(), command.participantTeamIds(), command.prizes(), at));
    }

    public void handle(AddContestParticipantCommand command) {
        Instant at = BusinessTime.orNow(command.occurredAt());
        requireExactlyOne(command.repId(), command.teamId());
        requireOpenForParticipants(at);
        if (command.repId() != null ? reps.contains(command.repId()) : teams.contains(command.teamId())) {
            throw new DuplicateException(command.repId() != null ? "repId" : "teamId", "already takes part");
        }
        apply(new ContestParticipantAddedEvent(contestId, command.repId(), command.teamId(), at));
    }

    public void handle(RemoveContestParticipantCommand command) {
        Instant at = BusinessTime.orNow(command.occurredAt());
        requireExactlyOne(command.repId(), command.teamId());
        requireOpenForParticipants(at);
        if (command.repId() != null ? !reps.contains(command.repId()) : !teams.contains(command.teamId())) {
            throw new InvalidCommandException(command.repId() != null ? "repId" : "teamId", "does not take part");
        }
        apply(new ContestParticipantRemovedEvent(contestId, command.repId(), command.teamId(), command.reason(), at));
    }

    @CommandHandler
    public void handle(CancelContestCommand command) {
        if (status != ContestStatus.LAUNCHED) {
            throw new IllegalTransitionException("contestId", "contest is " + status.name().toLowerCase());
        }
        apply(new ContestCancelledEvent(contestId, command.cancelledBy(), command.reason(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(CloseContestCommand command) {
        if (status != ContestStatus.LAUNCHED) {
            throw new IllegalTransitionException("contestId", "contest is " + status.name().toLowerCase());
        }
        Instant at = BusinessTime.orNow(command.occurredAt());
        if (!BusinessTime.utcDate(at).isAfter(endsOn)) {
            throw new IllegalTransitionException("occurredAt", "a contest closes only after its window ends on "
                    + endsOn);
        }
        apply(new ContestClosedEvent(contestId, command.closedBy(), at));
    }

    /**
     * Awards a prize; {@code memberOfParticipatingTeam} is the rep's answer (asked by {@link ContestCommandHandler})
     * whether it belongs to one of {@link #participatingTeams()}.
     */
    public void award(AwardContestPrizeCommand command, boolean memberOfParticipatingTeam) {
        if (status != ContestStatus.CLOSED) {
            throw new IllegalTransitionException("contestId", "prizes are awarded only once the contest is closed");
        }
        ContestPrize prize = prizes.get(command.rank());
        if (prize == null) {
            throw new InvalidCommandException("rank", "the contest has no prize for rank " + command.rank());
        }
        if (!reps.contains(command.repId()) && !memberOfParticipatingTeam) {
            throw new InvalidCommandException("repId", "rep did not take part in the contest");
        }
        if (awardedRanks.contains(command.rank())) {
            throw new DuplicateException("rank", "the prize for this rank was already awarded");
        }
        if (awardedReps.contains(command.repId())) {
            throw new DuplicateException("repId", "rep already won a prize in this contest");
        }
        apply(new ContestPrizeAwardedEvent(contestId, name, command.rank(), command.repId(), prize.money(),
                prize.title(), command.awardedBy(), BusinessTime.orNow(command.occurredAt())));
    }

    /** The teams taking part (their members take part). */
    public Set<String> participatingTeams() {
        return Set.copyOf(teams);
    }

    /** {@code true} if the rep takes part by name. */
    public boolean namesRep(String repId) {
        return reps.contains(repId);
    }

    /** The team of the MANAGER who runs the contest, or {@code null} for a company-wide contest. */
    public String organizerTeamId() {
        return organizerTeamId;
    }

    private void requireOpenForParticipants(Instant at) {
        if (status != ContestStatus.LAUNCHED) {
            throw new IllegalTransitionException("contestId", "contest is " + status.name().toLowerCase());
        }
        if (BusinessTime.utcDate(at).isAfter(endsOn)) {
            throw new IllegalTransitionException("occurredAt", "participants change only until the window ends on "
                    + endsOn);
        }
    }

    private static void requireExactlyOne(String repId, String teamId) {
        if ((repId == null) == (teamId == null)) {
            throw new InvalidCommandException("repId", "exactly one of repId and teamId is required");
        }
    }

    private static void requireDistinct(String field, List<String> ids) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidCommandException(field, "must not name a participant twice");
        }
    }

    private static void checkPrizes(List<ContestPrize> prizes) {
        Set<Integer> ranks = new HashSet<>();
        for (int i = 0; i < prizes.size(); i++) {
            ContestPrize prize = prizes.get(i);
            String field = "prizes[" + i + "]";
            if (prize.rank() < 1) {
                throw new InvalidCommandException(field + ".rank", "must be at least 1");
            }
            if (!ranks.add(prize.rank())) {
                throw new InvalidCommandException(field + ".rank", "each rank has at most one prize");
            }
            if (prize.money() == null && (prize.title() == null || prize.title().isBlank())) {
                throw new InvalidCommandException(field, "a prize needs money or a title");
            }
            if (prize.money() != null && !prize.money().isPositive()) {
                throw new InvalidCommandException(field + ".money", "must be positive");
            }
            if (prize.title() != null && prize.title().isBlank()) {
                throw new InvalidCommandException(field + ".title", "must not be blank when given");
            }
        }
    }

    @EventSourcingHandler
    void on(ContestLaunchedEvent event) {
        contestId = event.contestId();
        name = event.name();
        organizerTeamId = event.organizerTeamId();
        endsOn = event.endsOn();
        status = ContestStatus.LAUNCHED;
        reps = new LinkedHashSet<>(event.participantRepIds());
        teams = new LinkedHashSet<>(event.participantTeamIds());
        prizes = new HashMap<>();
        for (ContestPrize prize : event.prizes()) {
            prizes.put(prize.rank(), prize);
        }
    }

    @EventSourcingHandler
    void on(ContestParticipantAddedEvent event) {
        if (event.repId() != null) {
            reps.add(event.repId());
        } else {
            teams.add(event.teamId());
        }
    }

    @EventSourcingHandler
    void on(ContestParticipantRemovedEvent event) {
        if (event.repId() != null) {
            reps.remove(event.repId());
        } else {
            teams.remove(event.teamId());
        }
    }

    @EventSourcingHandler
    void on(ContestCancelledEvent event) {
        status = ContestStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ContestClosedEvent event) {
        status = ContestStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ContestPrizeAwardedEvent event) {
        awardedRanks.add(event.rank());
        awardedReps.add(event.repId());
    }

    protected Contest() {
        // Required by Axon
    }
}
