package io.attain.command.authorization;

import io.attain.command.domain.InMemoryAggregates;
import io.attain.command.domain.contest.Contest;
import io.attain.command.domain.contest.Recognition;
import io.attain.command.domain.deal.Deal;
import io.attain.kernel.contest.AddContestParticipantCommand;
import io.attain.kernel.contest.AwardContestPrizeCommand;
import io.attain.kernel.contest.CancelContestCommand;
import io.attain.kernel.contest.CloseContestCommand;
import io.attain.kernel.contest.ContestLaunchedEvent;
import io.attain.kernel.contest.ContestPrize;
import io.attain.kernel.contest.GrantRecognitionCommand;
import io.attain.kernel.contest.LaunchContestCommand;
import io.attain.kernel.contest.RecognitionGrantedEvent;
import io.attain.kernel.contest.RemoveContestParticipantCommand;
import io.attain.kernel.contest.RevokeRecognitionCommand;
import io.attain.command.domain.organisation.Rep;
import io.attain.kernel.activity.LogCallCommand;
import io.attain.kernel.activity.LogProposalCommand;
import io.attain.kernel.activity.LogVisitCommand;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.AdvanceDealCommand;
import io.attain.kernel.deal.ChangeDealAmountCommand;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.deal.ReopenDealCommand;
import io.attain.kernel.deal.SplitDealCreditCommand;
import io.attain.kernel.organisation.CreateRegionCommand;
import io.attain.kernel.organisation.CreateTeamCommand;
import io.attain.kernel.organisation.OffboardRepCommand;
import io.attain.kernel.organisation.OnboardRepCommand;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TransferRepCommand;
import io.attain.kernel.product.RegisterProductLineCommand;
import io.attain.kernel.target.AssignRepTargetCommand;
import io.attain.kernel.target.AssignTeamTargetCommand;
import io.attain.platform.security.AttainRole;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may send what. Team east: Anna and Boris (Boris transferred in from west); team west: Carl.
 * Deals: Anna's, Boris's, Boris's shared with Anna, Carl's.
 */
class CommandAuthorizationTest {

    private static final Instant AT = Instant.parse("2017-01-02T09:00:00Z");
    private static final LocalDate HIRED = LocalDate.of(2016, 1, 4);
    private static final Money EUR = Money.of("100", "EUR");

    private static final Actor ADMIN = new Actor("admin", Set.of(AttainRole.ADMIN), null, null);
    private static final Actor MANAGER_EAST = new Actor("cara", Set.of(AttainRole.MANAGER), "cara", "east");
    private static final Actor MANAGER_NO_TEAM = new Actor("nomad", Set.of(AttainRole.MANAGER), "nomad", null);
    private static final Actor ANNA = new Actor("anna", Set.of(AttainRole.REP), "anna", "east");
    private static final Actor FINANCE = new Actor("fin", Set.of(AttainRole.FINANCE), null, null);
    private static final Actor AUDITOR = new Actor("aud", Set.of(AttainRole.AUDITOR), null, null);
    private static final Actor INTEGRATOR = new Actor("int", Set.of(AttainRole.INTEGRATOR), null, null);
    private static final Actor NO_ROLE = new Actor("nobody", Set.of(), "nobody", "east");

    private final CommandAuthorization authorization = new CommandAuthorization(reps(), deals(), customerChannels(),
            contests(), recognitions(), customers());

    /** Customers: "globex" is a key account of Anna (east), "initech" of Carl (west), "acme" is none. */
    private static org.axonframework.modelling.command.Repository<io.attain.command.domain.customer.Customer>
    customers() {
        return InMemoryAggregates.of(io.attain.command.domain.customer.Customer.class)
                .given("globex", registered("globex"),
                        new io.attain.kernel.customer.KeyAccountDesignatedEvent("globex", "anna", HIRED, AT))
                .given("initech", registered("initech"),
                        new io.attain.kernel.customer.KeyAccountDesignatedEvent("initech", "carl", HIRED, AT))
                .given("acme", registered("acme"))
                .repository();
    }

    private static io.attain.kernel.customer.CustomerRegisteredEvent registered(String id) {
        return new io.attain.kernel.customer.CustomerRegisteredEvent(id, id, null, null, null, null, null, AT);
    }

    /** Customers: command, and whether MANAGER (east) may send it; ADMIN may, REP, FINANCE and readers may not. */
    static Stream<Arguments> customerCommands() {
        return Stream.of(
                Arguments.of(new io.attain.kernel.customer.RegisterCustomerCommand("new", "New", null, null, null,
                        null, null, null), true),
                Arguments.of(new io.attain.kernel.customer.UpdateCustomerProfileCommand("initech", null, "retail",
                        null, null, null, null, null), true),
                Arguments.of(new io.attain.kernel.customer.DesignateKeyAccountCommand("acme", "anna", HIRED, null),
                        true),
                Arguments.of(new io.attain.kernel.customer.DesignateKeyAccountCommand("acme", "carl", HIRED, null),
                        false),
                Arguments.of(new io.attain.kernel.customer.DesignateKeyAccountCommand("acme", "ghost", HIRED, null),
                        false),
                Arguments.of(new io.attain.kernel.customer.RevokeKeyAccountCommand("globex", HIRED, null, null), true),
                Arguments.of(new io.attain.kernel.customer.RevokeKeyAccountCommand("initech", HIRED, null, null),
                        false),
                Arguments.of(new io.attain.kernel.customer.RevokeKeyAccountCommand("acme", HIRED, null, null), false),
                Arguments.of(new io.attain.kernel.customer.RevokeKeyAccountCommand("ghost", HIRED, null, null),
                        false));
    }

    @ParameterizedTest(name = "{0}: manager {1}")
    @MethodSource("customerCommands")
    void customersAreAdminsAndManagersKeyAccountsOfTheManagersTeam(Object command, boolean manager)
            throws Exception {
        assertThat(allowed(ADMIN, command)).as("ADMIN").isTrue();
        assertThat(allowed(MANAGER_EAST, command)).as("MANAGER").isEqualTo(manager);
        assertThat(allowed(MANAGER_NO_TEAM, command)).as("MANAGER without team").isFalse();
        for (Actor other : List.of(ANNA, FINANCE, AUDITOR, INTEGRATOR, NO_ROLE)) {
            assertThat(allowed(other, command)).as(other.roles().toString()).isFalse();
        }
    }

    /** Globex: Anna's partner deal and Carl's direct deal conflict. */
    private static org.axonframework.modelling.command.Repository<io.attain.command.domain.channel.CustomerChannel>
    customerChannels() {
        var acme = new io.attain.kernel.channel.ChannelClaim("d-globex-1", Channel.DISTRIBUTOR, "acme", "anna");
        var direct = new io.attain.kernel.channel.ChannelClaim("d-globex-2", Channel.DIRECT, null, "carl");
        String id = io.attain.kernel.channel.ChannelIds.customerChannelId("Globex");
        String conflict = io.attain.kernel.channel.ChannelIds.conflictId("Globex", 1);
        return InMemoryAggregates.of(io.attain.command.domain.channel.CustomerChannel.class)
                .given(id, new io.attain.kernel.channel.CustomerClaimedEvent(id, "Globex", acme, null, AT),
                        new io.attain.kernel.channel.CustomerClaimedEvent(id, "Globex", direct, conflict, AT),
                        new io.attain.kernel.channel.ChannelConflictRaisedEvent(conflict, id, "Globex",
                                List.of(acme, direct), AT))
                .repository();
    }

    private static org.axonframework.modelling.command.Repository<Contest> contests() {
        return InMemoryAggregates.of(Contest.class)
                .given("c-east", contest("c-east", "east"))
                .given("c-west", contest("c-west", "west"))
                .given("c-all", contest("c-all", null))
                .repository();
    }

    private static ContestLaunchedEvent contest(String id, String organizer) {
        return new ContestLaunchedEvent(id, id, organizer, "x", HIRED, HIRED.plusDays(30), Metric.DEALS_WON, null,
                List.of("anna"), List.of(), List.of(new ContestPrize(1, null, "Star")), AT);
    }

    private static org.axonframework.modelling.command.Repository<Recognition> recognitions() {
        return InMemoryAggregates.of(Recognition.class)
                .given("r-anna", new RecognitionGrantedEvent("r-anna", "anna", "Star", "why", "x", AT))
                .given("r-carl", new RecognitionGrantedEvent("r-carl", "carl", "Star", "why", "x", AT))
                .repository();
    }

    private static org.axonframework.modelling.command.Repository<Rep> reps() {
        return InMemoryAggregates.of(Rep.class)
                .given("anna", onboarded("anna", "east"))
                .given("boris", onboarded("boris", "west"),
                        new RepTransferredEvent("boris", "west", "m", "east", "cara", LocalDate.of(2016, 6, 1), AT))
                .given("carl", onboarded("carl", "west"))
                .repository();
    }

    private static org.axonframework.modelling.command.Repository<Deal> deals() {
        return InMemoryAggregates.of(Deal.class)
                .given("d-anna", opened("d-anna", "anna"))
                .given("d-boris", opened("d-boris", "boris"))
                .given("d-shared", opened("d-shared", "boris"), new DealCreditSplitEvent("d-shared",
                        List.of(new CreditShare("boris", BigDecimal.valueOf(50)), new CreditShare("anna", BigDecimal.valueOf(50))), AT))
                .given("d-carl", opened("d-carl", "carl"))
                .repository();
    }

    private static RepOnboardedEvent onboarded(String rep, String team) {
        return new RepOnboardedEvent(rep, rep, Role.SALES_REP, team, "m", HIRED, AT);
    }

    private static DealOpenedEvent opened(String deal, String owner) {
        return new DealOpenedEvent(deal, owner, "Acme", "GTX", Channel.DIRECT, null, EUR, null, Stage.LEAD, AT);
    }

    private static Object visit(String rep) {
        return new LogVisitCommand(rep, "a", "Acme", "demo", "ok", null);
    }

    private static Object open(String owner) {
        return new OpenDealCommand("d-new", owner, "Acme", "GTX", Channel.DIRECT, null, EUR, null, null, null);
    }

    private static Object advance(String deal) {
        return new AdvanceDealCommand(deal, Stage.QUALIFIED, null, null, null);
    }

    private static Object split(String deal) {
        return new SplitDealCreditCommand(deal, List.of(new CreditShare("anna", BigDecimal.valueOf(100))), null);
    }

    /** command, MANAGER (east) allowed, REP (Anna) allowed. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(new CreateRegionCommand("r", "R", "m", null), false, false),
                Arguments.of(new CreateTeamCommand("t", "T", "r", "m", null), false, false),
                Arguments.of(new RegisterProductLineCommand("p", "S", EUR, null), false, false),
                Arguments.of(new AssignTeamTargetCommand("east", "t", Period.parse("2017"), Metric.VISITS, null, BigDecimal.TEN, null, null), false, false),
                Arguments.of(new OnboardRepCommand("new", "N", Role.SALES_REP, "east", "cara", HIRED, null), true, false),
                Arguments.of(new OnboardRepCommand("new", "N", Role.SALES_REP, "west", "m", HIRED, null), false, false),
                Arguments.of(new TransferRepCommand("boris", "west", "m", LocalDate.of(2017, 1, 1), null), true, false),
                Arguments.of(new TransferRepCommand("carl", "east", "cara", LocalDate.of(2017, 1, 1), null), false, false),
                Arguments.of(new OffboardRepCommand("anna", LocalDate.of(2017, 1, 1), null), true, false),
                Arguments.of(new AssignRepTargetCommand("anna", "t", Period.parse("2017-05"), Metric.VISITS, null, BigDecimal.TEN, null, null), true, false),
                Arguments.of(new AssignRepTargetCommand("carl", "t", Period.parse("2017-05"), Metric.VISITS, null, BigDecimal.TEN, null, null), false, false),
                Arguments.of(visit("anna"), true, true),
                Arguments.of(new LogCallCommand("boris", "a", "Acme", "p", "o", null), true, false),
                Arguments.of(new LogProposalCommand("carl", "a", "Acme", "GTX", null, null, null), false, false),
                Arguments.of(visit("ghost"), false, false),
                Arguments.of(open("anna"), true, true),
                Arguments.of(open("boris"), true, false),
                Arguments.of(open("carl"), false, false),
                Arguments.of(advance("d-anna"), true, true),
                Arguments.of(advance("d-boris"), true, false),
                Arguments.of(advance("d-shared"), true, true),
                Arguments.of(advance("d-carl"), false, false),
                Arguments.of(advance("d-ghost"), false, false),
                Arguments.of(new ReopenDealCommand("d-shared", null, "back", null), true, true),
                Arguments.of(new ChangeDealAmountCommand("d-shared", EUR, null), true, true),
                Arguments.of(split("d-anna"), true, true),
                Arguments.of(split("d-shared"), true, false),
                Arguments.of(split("d-carl"), false, false));
    }

    private boolean allowed(Actor actor, Object command) throws Exception {
        return InMemoryAggregates.inUnitOfWork(() -> {
            try {
                authorization.authorize(actor, command);
                return true;
            } catch (CommandForbiddenException e) {
                return false;
            }
        });
    }

    @ParameterizedTest(name = "{0}: manager {1}, rep {2}")
    @MethodSource("commands")
    void eachRoleMaySendWhatItsRuleAllows(Object command, boolean manager, boolean rep) throws Exception {
        assertThat(allowed(ADMIN, command)).as("ADMIN").isTrue();
        assertThat(allowed(MANAGER_EAST, command)).as("MANAGER").isEqualTo(manager);
        assertThat(allowed(ANNA, command)).as("REP").isEqualTo(rep);
        assertThat(allowed(MANAGER_NO_TEAM, command)).as("MANAGER without team").isFalse();
        for (Actor reader : List.of(FINANCE, AUDITOR, INTEGRATOR, NO_ROLE)) {
            assertThat(allowed(reader, command)).as(reader.roles().toString()).isFalse();
        }
    }

    private static Object launch(String organizer, List<String> reps, List<String> teams) {
        return new LaunchContestCommand("c-new", "N", organizer, "cara", HIRED, HIRED.plusDays(30), Metric.DEALS_WON,
                null, reps, teams, List.of(), null);
    }

    /**
     * Contests and recognition: command, MANAGER (east) allowed. ADMIN may send all; REP, FINANCE, AUDITOR,
     * INTEGRATOR none. Contests: c-east (organised by east), c-west, c-all (company-wide); recognitions of anna and carl.
     */
    static Stream<Arguments> contestCommands() {
        return Stream.of(
                Arguments.of(launch("east", List.of("anna", "boris"), List.of("east")), true),
                Arguments.of(launch("east", List.of("anna", "carl"), List.of()), false),
                Arguments.of(launch("east", List.of(), List.of("west")), false),
                Arguments.of(launch("east", List.of("ghost"), List.of()), false),
                Arguments.of(launch("west", List.of("anna"), List.of()), false),
                Arguments.of(launch(null, List.of("anna"), List.of()), false),
                Arguments.of(new AddContestParticipantCommand("c-east", "boris", null, null), true),
                Arguments.of(new AddContestParticipantCommand("c-east", null, "east", null), true),
                Arguments.of(new AddContestParticipantCommand("c-east", "carl", null, null), false),
                Arguments.of(new AddContestParticipantCommand("c-east", null, "west", null), false),
                Arguments.of(new AddContestParticipantCommand("c-west", "boris", null, null), false),
                Arguments.of(new RemoveContestParticipantCommand("c-east", "anna", null, "why", null), true),
                Arguments.of(new RemoveContestParticipantCommand("c-all", "anna", null, "why", null), false),
                Arguments.of(new CancelContestCommand("c-east", "cara", "why", null), true),
                Arguments.of(new CancelContestCommand("c-west", "cara", "why", null), false),
                Arguments.of(new CloseContestCommand("c-east", "cara", null), true),
                Arguments.of(new CloseContestCommand("c-all", "cara", null), false),
                Arguments.of(new AwardContestPrizeCommand("c-east", 1, "anna", "cara", null), true),
                Arguments.of(new AwardContestPrizeCommand("c-west", 1, "carl", "cara", null), false),
                Arguments.of(new AwardContestPrizeCommand("c-ghost", 1, "anna", "cara", null), false),
                Arguments.of(new GrantRecognitionCommand("r-new", "anna", "Star", "why", "cara", null), true),
                Arguments.of(new GrantRecognitionCommand("r-new", "carl", "Star", "why", "cara", null), false),
                Arguments.of(new RevokeRecognitionCommand("r-anna", "why", "cara", null), true),
                Arguments.of(new RevokeRecognitionCommand("r-carl", "why", "cara", null), false),
                Arguments.of(new RevokeRecognitionCommand("r-ghost", "why", "cara", null), false));
    }

    @ParameterizedTest(name = "{0}: manager {1}")
    @MethodSource("contestCommands")
    void contestsAreTheirTeamManagersAndAdmins(Object command, boolean manager) throws Exception {
        assertThat(allowed(ADMIN, command)).as("ADMIN").isTrue();
        assertThat(allowed(MANAGER_EAST, command)).as("MANAGER").isEqualTo(manager);
        assertThat(allowed(MANAGER_NO_TEAM, command)).as("MANAGER without team").isFalse();
        for (Actor other : List.of(ANNA, FINANCE, AUDITOR, INTEGRATOR, NO_ROLE)) {
            assertThat(allowed(other, command)).as(other.roles().toString()).isFalse();
        }
    }

    @Test
    void aManagerWhoIsAlsoARepHasTheRightsOfBoth() throws Exception {
        Actor both = new Actor("carl", Set.of(AttainRole.MANAGER, AttainRole.REP), "carl", "east");
        assertThat(allowed(both, visit("carl"))).isTrue();   // as REP: own activity
        assertThat(allowed(both, visit("anna"))).isTrue();   // as MANAGER: a rep of the team
        assertThat(allowed(both, advance("d-carl"))).isTrue();
    }

    /** Compensation: command, and whether ADMIN, MANAGER (east), REP (Anna) and FINANCE may send it. */
    static Stream<Arguments> compensationCommands() {
        String anna = "statement:anna:2017-Q2";
        String carl = "statement:carl:2017-Q2";
        return Stream.of(
                Arguments.of(new io.attain.kernel.compensation.CreatePlanCommand("p", "P", null), true, false, false, true),
                Arguments.of(new io.attain.kernel.compensation.AssignPlanCommand("p", "anna", null, HIRED, null), true, false, false, true),
                Arguments.of(new io.attain.kernel.compensation.RecordExchangeRateCommand("fx:EUR-USD", "EUR", "USD",
                        BigDecimal.ONE, HIRED, null), true, false, false, true),
                Arguments.of(new io.attain.kernel.cost.RecordSalesCostCommand("cost-1",
                        io.attain.kernel.common.Period.parse("2017-Q2"), io.attain.kernel.cost.CostCategory.MARKETING,
                        null, "east", EUR, null), true, false, false, true),
                Arguments.of(new io.attain.kernel.cost.CorrectSalesCostCommand("cost-1", EUR, "credit note", null),
                        true, false, false, true),
                Arguments.of(new io.attain.kernel.compensation.SubmitStatementCommand(anna, "x", null), true, true, true, true),
                Arguments.of(new io.attain.kernel.compensation.SubmitStatementCommand(carl, "x", null), true, false, false, true),
                Arguments.of(new io.attain.kernel.compensation.LockStatementCommand(anna, "x", null), true, false, false, true),
                Arguments.of(new io.attain.kernel.compensation.PayCommissionCommand(anna, "b", EUR, HIRED, null), true, false, false, true),
                Arguments.of(new io.attain.kernel.compensation.DisputeStatementLineCommand(anna, "d", "anna", "l", "r", null), true, false, true, false),
                Arguments.of(new io.attain.kernel.compensation.DisputeStatementLineCommand(carl, "d", "carl", "l", "r", null), true, false, false, false),
                Arguments.of(new io.attain.kernel.compensation.ResolveDisputeCommand(anna, "d", "x", false, null, "no", null), true, true, false, false),
                Arguments.of(new io.attain.kernel.compensation.ResolveDisputeCommand(carl, "d", "x", false, null, "no", null), true, false, false, false));
    }

    @ParameterizedTest(name = "{0}: admin {1}, manager {2}, rep {3}, finance {4}")
    @MethodSource("compensationCommands")
    void compensationCommandsFollowTheirRoles(Object command, boolean admin, boolean manager, boolean rep,
                                              boolean finance) throws Exception {
        assertThat(allowed(ADMIN, command)).as("ADMIN").isEqualTo(admin);
        assertThat(allowed(MANAGER_EAST, command)).as("MANAGER").isEqualTo(manager);
        assertThat(allowed(ANNA, command)).as("REP").isEqualTo(rep);
        assertThat(allowed(FINANCE, command)).as("FINANCE").isEqualTo(finance);
        assertThat(allowed(AUDITOR, command)).as("AUDITOR").isFalse();
    }

    /** Channel partners: command, and whether ADMIN, MANAGER (east), REP (Anna) and FINANCE may send it. */
    static Stream<Arguments> channelCommands() {
        String globex = io.attain.kernel.channel.ChannelIds.customerChannelId("Globex");
        String conflict = io.attain.kernel.channel.ChannelIds.conflictId("Globex", 1);
        return Stream.of(
                Arguments.of(new io.attain.kernel.channel.RegisterPartnerCommand("acme", "Acme",
                        io.attain.kernel.channel.PartnerKind.DISTRIBUTOR, null), true, false, false, true),
                Arguments.of(new io.attain.kernel.channel.PublishAgreementVersionCommand("acme",
                        new io.attain.kernel.channel.AgreementTerms(HIRED, "EUR", io.attain.kernel.common.PeriodUnit.QUARTER,
                                List.of()), null), true, false, false, true),
                // Cara (east) manages Anna, the owner of the partner deal; she resolves in her own name only
                Arguments.of(new io.attain.kernel.channel.ResolveChannelConflictCommand(globex, conflict, "d-globex-1",
                        "cara", "why", null), true, true, false, false),
                Arguments.of(new io.attain.kernel.channel.ResolveChannelConflictCommand(globex, conflict, "d-globex-1",
                        "someone-else", "why", null), true, false, false, false),
                Arguments.of(new io.attain.kernel.channel.ResolveChannelConflictCommand(globex,
                        io.attain.kernel.channel.ChannelIds.conflictId("Globex", 9), "d-globex-1", "cara", "why", null),
                        true, false, false, false),
                Arguments.of(new io.attain.kernel.channel.ResolveChannelConflictCommand(
                        io.attain.kernel.channel.ChannelIds.customerChannelId("Nobody"), conflict, "d-globex-1",
                        "cara", "why", null), true, false, false, false));
    }

    @ParameterizedTest(name = "{0}: admin {1}, manager {2}, rep {3}, finance {4}")
    @MethodSource("channelCommands")
    void channelCommandsFollowTheirRoles(Object command, boolean admin, boolean manager, boolean rep,
                                         boolean finance) throws Exception {
        assertThat(allowed(ADMIN, command)).as("ADMIN").isEqualTo(admin);
        assertThat(allowed(MANAGER_EAST, command)).as("MANAGER").isEqualTo(manager);
        assertThat(allowed(ANNA, command)).as("REP").isEqualTo(rep);
        assertThat(allowed(FINANCE, command)).as("FINANCE").isEqualTo(finance);
        assertThat(allowed(AUDITOR, command)).as("AUDITOR").isFalse();
        assertThat(allowed(new Actor("cara", Set.of(AttainRole.MANAGER), "cara", "west"), command))
                .as("a manager of a team without a claiming deal's owner")
                .isEqualTo(command instanceof io.attain.kernel.channel.ResolveChannelConflictCommand c
                        && c.resolvedBy().equals("cara") && c.conflictId().startsWith("conflict:1:")
                        && c.customerChannelId().endsWith("Globex"));
    }

    @Test
    void anApprovalIsFinancesOrTheTeamManagersInTheirOwnNameAndNeverTheReps() throws Exception {
        var approverRole = io.attain.kernel.compensation.ApproverRole.class;
        java.util.function.BiFunction<String, String, Object> approve = (approver, role) ->
                new io.attain.kernel.compensation.ApproveStatementCommand("statement:anna:2017-Q2", approver,
                        Enum.valueOf(approverRole, role), null);
        assertThat(allowed(FINANCE, approve.apply("fin", "FINANCE"))).isTrue();
        assertThat(allowed(FINANCE, approve.apply("someone-else", "FINANCE"))).isFalse();
        assertThat(allowed(MANAGER_EAST, approve.apply("cara", "MANAGER"))).isTrue();
        assertThat(allowed(MANAGER_EAST, approve.apply("cara", "FINANCE"))).isFalse();
        assertThat(allowed(ANNA, approve.apply("anna", "MANAGER"))).isFalse();
        assertThat(allowed(new Actor("anna", Set.of(AttainRole.MANAGER), "anna", "east"), approve.apply("anna", "MANAGER")))
                .as("the rep, even as a manager of the team").isFalse();
        assertThat(allowed(ADMIN, approve.apply("admin", "FINANCE"))).isFalse();
        assertThat(allowed(new Actor("cara", Set.of(AttainRole.MANAGER), "cara", "west"),
                new io.attain.kernel.compensation.ApproveStatementCommand("statement:anna:2017-Q2", "cara",
                        io.attain.kernel.compensation.ApproverRole.MANAGER, null))).as("another team's manager").isFalse();
        assertThat(CommandAuthorization.statementRep("statement:a:b:2017-Q2")).isEqualTo("a:b");
    }

    @Test
    void theRefusalSaysWhy() throws Exception {
        assertThatThrownBy(() -> InMemoryAggregates.inUnitOfWork(() -> {
            authorization.authorize(ANNA, advance("d-boris"));
            return null;
        })).isInstanceOf(CommandForbiddenException.class)
                .hasMessage("A REP may send AdvanceDeal only for their own activities and the deals they own or share");
    }

    @Test
    void commandsWithoutActorAreTheApplicationsOwnAndPass() throws Exception {
        var message = GenericCommandMessage.asCommandMessage(new CreateRegionCommand("r", "R", "m", null));
        assertThat(Actor.from(message.getMetaData())).isEmpty();
        assertThatCode(() -> InMemoryAggregates.inUnitOfWork(() -> {
            org.axonframework.messaging.unitofwork.DefaultUnitOfWork<?> uow =
                    org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(message);
            try {
                return authorization.handle((org.axonframework.messaging.unitofwork.UnitOfWork) uow, () -> "handled");
            } finally {
                uow.rollback();
            }
        })).doesNotThrowAnyException();
    }

    @Test
    void theActorTravelsAsMetadataWithoutCredentials() {
        MetaData metaData = MetaData.from(MANAGER_EAST.toMetaData());
        assertThat(metaData).containsOnlyKeys(Actor.PRINCIPAL, Actor.ROLES, Actor.REP_ID, Actor.TEAM_ID);
        assertThat(Actor.from(metaData)).contains(MANAGER_EAST);
        assertThat(Actor.from(MetaData.from(ADMIN.toMetaData()))).contains(ADMIN);
    }
}
