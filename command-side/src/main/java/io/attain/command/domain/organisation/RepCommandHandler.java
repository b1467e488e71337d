package io.attain.command.domain.organisation;

import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.organisation.OnboardRepCommand;
import io.attain.kernel.organisation.TransferRepCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The rep commands whose rules need a second aggregate: a rep can only join (or move to) a team that
 * exists. The team is loaded through Axon's repository and asked; the rep's own rules stay in
 * {@link Rep}. Nothing is appended when a check fails (the unit of work rolls back).
 */
@Component
public class RepCommandHandler {

    private final Repository<Rep> reps;
    private final Repository<Team> teams;

    public RepCommandHandler(Repository<Rep> reps, Repository<Team> teams) {
        this.reps = reps;
        this.teams = teams;
    }

    /** @return the id of the new rep */
    @CommandHandler
    public String handle(OnboardRepCommand command) throws Exception {
        requireTeam("teamId", command.teamId());
        reps.newInstance(() -> new Rep(command));
        return command.repId();
    }

    @CommandHandler
    public void handle(TransferRepCommand command) {
        Aggregate<Rep> rep = reps.load(command.repId());
        requireTeam("toTeamId", command.toTeamId());
        rep.execute(r -> r.handle(command));
    }

    /**
     * Loading is the check: no stream under the id, or a stream of another aggregate type (Axon then
     * refuses to build a team from it), means there is no such team.
     */
    private void requireTeam(String field, String teamId) {
        try {
            teams.load(teamId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new InvalidCommandException(field, "no such team");
        }
    }
}
