package io.attain.command.authorization;

import io.attain.command.domain.channel.CustomerChannel;
import io.attain.command.domain.contest.Contest;
import io.attain.command.domain.contest.Recognition;
import io.attain.command.domain.customer.Customer;
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
import io.attain.kernel.cost.CorrectSalesCostCommand;
import io.attain.kernel.cost.RecordSalesCostCommand;
import io.attain.kernel.customer.DesignateKeyAccountCommand;
import io.attain.kernel.customer.RegisterCustomerCommand;
import io.attain.kernel.customer.RevokeKeyAccountCommand;
import io.attain.kernel.customer.UpdateCustomerProfileCommand;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
 *     revoke it from, their team's reps. Customers (company-wide accounts): register any and update any
 *     customer's profile; designate a key account owned by a rep of their team, and revoke a key account whose
 *     owner is a rep of their team ({@link Customer#keyAccountOwnerRepId}). Not: regions, teams, team targets, product lines, plans, exchange rates,
 *     sales costs, partners, company-wide contests.</li>
 *     <li>REP: log their own activities; open deals they own; move, reopen and re-price deals they
 *     own or share in a credit split ({@link Deal#involves}); split the credit of deals they own;
 *     submit their own statement and dispute its lines. Never approve.</li>
 *     <li>FINANCE: plans (create, publish versions, assign), exchange rates, sales and marketing costs (record,
 *     correct), channel partners (register,
 *     sign agreement versions), and statements: submit, approve (as FINANCE), lock, pay.</li>
 *     <li>AUDITOR, INTEGRATOR: no command.</li>
 * </ul>
 *
 * <p>The rules are one table, built in the constructor: one {@code policy(Command.class)} per command naming the
 * roles besides ADMIN that may send it and the condition for each; a command without a policy is ADMIN's alone.
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
    private final Repository<Customer> customers;
    /** The one place that says, per command, which role may send it and when; ADMIN may send every command. */
    private final Map<Class<?>, Policy<?>> policies = new HashMap<>();

    public CommandAuthorization(Repository<Rep> reps, Repository<Deal> deals,
                                Repository<CustomerChannel> customerChannels, Repository<Contest> contests,
                                Repository<Recognition> recognitions, Repository<Customer> customers) {
        this.reps = reps;
        this.deals = deals;
        this.customerChannels = customerChannels;
        this.contests = contests;
        this.recognitions = recognitions;
        this.customers = customers;

        // organisation: a MANAGER for the reps of their team
        policy(OnboardRepCommand.class).manager((team, actor, c) -> team.equals(c.teamId()));
        policy(TransferRepCommand.class).manager(repOfTeam(TransferRepCommand::repId));
        policy(OffboardRepCommand.class).manager(repOfTeam(OffboardRepCommand::repId));
        // rep targets
        policy(AssignRepTargetCommand.class).manager(repOfTeam(AssignRepTargetCommand::repId));
        policy(ReviseRepTargetCommand.class).manager(repOfTeam(ReviseRepTargetCommand::repId));
        // activities: their team's reps, or their own
        policy(LogVisitCommand.class).manager(repOfTeam(LogVisitCommand::repId)).rep(self(LogVisitCommand::repId));
        policy(LogCallCommand.class).manager(repOfTeam(LogCallCommand::repId)).rep(self(LogCallCommand::repId));
        policy(LogProposalCommand.class).manager(repOfTeam(LogProposalCommand::repId))
                                        .rep(self(LogProposalCommand::repId));
        // deals: owned by their team's reps; a REP's own, or shared in a credit split
        policy(OpenDealCommand.class).manager(repOfTeam(OpenDealCommand::ownerRepId))
                                     .rep(self(OpenDealCommand::ownerRepId));
        policy(AdvanceDealCommand.class).manager(dealOfTeam(AdvanceDealCommand::dealId))
                                        .rep(dealInvolving(AdvanceDealCommand::dealId));
        policy(ReopenDealCommand.class).manager(dealOfTeam(ReopenDealCommand::dealId))
                                       .rep(dealInvolving(ReopenDealCommand::dealId));
        policy(ChangeDealAmountCommand.class).manager(dealOfTeam(ChangeDealAmountCommand::dealId))
                                             .rep(dealInvolving(ChangeDealAmountCommand::dealId));
        policy(SplitDealCreditCommand.class).manager(dealOfTeam(SplitDealCreditCommand::dealId))
                                            .rep((self, actor, c) -> deal(c.dealId())
                                                    .map(d -> self.equals(d.invoke(Deal::ownerRepId)))
                                                    .orElse(false));
        // compensation: FINANCE's, statements also their team's MANAGER's and the rep's own
        policy(CreatePlanCommand.class).finance();
        policy(PublishPlanVersionCommand.class).finance();
        policy(AssignPlanCommand.class).finance();
        policy(RecordExchangeRateCommand.class).finance();
        policy(RecordSalesCostCommand.class).finance();
        policy(CorrectSalesCostCommand.class).finance();
        policy(LockStatementCommand.class).finance();
        policy(PayCommissionCommand.class).finance();
        policy(SubmitStatementCommand.class).finance()
                .manager((team, actor, c) -> statementOfTeam(c.statementId(), team))
                .rep((self, actor, c) -> self.equals(statementRep(c.statementId())));
        policy(ResolveDisputeCommand.class).manager((team, actor, c) -> statementOfTeam(c.statementId(), team));
        policy(DisputeStatementLineCommand.class)
                .rep((self, actor, c) -> self.equals(c.repId()) && self.equals(statementRep(c.statementId())));
        // channel partners: FINANCE's; a conflict: in the MANAGER's own name, a claiming deal owned in their team
        policy(RegisterPartnerCommand.class).finance();
        policy(PublishAgreementVersionCommand.class).finance();
        policy(ResolveChannelConflictCommand.class).manager((team, actor, c) ->
                actor.principalId().equals(c.resolvedBy())
                        && conflictClaims(c.customerChannelId(), c.conflictId()).stream()
                        .anyMatch(claim -> claim.ownerRepId() != null && repInTeam(claim.ownerRepId(), team)));
        // contests organised by the MANAGER's team (a launch: only their team and its reps taking part)
        policy(LaunchContestCommand.class).manager((team, actor, c) ->
                team.equals(c.organizerTeamId())
                        && c.participantTeamIds().stream().allMatch(team::equals)
                        && c.participantRepIds().stream().allMatch(rep -> repInTeam(rep, team)));
        policy(AddContestParticipantCommand.class).manager((team, actor, c) ->
                (c.repId() != null ? repInTeam(c.repId(), team) : team.equals(c.teamId()))
                        && contestOfTeam(c.contestId(), team));
        policy(RemoveContestParticipantCommand.class)
                .manager((team, actor, c) -> contestOfTeam(c.contestId(), team));
        policy(CancelContestCommand.class).manager((team, actor, c) -> contestOfTeam(c.contestId(), team));
        policy(CloseContestCommand.class).manager((team, actor, c) -> contestOfTeam(c.contestId(), team));
        policy(AwardContestPrizeCommand.class).manager((team, actor, c) -> contestOfTeam(c.contestId(), team));
        policy(GrantRecognitionCommand.class).manager(repOfTeam(GrantRecognitionCommand::repId));
        policy(RevokeRecognitionCommand.class).manager((team, actor, c) ->
                recognitionRep(c.recognitionId()).map(rep -> repInTeam(rep, team)).orElse(false));

        // customers: any MANAGER registers and updates them; key accounts of the manager's team's reps
        policy(RegisterCustomerCommand.class).manager((team, actor, c) -> true);
        policy(UpdateCustomerProfileCommand.class).manager((team, actor, c) -> true);
        policy(DesignateKeyAccountCommand.class).manager(repOfTeam(DesignateKeyAccountCommand::accountOwnerRepId));
        policy(RevokeKeyAccountCommand.class).manager((team, actor, c) ->
                keyAccountOwner(c.customerId()).map(rep -> repInTeam(rep, team)).orElse(false));
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
        Policy<?> policy = policies.get(command.getClass());
        if (policy == null || !policy.allows(actor, command)) {
            throw new CommandForbiddenException(refusal(actor, command));
        }
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

    private <C> Policy<C> policy(Class<C> command) {
        Policy<C> policy = new Policy<>(command);
        if (policies.putIfAbsent(command, policy) != null) {
            throw new IllegalStateException("two policies for " + command.getSimpleName());
        }
        return policy;
    }

    /**
     * A condition of a role: {@code scope} is the MANAGER's team or the REP's own rep id (never null: an actor
     * without one is refused before).
     */
    @FunctionalInterface
    private interface Condition<C> {
        boolean test(String scope, Actor actor, C command);
    }

    /** Who, besides ADMIN, may send one kind of command. */
    private static final class Policy<C> {
        private final Class<C> type;
        private boolean finance;
        private Condition<C> manager;
        private Condition<C> rep;

        private Policy(Class<C> type) {
            this.type = type;
        }

        Policy<C> finance() {
            this.finance = true;
            return this;
        }

        Policy<C> manager(Condition<C> condition) {
            this.manager = condition;
            return this;
        }

        Policy<C> rep(Condition<C> condition) {
            this.rep = condition;
            return this;
        }

        boolean allows(Actor actor, Object message) {
            C command = type.cast(message);
            return finance && actor.has(AttainRole.FINANCE)
                    || manager != null && actor.has(AttainRole.MANAGER) && actor.teamId() != null
                    && manager.test(actor.teamId(), actor, command)
                    || rep != null && actor.has(AttainRole.REP) && actor.repId() != null
                    && rep.test(actor.repId(), actor, command);
        }
    }

    private <C> Condition<C> repOfTeam(Function<C, String> repId) {
        return (team, actor, c) -> repInTeam(repId.apply(c), team);
    }

    private <C> Condition<C> dealOfTeam(Function<C, String> dealId) {
        return (team, actor, c) -> deal(dealId.apply(c))
                .map(d -> d.invoke(Deal::ownerRepId)).map(owner -> repInTeam(owner, team)).orElse(false);
    }

    private static <C> Condition<C> self(Function<C, String> repId) {
        return (self, actor, c) -> self.equals(repId.apply(c));
    }

    private <C> Condition<C> dealInvolving(Function<C, String> dealId) {
        return (self, actor, c) -> deal(dealId.apply(c)).map(d -> d.invoke(x -> x.involves(self))).orElse(false);
    }

    private boolean contestOfTeam(String contestId, String team) {
        try {
            return team.equals(contests.load(contestId).invoke(Contest::organizerTeamId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return false;
        }
    }

    private Optional<String> keyAccountOwner(String customerId) {
        try {
            return Optional.ofNullable(customers.load(customerId).invoke(Customer::keyAccountOwnerRepId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }

    private Optional<String> recognitionRep(String recognitionId) {
        try {
            return Optional.ofNullable(recognitions.load(recognitionId).invoke(Recognition::repId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
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
            return "A MANAGER may send " + name + " only for the reps (and their deals, channel conflicts and key "
                    + "accounts) and the contests of their own team";
        }
        if (actor.has(AttainRole.REP)) {
            return "A REP may send " + name + " only for their own activities and the deals they own or share";
        }
        if (actor.has(AttainRole.FINANCE)) {
            return "FINANCE may send " + name + " only for plans, exchange rates, sales costs, partners and statements";
        }
        return "Your role may not send " + name;
    }
}
