package io.attain.command.domain.contest;

import io.attain.command.domain.BusinessTime;
import io.attain.command.domain.InvalidCommandException;
import io.attain.command.domain.organisation.Rep;
import io.attain.command.domain.organisation.Team;
import io.attain.kernel.contest.AddContestParticipantCommand;
import io.attain.kernel.contest.AwardContestPrizeCommand;
import io.attain.kernel.contest.GrantRecognitionCommand;
import io.attain.kernel.contest.LaunchContestCommand;
import io.attain.kernel.contest.RemoveContestParticipantCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contest and recognition commands whose rules need other aggregates: the reps and teams a contest names must
 * exist, and a rep who is not named takes part through a participating team ({@link Rep#belongsToTeam}, the rep's
 * current team). The business time is resolved once and handed on, so the checks and the event use the same instant.
 * The rules themselves stay in {@link Contest} and {@link Recognition}; nothing is appended when a check fails.
 */
@Component
public class ContestCommandHandler {

    private final Repository<Contest> contests;
    private final Repository<Recognition> recognitions;
    private final Repository<Rep> reps;
    private final Repository<Team> teams;

    public ContestCommandHandler(Repository<Contest> contests, Repository<Recognition> recognitions,
                                 Repository<Rep> reps, Repository<Team> teams) {
        this.contests = contests;
        this.recognitions = recognitions;
        this.reps = reps;
        this.teams = teams;
    }

    /** @return the id of the new contest */
    @CommandHandler
    public String handle(LaunchContestCommand command) throws Exception {
        Instant at = BusinessTime.orNow(command.occurredAt());
        List<String> repIds = command.participantRepIds();
        for (int i = 0; i < repIds.size(); i++) {
            requireRep("participantRepIds[" + i + "]", repIds.get(i));
        }
        List<String> teamIds = command.participantTeamIds();
        for (int i = 0; i < teamIds.size(); i++) {
            requireTeam("participantTeamIds[" + i + "]", teamIds.get(i));
        }
        LaunchContestCommand atBusinessTime = new LaunchContestCommand(command.contestId(), command.name(),
                command.organizerTeamId(), command.launchedBy(), command.startsOn(), command.endsOn(),
                command.metric(), command.currency(), repIds, teamIds, command.prizes(), at);
        contests.newInstance(() -> new Contest(atBusinessTime));
        return command.contestId();
    }

    @CommandHandler
    public void handle(AddContestParticipantCommand command) {
        Aggregate<Contest> contest = contests.load(command.contestId());
        if (command.repId() != null && command.teamId() == null) {
            requireRep("repId", command.repId());
        }
        if (command.teamId() != null && command.repId() == null) {
            requireTeam("teamId", command.teamId());
        }
        contest.execute(c -> c.handle(command));
    }

    @CommandHandler
    public void handle(RemoveContestParticipantCommand command) {
        contests.load(command.contestId()).execute(c -> c.handle(command));
    }

    @CommandHandler
    public void handle(AwardContestPrizeCommand command) {
        Aggregate<Contest> contest = contests.load(command.contestId());
        boolean viaTeam = contest.invoke(c -> {
            if (c.namesRep(command.repId())) {
                return false;
            }
            return rep(command.repId())
                    .map(r -> r.invoke(x -> c.participatingTeams().stream().anyMatch(x::belongsToTeam)))
                    .orElse(false);
        });
        contest.execute(c -> c.award(command, viaTeam));
    }

    /** @return the id of the new recognition */
    @CommandHandler
    public String handle(GrantRecognitionCommand command) throws Exception {
        requireRep("repId", command.repId());
        recognitions.newInstance(() -> new Recognition(command));
        return command.recognitionId();
    }

    private void requireRep(String field, String repId) {
        if (rep(repId).isEmpty()) {
            throw new InvalidCommandException(field, "no such rep");
        }
    }

    private Optional<Aggregate<Rep>> rep(String repId) {
        try {
            return Optional.of(reps.load(repId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }

    private void requireTeam(String field, String teamId) {
        try {
            teams.load(teamId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new InvalidCommandException(field, "no such team");
        }
    }
}
