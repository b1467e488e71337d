package io.attain.command.authorization;

import io.attain.command.domain.channel.CustomerChannel;
import io.attain.command.domain.contest.Contest;
import io.attain.command.domain.contest.Recognition;
import io.attain.command.domain.deal.Deal;
import io.attain.command.domain.organisation.Rep;
import io.attain.kernel.activity.LogCallCommand;
import io.attain.kernel.activity.LogProposalCommand;
import io.attain.kernel.activity.LogVisitCommand;
import io.attain.kernel.channel.ChannelClaim;
import io.attain.kernel.channel.PublishAgreementVersionCommand;
import io.attain.kernel.channel.RegisterPartnerCommand;
import io.attain.kernel.channel.ResolveChannelConflictCommand;
import io.attain.kernel.compensation.ApproveStatementCommand;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.AssignPlanCommand;
import io.attain.kernel.compensation.CreatePlanCommand;
import io.attain.kernel.compensation.DisputeStatementLineCommand;
import io.attain.kernel.compensation.LockStatementCommand;
import io.attain.kernel.compensation.PayCommissionCommand;
import io.attain.kernel.compensation.PublishPlanVersionCommand;
import io.attain.kernel.compensation.RecordExchangeRateCommand;
import io.attain.kernel.compensation.ResolveDisputeCommand;
import io.attain.kernel.compensation.SubmitStatementCommand;
import io.attain.kernel.contest.AddContestParticipantCommand;
import io.attain.kernel.contest.AwardContestPrizeCommand;
import io.attain.kernel.contest.CancelContestCommand;
import io.attain.kernel.contest.CloseContestCommand;
import io.attain.kernel.contest.GrantRecognitionCommand;
import io.attain.kernel.contest.LaunchContestCommand;
import io.attain.kernel.contest.RemoveContestParticipantCommand;
import io.attain.kernel.contest.RevokeRecognitionCommand;
import io.attain.kernel.deal.AdvanceDealCommand;
import io.attain.kernel.deal.ChangeDealAmountCommand;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.deal.ReopenDealCommand;
import io.attain.kernel.deal.SplitDealCreditCommand;
import io.attain.kernel.organisation.OffboardRepCommand;
import io.attain.kernel.organisation.OnboardRepCommand;
import io.attain.kernel.organisation.TransferRepCommand;
import io.attain.kernel.target.AssignRepTargetCommand;
import io.attain.kernel.target.ReviseRepTargetCommand;
import io.attain.platform.security.AttainRole;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who may send which command, checked inside the command's unit of work before its handler runs (so
 * a refusal appends nothing, and the aggregates it loads are the ones the handler then uses).
 * Axon's Spring Boot support registers this interceptor on the command bus.
 *
 * <ul>
 *     <li>ADMIN: every command but approving a statement (approval is FINANCE's or the rep's MANAGER's, so
 *     that an approval always names one of the two approver roles).</li>
 *     <li>MANAGER: for the reps of their own team ({@link Rep#belongsToTeam}, the rep's current
 *     assignment): onboard into their team, transfer, offboard, rep targets, activities, and deals
 *     owned by such a rep; submit, approve (as MANAGER) and resolve disputes of such a rep's
 *     statements; resolve a channel conflict in their own name when the owner of one of its claiming deals is
 *     a rep of their team. Contests of their team: launch one (organised by their team, only their team and its
 *     reps taking part), add their team's reps (or the team) and remove participants, cancel, close and award
 *     prizes of the contests their team organises ({@link Contest#organizerTeamId}); grant recognition to, and
 *     revoke it from, their team's reps. Not: regions, teams, team targets, product lines, plans, exchange rates,
 *     partners, company-wide contests.</li>
 *     <li>REP: log their own activities; open deals they own; move, reopen and re-price deals they
 *     own or share in a credit split ({@link Deal#involves}); split the credit of deals they own;
 *     submit their own statement and dispute its lines. Never approve.</li>
 *     <li>FINANCE: plans (create, publish versions, assign), exchange rates, channel partners (register,
 *     sign agreement versions), and statements: submit, approve (as FINANCE), lock, pay.</li>
 *     <li>AUDITOR, INTEGRATOR: no command.</li>
 * </ul>
 *
 * <p>A rep or deal that does not exist counts as "not yours": such requests of a MANAGER or REP are
 * refused (403) without telling whether the id exists. Commands without an actor in their metadata
 * are sent by the application itself (e.g. imports) and are not checked here.
 */
@Component
public class CommandAuthorization implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Repository<Rep> reps;
    private final Repository<Deal> deals;
    private final Repository<CustomerChannel> customerChannels;
    private final Repository<Contest> contests;
    private final Repository<Recognition> recognitions;

    public CommandAuthorization(Repository<Rep> reps, Repository<Deal> deals,
                                Repository<CustomerChannel> customerChannels, Repository<Contest> contests,
                                Repository<Recognition> recognitions) {
        this.reps = reps;
        this.deals = deals;
        this.customerChannels = customerChannels;
        this.contests = contests;
        this.recognitions = recognitions;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Optional<Actor> actor = Actor.from(command.getMetaData());
        if (actor.isPresent()) {
            authorize(actor.get(), command.getPayload());
        }
        return interceptorChain.proceed();
    }

    /**
     * @throws CommandForbiddenException if no role of the actor allows the command
     */
    public void authorize(Actor actor, Object command) {
        if (command instanceof ApproveStatementCommand approval) {
            if (approverMay(actor, approval)) {
                return;
            }
            throw new CommandForbiddenException("ApproveStatement needs FINANCE, or the MANAGER of the rep's team; "
                    + "never the statement's rep");
        }
        if (actor.has(AttainRole.ADMIN)) {
            return;
        }
        if (actor.has(AttainRole.FINANCE) && financeMay(command)) {
            return;
        }
        if (actor.has(AttainRole.MANAGER) && managerMay(actor, command)) {
            return;
        }
        if (actor.has(AttainRole.REP) && repMay(actor, command)) {
            return;
        }
        throw new CommandForbiddenException(refusal(actor, command));
    }

    /** The approver is the actor, in a role the actor has; a MANAGER only for their team's reps; never the rep. */
    private boolean approverMay(Actor actor, ApproveStatementCommand command) {
        String rep = statementRep(command.statementId());
        if (!actor.principalId().equals(command.approverId()) || rep == null || rep.equals(actor.repId())
                || rep.equals(actor.principalId())) {
            return false;
        }
        if (command.approverRole() == ApproverRole.FINANCE) {
            return actor.has(AttainRole.FINANCE);
        }
        return actor.has(AttainRole.MANAGER) && actor.teamId() != null && repInTeam(rep, actor.teamId());
    }

    private static boolean financeMay(Object command) {
        return command instanceof CreatePlanCommand || command instanceof PublishPlanVersionCommand
                || command instanceof AssignPlanCommand || command instanceof RecordExchangeRateCommand
                || command instanceof SubmitStatementCommand || command instanceof LockStatementCommand
                || command instanceof PayCommissionCommand || command instanceof RegisterPartnerCommand
                || command instanceof PublishAgreementVersionCommand;
    }

    private boolean managerMay(Actor actor, Object command) {
        String team = actor.teamId();
        if (team == null) {
            return false;
        }
        if (command instanceof SubmitStatementCommand c) {
            return statementOfTeam(c.statementId(), team);
        }
        if (command instanceof ResolveDisputeCommand c) {
            return statementOfTeam(c.statementId(), team);
        }
        if (command instanceof OnboardRepCommand c) {
            return team.equals(c.teamId());
        }
        if (command instanceof ResolveChannelConflictCommand c) {
            return actor.principalId().equals(c.resolvedBy())
                    && conflictClaims(c.customerChannelId(), c.conflictId()).stream()
                    .anyMatch(claim -> claim.ownerRepId() != null && repInTeam(claim.ownerRepId(), team));
        }
        Boolean contest = managerMayForContest(team, command);
        if (contest != null) {
            return contest;
        }
        String repId = repOf(command);
        if (repId != null) {
            return repInTeam(repId, team);
        }
        if (command instanceof OpenDealCommand c) {
            return repInTeam(c.ownerRepId(), team);
        }
        String dealId = dealOf(command);
        if (dealId != null) {
            return deal(dealId).map(d -> d.invoke(Deal::ownerRepId)).map(owner -> repInTeam(owner, team)).orElse(false);
        }
        return false;
    }

    /**
     * A MANAGER and the contest and recognition commands: {@code null} if the command is none of them. A contest is
     * their team's if their team organises it; a launch must be organised by their team with only their team and its
     * reps taking part.
     */
    private Boolean managerMayForContest(String team, Object command) {
        if (command instanceof LaunchContestCommand c) {
            return team.equals(c.organizerTeamId())
                    && c.participantTeamIds().stream().allMatch(team::equals)
                    && c.participantRepIds().stream().allMatch(rep -> repInTeam(rep, team));
        }
        if (command instanceof AddContestParticipantCommand c) {
            boolean participantOfTeam = c.repId() != null ? repInTeam(c.repId(), team) : team.equals(c.teamId());
            return participantOfTeam && contestOfTeam(c.contestId(), team);
        }
        if (command instanceof RemoveContestParticipantCommand c) {
            return contestOfTeam(c.contestId(), team);
        }
        if (command instanceof CancelContestCommand c) {
            return contestOfTeam(c.contestId(), team);
        }
        if (command instanceof CloseContestCommand c) {
            return contestOfTeam(c.contestId(), team);
        }
        if (command instanceof AwardContestPrizeCommand c) {
            return contestOfTeam(c.contestId(), team);
        }
        if (command instanceof GrantRecognitionCommand c) {
            return repInTeam(c.repId(), team);
        }
        if (command instanceof RevokeRecognitionCommand c) {
            return recognitionRep(c.recognitionId()).map(rep -> repInTeam(rep, team)).orElse(false);
        }
        return null;
    }

    private boolean contestOfTeam(String contestId, String team) {
        try {
            return team.equals(contests.load(contestId).invoke(Contest::organizerTeamId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return false;
        }
    }

    private Optional<String> recognitionRep(String recognitionId) {
        try {
            return Optional.ofNullable(recognitions.load(recognitionId).invoke(Recognition::repId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }

    private boolean repMay(Actor actor, Object command) {
        String self = actor.repId();
        if (self == null) {
            return false;
        }
        if (command instanceof LogVisitCommand c) {
            return self.equals(c.repId());
        }
        if (command instanceof LogCallCommand c) {
            return self.equals(c.repId());
        }
        if (command instanceof LogProposalCommand c) {
            return self.equals(c.repId());
        }
        if (command instanceof OpenDealCommand c) {
            return self.equals(c.ownerRepId());
        }
        if (command instanceof SubmitStatementCommand c) {
            return self.equals(statementRep(c.statementId()));
        }
        if (command instanceof DisputeStatementLineCommand c) {
            return self.equals(c.repId()) && self.equals(statementRep(c.statementId()));
        }
        if (command instanceof SplitDealCreditCommand c) {
            return deal(c.dealId()).map(d -> self.equals(d.invoke(Deal::ownerRepId))).orElse(false);
        }
        String dealId = dealOf(command);
        if (dealId != null) {
            return deal(dealId).map(d -> d.invoke(x -> x.involves(self))).orElse(false);
        }
        return false;
    }

    /** The rep a rep-scoped command is about (employment, targets, activities), or {@code null}. */
    private static String repOf(Object command) {
        if (command instanceof TransferRepCommand c) {
            return c.repId();
        }
        if (command instanceof OffboardRepCommand c) {
            return c.repId();
        }
        if (command instanceof AssignRepTargetCommand c) {
            return c.repId();
        }
        if (command instanceof ReviseRepTargetCommand c) {
            return c.repId();
        }
        if (command instanceof LogVisitCommand c) {
            return c.repId();
        }
        if (command instanceof LogCallCommand c) {
            return c.repId();
        }
        if (command instanceof LogProposalCommand c) {
            return c.repId();
        }
        return null;
    }

    /** The deal a command changes, or {@code null}. */
    private static String dealOf(Object command) {
        if (command instanceof AdvanceDealCommand c) {
            return c.dealId();
        }
        if (command instanceof ReopenDealCommand c) {
            return c.dealId();
        }
        if (command instanceof ChangeDealAmountCommand c) {
            return c.dealId();
        }
        if (command instanceof SplitDealCreditCommand c) {
            return c.dealId();
        }
        return null;
    }

    /** The rep of {@code statement:<repId>:<period>} (a rep id may contain ':'; the period cannot), or {@code null}. */
    static String statementRep(String statementId) {
        String prefix = "statement:";
        int last = statementId == null ? -1 : statementId.lastIndexOf(':');
        if (last <= prefix.length() || !statementId.startsWith(prefix)) {
            return null;
        }
        return statementId.substring(prefix.length(), last);
    }

    private boolean statementOfTeam(String statementId, String teamId) {
        String rep = statementRep(statementId);
        return rep != null && repInTeam(rep, teamId);
    }

    private boolean repInTeam(String repId, String teamId) {
        try {
            Aggregate<Rep> rep = reps.load(repId);
            return rep.invoke(r -> r.belongsToTeam(teamId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return false;
        }
    }

    /** The claims of a channel conflict; none if the customer or the conflict does not exist. */
    private List<ChannelClaim> conflictClaims(String customerChannelId, String conflictId) {
        try {
            return customerChannels.load(customerChannelId).invoke(c -> c.claimsOf(conflictId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return List.of();
        }
    }

    private Optional<Aggregate<Deal>> deal(String dealId) {
        try {
            return Optional.of(deals.load(dealId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }

    private static String refusal(Actor actor, Object command) {
        String name = command.getClass().getSimpleName().replace("Command", "");
        if (actor.has(AttainRole.MANAGER)) {
            return "A MANAGER may send " + name + " only for the reps (and their deals and channel conflicts) and the "
                    + "contests of their own team";
        }
        if (actor.has(AttainRole.REP)) {
            return "A REP may send " + name + " only for their own activities and the deals they own or share";
        }
        if (actor.has(AttainRole.FINANCE)) {
            return "FINANCE may send " + name + " only for plans, exchange rates, partners and statements";
        }
        return "Your role may not send " + name;
    }
}
