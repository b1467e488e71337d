package io.attain.kernel;

import io.attain.kernel.activity.LogCallCommand;
import io.attain.kernel.activity.LogProposalCommand;
import io.attain.kernel.activity.LogVisitCommand;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
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
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.deal.ReopenDealCommand;
import io.attain.kernel.deal.SplitDealCreditCommand;
import io.attain.kernel.organisation.ChangeTeamManagerCommand;
import io.attain.kernel.organisation.CreateRegionCommand;
import io.attain.kernel.organisation.CreateTeamCommand;
import io.attain.kernel.organisation.OffboardRepCommand;
import io.attain.kernel.organisation.OnboardRepCommand;
import io.attain.kernel.organisation.TransferRepCommand;
import io.attain.kernel.product.RegisterProductLineCommand;
import io.attain.kernel.target.AssignRepTargetCommand;
import io.attain.kernel.target.AssignTeamTargetCommand;
import io.attain.kernel.target.ReviseRepTargetCommand;
import io.attain.kernel.target.ReviseTeamTargetCommand;
import io.attain.kernel.compensation.AccrueCommissionCommand;
import io.attain.kernel.compensation.AdjustCommissionCommand;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.ApproveStatementCommand;
import io.attain.kernel.compensation.AssignPlanCommand;
import io.attain.kernel.compensation.ClawBackCommissionCommand;
import io.attain.kernel.compensation.CreatePlanCommand;
import io.attain.kernel.compensation.DisputeStatementLineCommand;
import io.attain.kernel.compensation.LockStatementCommand;
import io.attain.kernel.compensation.PayCommissionCommand;
import io.attain.kernel.compensation.PublishPlanVersionCommand;
import io.attain.kernel.compensation.RecordExchangeRateCommand;
import io.attain.kernel.compensation.ResolveDisputeCommand;
import io.attain.kernel.compensation.SubmitStatementCommand;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Shape checks in the compact constructors of commands: each failure is an IllegalArgumentException
 * whose message starts with the name of the offending field.
 */
class CommandShapeTest {

    private static final String BLANK = "  ";
    private static final LocalDate DAY = LocalDate.of(2017, 5, 1);
    private static final Money EUR = Money.of("10", "EUR");
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final Period MAY = Period.parse("2017-05");

    static Stream<Arguments> invalidCommands() {
        return Stream.of(
                // organisation
                bad("repId", "must not be blank", () -> new OnboardRepCommand(BLANK, "n", Role.SALES_REP, "t", "m", DAY, null)),
                bad("name", "must not be blank", () -> new OnboardRepCommand("r", null, Role.SALES_REP, "t", "m", DAY, null)),
                bad("role", "is required", () -> new OnboardRepCommand("r", "n", null, "t", "m", DAY, null)),
                bad("teamId", "must not be blank", () -> new OnboardRepCommand("r", "n", Role.SALES_REP, "", "m", DAY, null)),
                bad("managerId", "must not be blank", () -> new OnboardRepCommand("r", "n", Role.SALES_REP, "t", null, DAY, null)),
                bad("hireDate", "is required", () -> new OnboardRepCommand("r", "n", Role.SALES_REP, "t", "m", null, null)),
                bad("repId", "must not be blank", () -> new TransferRepCommand(null, "t", "m", DAY, null)),
                bad("toTeamId", "must not be blank", () -> new TransferRepCommand("r", BLANK, "m", DAY, null)),
                bad("toManagerId", "must not be blank", () -> new TransferRepCommand("r", "t", "", DAY, null)),
                bad("effectiveDate", "is required", () -> new TransferRepCommand("r", "t", "m", null, null)),
                bad("repId", "must not be blank", () -> new OffboardRepCommand("", DAY, null)),
                bad("effectiveDate", "is required", () -> new OffboardRepCommand("r", null, null)),
                bad("regionId", "must not be blank", () -> new CreateRegionCommand(null, "East", "m", null)),
                bad("name", "must not be blank", () -> new CreateRegionCommand("east", BLANK, "m", null)),
                bad("managerId", "must not be blank", () -> new CreateRegionCommand("east", "East", null, null)),
                bad("teamId", "must not be blank", () -> new CreateTeamCommand(BLANK, "n", "east", "m", null)),
                bad("name", "must not be blank", () -> new CreateTeamCommand("t", null, "east", "m", null)),
                bad("regionId", "must not be blank", () -> new CreateTeamCommand("t", "n", "", "m", null)),
                bad("managerId", "must not be blank", () -> new CreateTeamCommand("t", "n", "east", BLANK, null)),
                bad("teamId", "must not be blank", () -> new ChangeTeamManagerCommand(null, "m", null)),
                bad("managerId", "must not be blank", () -> new ChangeTeamManagerCommand("t", "", null)),
                // targets
                bad("repId", "must not be blank", () -> new AssignRepTargetCommand(BLANK, "x", MAY, Metric.VISITS, null, TEN, null, null)),
                bad("targetId", "must not be blank", () -> new AssignRepTargetCommand("r", null, MAY, Metric.VISITS, null, TEN, null, null)),
                bad("period", "is required", () -> new AssignRepTargetCommand("r", "x", null, Metric.VISITS, null, TEN, null, null)),
                bad("metric", "is required", () -> new AssignRepTargetCommand("r", "x", MAY, null, null, TEN, null, null)),
                bad("productLine", "must not be blank when given", () -> new AssignRepTargetCommand("r", "x", MAY, Metric.PRODUCT_REVENUE, "", TEN, "EUR", null)),
                bad("amount", "is required", () -> new AssignRepTargetCommand("r", "x", MAY, Metric.VISITS, null, null, null, null)),
                bad("currency", "must not be blank when given", () -> new AssignRepTargetCommand("r", "x", MAY, Metric.REVENUE, null, TEN, BLANK, null)),
                bad("teamId", "must not be blank", () -> new AssignTeamTargetCommand(null, "x", MAY, Metric.VISITS, null, TEN, null, null)),
                bad("targetId", "must not be blank", () -> new AssignTeamTargetCommand("t", BLANK, MAY, Metric.VISITS, null, TEN, null, null)),
                bad("period", "is required", () -> new AssignTeamTargetCommand("t", "x", null, Metric.VISITS, null, TEN, null, null)),
                bad("metric", "is required", () -> new AssignTeamTargetCommand("t", "x", MAY, null, null, TEN, null, null)),
                bad("productLine", "must not be blank when given", () -> new AssignTeamTargetCommand("t", "x", MAY, Metric.PRODUCT_REVENUE, BLANK, TEN, "EUR", null)),
                bad("amount", "is required", () -> new AssignTeamTargetCommand("t", "x", MAY, Metric.VISITS, null, null, null, null)),
                bad("currency", "must not be blank when given", () -> new AssignTeamTargetCommand("t", "x", MAY, Metric.REVENUE, null, TEN, "", null)),
                bad("repId", "must not be blank", () -> new ReviseRepTargetCommand("", "x", TEN, "why", null)),
                bad("targetId", "must not be blank", () -> new ReviseRepTargetCommand("r", null, TEN, "why", null)),
                bad("amount", "is required", () -> new ReviseRepTargetCommand("r", "x", null, "why", null)),
                bad("reason", "must not be blank", () -> new ReviseRepTargetCommand("r", "x", TEN, BLANK, null)),
                bad("reason", "must not be blank", () -> new ReviseRepTargetCommand("r", "x", TEN, null, null)),
                bad("teamId", "must not be blank", () -> new ReviseTeamTargetCommand(BLANK, "x", TEN, "why", null)),
                bad("targetId", "must not be blank", () -> new ReviseTeamTargetCommand("t", "", TEN, "why", null)),
                bad("amount", "is required", () -> new ReviseTeamTargetCommand("t", "x", null, "why", null)),
                bad("reason", "must not be blank", () -> new ReviseTeamTargetCommand("t", "x", TEN, "", null)),
                // activities
                bad("repId", "must not be blank", () -> new LogVisitCommand(null, "a", "c", "p", "o", null)),
                bad("activityId", "must not be blank", () -> new LogVisitCommand("r", BLANK, "c", "p", "o", null)),
                bad("customer", "must not be blank", () -> new LogVisitCommand("r", "a", "", "p", "o", null)),
                bad("purpose", "must not be blank", () -> new LogVisitCommand("r", "a", "c", null, "o", null)),
                bad("outcome", "must not be blank", () -> new LogVisitCommand("r", "a", "c", "p", BLANK, null)),
                bad("repId", "must not be blank", () -> new LogCallCommand("", "a", "c", "p", "o", null)),
                bad("activityId", "must not be blank", () -> new LogCallCommand("r", null, "c", "p", "o", null)),
                bad("customer", "must not be blank", () -> new LogCallCommand("r", "a", BLANK, "p", "o", null)),
                bad("purpose", "must not be blank", () -> new LogCallCommand("r", "a", "c", "", "o", null)),
                bad("outcome", "must not be blank", () -> new LogCallCommand("r", "a", "c", "p", null, null)),
                bad("repId", "must not be blank", () -> new LogProposalCommand(BLANK, "a", "c", "GTX Pro", null, null, null)),
                bad("activityId", "must not be blank", () -> new LogProposalCommand("r", "", "c", "GTX Pro", null, null, null)),
                bad("customer", "must not be blank", () -> new LogProposalCommand("r", "a", null, "GTX Pro", null, null, null)),
                bad("productLine", "must not be blank", () -> new LogProposalCommand("r", "a", "c", BLANK, null, null, null)),
                bad("dealId", "must not be blank when given", () -> new LogProposalCommand("r", "a", "c", "GTX Pro", null, "", null)),
                // deals
                bad("dealId", "must not be blank", () -> new OpenDealCommand(null, "r", "c", "p", Channel.DIRECT, null, EUR, null, null, null)),
                bad("ownerRepId", "must not be blank", () -> new OpenDealCommand("d", BLANK, "c", "p", Channel.DIRECT, null, EUR, null, null, null)),
                bad("customer", "must not be blank", () -> new OpenDealCommand("d", "r", "", "p", Channel.DIRECT, null, EUR, null, null, null)),
                bad("productLine", "must not be blank", () -> new OpenDealCommand("d", "r", "c", null, Channel.DIRECT, null, EUR, null, null, null)),
                bad("channel", "is required", () -> new OpenDealCommand("d", "r", "c", "p", null, null, EUR, null, null, null)),
                bad("partnerId", "must not be blank when given", () -> new OpenDealCommand("d", "r", "c", "p", Channel.AGENT, BLANK, EUR, null, null, null)),
                bad("amount", "is required", () -> new OpenDealCommand("d", "r", "c", "p", Channel.DIRECT, null, null, null, null, null)),
                bad("dealId", "must not be blank", () -> new AdvanceDealCommand("", Stage.WON, null, null, null)),
                bad("toStage", "is required", () -> new AdvanceDealCommand("d", null, null, null, null)),
                bad("reason", "must not be blank when given", () -> new AdvanceDealCommand("d", Stage.LOST, BLANK, null, null)),
                bad("dealId", "must not be blank", () -> new ReopenDealCommand(BLANK, null, "why", null)),
                bad("reason", "must not be blank", () -> new ReopenDealCommand("d", null, null, null)),
                bad("dealId", "must not be blank", () -> new ChangeDealAmountCommand(null, EUR, null)),
                bad("amount", "is required", () -> new ChangeDealAmountCommand("d", null, null)),
                bad("dealId", "must not be blank", () -> new SplitDealCreditCommand("", List.of(), null)),
                bad("shares", "is required", () -> new SplitDealCreditCommand("d", null, null)),
                bad("shares", "must not contain null", () -> new SplitDealCreditCommand("d", Arrays.asList(new CreditShare("r", TEN), null), null)),
                bad("repId", "must not be blank", () -> new CreditShare(BLANK, TEN)),
                bad("percentage", "is required", () -> new CreditShare("r", null)),
                // product lines
                bad("productLineId", "must not be blank", () -> new RegisterProductLineCommand(BLANK, "GTX", EUR, null)),
                bad("series", "must not be blank", () -> new RegisterProductLineCommand("GTX Pro", null, EUR, null)),
                bad("listPrice", "is required", () -> new RegisterProductLineCommand("GTX Pro", "GTX", null, null)),
                // compensation
                bad("planId", "must not be blank", () -> new CreatePlanCommand(BLANK, "n", null)),
                bad("name", "must not be blank", () -> new CreatePlanCommand("p", null, null)),
                bad("terms", "is required", () -> new PublishPlanVersionCommand("p", null, false, null)),
                bad("repId", "must not be blank when given", () -> new AssignPlanCommand("p", BLANK, null, DAY, null)),
                bad("effectiveFrom", "is required", () -> new AssignPlanCommand("p", "r", null, null, null)),
                bad("plan", "is required", () -> new AccrueCommissionCommand("s", "r", MAY, "l", null, null, EUR, EUR, null, null, null, null)),
                bad("lineId", "must not be blank", () -> new AccrueCommissionCommand("s", "r", MAY, "", null, null, EUR, EUR, null, null, null, null)),
                bad("reason", "must not be blank", () -> new ClawBackCommissionCommand("s", "l", "o", null, BLANK, null, null, null)),
                bad("originalLineId", "must not be blank", () -> new ClawBackCommissionCommand("s", "l", null, null, "r", null, null, null)),
                bad("kind", "is required", () -> new AdjustCommissionCommand("s", "r", MAY, "l", EUR, null, "why", null, null, null, null)),
                bad("reason", "must not be blank", () -> new AdjustCommissionCommand("s", "r", MAY, "l", EUR, AdjustmentKind.MANUAL, "", null, null, null, null)),
                bad("submittedBy", "must not be blank", () -> new SubmitStatementCommand("s", null, null)),
                bad("approverRole", "is required", () -> new ApproveStatementCommand("s", "a", null, null)),
                bad("lockedBy", "must not be blank", () -> new LockStatementCommand("s", BLANK, null)),
                bad("batchId", "must not be blank", () -> new PayCommissionCommand("s", "", EUR, DAY, null)),
                bad("paymentDate", "is required", () -> new PayCommissionCommand("s", "b", EUR, null, null)),
                bad("reason", "must not be blank", () -> new DisputeStatementLineCommand("s", "x", "r", "l", null, null)),
                bad("managerId", "must not be blank", () -> new ResolveDisputeCommand("s", "x", BLANK, true, EUR, null, null)),
                bad("rate", "is required", () -> new RecordExchangeRateCommand("fx:EUR-USD", "EUR", "USD", null, DAY, null)),
                bad("effectiveDate", "is required", () -> new RecordExchangeRateCommand("fx:EUR-USD", "EUR", "USD", TEN, null, null)),
                // channel partners
                bad("partnerId", "must not be blank", () -> new io.attain.kernel.channel.RegisterPartnerCommand(BLANK, "n", io.attain.kernel.channel.PartnerKind.AGENT, null)),
                bad("name", "must not be blank", () -> new io.attain.kernel.channel.RegisterPartnerCommand("p", null, io.attain.kernel.channel.PartnerKind.AGENT, null)),
                bad("kind", "is required", () -> new io.attain.kernel.channel.RegisterPartnerCommand("p", "n", null, null)),
                bad("terms", "is required", () -> new io.attain.kernel.channel.PublishAgreementVersionCommand("p", null, null)),
                bad("lineId", "must not be blank", () -> new io.attain.kernel.channel.AccrueRebateCommand("p", "", null, null, null, null, null)),
                bad("deal", "is required", () -> new io.attain.kernel.channel.AccrueRebateCommand("p", "l", null, null, null, null, null)),
                bad("dealId", "must not be blank", () -> new io.attain.kernel.channel.ReverseRebateCommand("p", "r", BLANK, "why", null, null, null)),
                bad("reason", "must not be blank", () -> new io.attain.kernel.channel.ReverseRebateCommand("p", "r", "d", null, null, null, null)),
                bad("customer", "must not be blank", () -> new io.attain.kernel.channel.ClaimCustomerCommand("customer:x", BLANK, null, null)),
                bad("claim", "is required", () -> new io.attain.kernel.channel.ClaimCustomerCommand("customer:x", "x", null, null)),
                bad("dealId", "must not be blank", () -> new io.attain.kernel.channel.ReleaseCustomerClaimCommand("customer:x", "", "lost", null)),
                bad("winningDealId", "must not be blank", () -> new io.attain.kernel.channel.ResolveChannelConflictCommand("customer:x", "conflict:1:x", BLANK, "m", "why", null)),
                bad("resolvedBy", "must not be blank", () -> new io.attain.kernel.channel.ResolveChannelConflictCommand("customer:x", "conflict:1:x", "d", null, "why", null)),
                bad("reason", "must not be blank", () -> new io.attain.kernel.channel.ResolveChannelConflictCommand("customer:x", "conflict:1:x", "d", "m", "", null)),
                // contests and recognition
                bad("contestId", "must not be blank", () -> new LaunchContestCommand(BLANK, "n", null, "m", DAY, DAY, Metric.DEALS_WON, null, List.of("r"), null, null, null)),
                bad("name", "must not be blank", () -> new LaunchContestCommand("c", null, null, "m", DAY, DAY, Metric.DEALS_WON, null, List.of("r"), null, null, null)),
                bad("organizerTeamId", "must not be blank when given", () -> new LaunchContestCommand("c", "n", BLANK, "m", DAY, DAY, Metric.DEALS_WON, null, List.of("r"), null, null, null)),
                bad("launchedBy", "must not be blank", () -> new LaunchContestCommand("c", "n", null, "", DAY, DAY, Metric.DEALS_WON, null, List.of("r"), null, null, null)),
                bad("startsOn", "is required", () -> new LaunchContestCommand("c", "n", null, "m", null, DAY, Metric.DEALS_WON, null, List.of("r"), null, null, null)),
                bad("endsOn", "is required", () -> new LaunchContestCommand("c", "n", null, "m", DAY, null, Metric.DEALS_WON, null, List.of("r"), null, null, null)),
                bad("metric", "is required", () -> new LaunchContestCommand("c", "n", null, "m", DAY, DAY, null, null, List.of("r"), null, null, null)),
                bad("participantRepIds", "must not contain null", () -> new LaunchContestCommand("c", "n", null, "m", DAY, DAY, Metric.DEALS_WON, null, Arrays.asList("r", null), null, null, null)),
                bad("repId", "must not be blank when given", () -> new AddContestParticipantCommand("c", BLANK, null, null)),
                bad("teamId", "must not be blank when given", () -> new RemoveContestParticipantCommand("c", null, "", "why", null)),
                bad("reason", "must not be blank", () -> new RemoveContestParticipantCommand("c", "r", null, null, null)),
                bad("reason", "must not be blank", () -> new CancelContestCommand("c", "m", BLANK, null)),
                bad("closedBy", "must not be blank", () -> new CloseContestCommand("c", null, null)),
                bad("repId", "must not be blank", () -> new AwardContestPrizeCommand("c", 1, BLANK, "m", null)),
                bad("title", "must not be blank", () -> new GrantRecognitionCommand("x", "r", "", "why", "m", null)),
                bad("reason", "must not be blank", () -> new GrantRecognitionCommand("x", "r", "t", null, "m", null)),
                bad("reason", "must not be blank", () -> new RevokeRecognitionCommand("x", BLANK, "m", null)),
                // sales and marketing costs
                bad("costId", "must not be blank", () -> new io.attain.kernel.cost.RecordSalesCostCommand(BLANK, MAY, io.attain.kernel.cost.CostCategory.TRAVEL, null, null, EUR, null)),
                bad("costId", InputContract.ID_RULE, () -> new io.attain.kernel.cost.RecordSalesCostCommand("a/b", MAY, io.attain.kernel.cost.CostCategory.TRAVEL, null, null, EUR, null)),
                bad("period", "is required", () -> new io.attain.kernel.cost.RecordSalesCostCommand("c", null, io.attain.kernel.cost.CostCategory.TRAVEL, null, null, EUR, null)),
                bad("period", InputContract.YEAR_RULE, () -> new io.attain.kernel.cost.RecordSalesCostCommand("c", Period.parse("2300-Q1"), io.attain.kernel.cost.CostCategory.TRAVEL, null, null, EUR, null)),
                bad("category", "is required", () -> new io.attain.kernel.cost.RecordSalesCostCommand("c", MAY, null, null, null, EUR, null)),
                bad("teamId", "must not be blank when given", () -> new io.attain.kernel.cost.RecordSalesCostCommand("c", MAY, io.attain.kernel.cost.CostCategory.TRAVEL, null, BLANK, EUR, null)),
                bad("amount", "is required", () -> new io.attain.kernel.cost.RecordSalesCostCommand("c", MAY, io.attain.kernel.cost.CostCategory.TRAVEL, null, null, null, null)),
                bad("amount", InputContract.AMOUNT_DIGITS_RULE, () -> new io.attain.kernel.cost.RecordSalesCostCommand("c", MAY, io.attain.kernel.cost.CostCategory.TRAVEL, null, null, Money.of("1.0000001", "EUR"), null)),
                bad("amount", "is required", () -> new io.attain.kernel.cost.CorrectSalesCostCommand("c", null, "why", null)),
                bad("reason", "must not be blank", () -> new io.attain.kernel.cost.CorrectSalesCostCommand("c", EUR, BLANK, null)),
                // customers
                bad("customerId", "must not be blank", () -> new io.attain.kernel.customer.RegisterCustomerCommand(BLANK, "Acme", null, null, null, null, null, null)),
                bad("customerId", InputContract.ID_RULE, () -> new io.attain.kernel.customer.RegisterCustomerCommand("a/b", "Acme", null, null, null, null, null, null)),
                bad("name", "must not be blank", () -> new io.attain.kernel.customer.RegisterCustomerCommand("c", null, null, null, null, null, null, null)),
                bad("name", "must not be blank", () -> new io.attain.kernel.customer.RegisterCustomerCommand("c", BLANK, null, null, null, null, null, null)),
                bad("sector", "must not be blank when given", () -> new io.attain.kernel.customer.RegisterCustomerCommand("c", "Acme", BLANK, null, null, null, null, null)),
                bad("annualRevenue", InputContract.AMOUNT_DIGITS_RULE, () -> new io.attain.kernel.customer.RegisterCustomerCommand("c", "Acme", null, Money.of("1.0000001", "EUR"), null, null, null, null)),
                bad("parentCustomerId", InputContract.ID_RULE, () -> new io.attain.kernel.customer.RegisterCustomerCommand("c", "Acme", null, null, null, null, "a/b", null)),
                bad("name", "must not be blank when given", () -> new io.attain.kernel.customer.UpdateCustomerProfileCommand("c", BLANK, null, null, null, null, null, null)),
                bad("location", "must not be blank when given", () -> new io.attain.kernel.customer.UpdateCustomerProfileCommand("c", null, null, null, null, BLANK, null, null)),
                bad("accountOwnerRepId", "must not be blank", () -> new io.attain.kernel.customer.DesignateKeyAccountCommand("c", BLANK, java.time.LocalDate.of(2017, 4, 1), null)),
                bad("from", "is required", () -> new io.attain.kernel.customer.DesignateKeyAccountCommand("c", "anna", null, null)),
                bad("until", "is required", () -> new io.attain.kernel.customer.RevokeKeyAccountCommand("c", null, null, null)),
                bad("reason", "must not be blank when given", () -> new io.attain.kernel.customer.RevokeKeyAccountCommand("c", java.time.LocalDate.of(2017, 4, 1), BLANK, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCommands")
    void rejectsMalformedCommandsNamingTheField(Runnable construction, String expectedMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertThat(e).hasMessage(expectedMessage);
    }

    @Test
    void occurredAtAndOptionalFieldsMayBeOmitted() {
        assertThat(new OpenDealCommand("d", "r", "c", "p", Channel.DIRECT, null, EUR, null, null, null).occurredAt())
                .isNull();
        assertThat(new AdvanceDealCommand("d", Stage.WON, null, null, null).finalAmount())
                .isNull();
    }

    @Test
    void splitCommandsKeepAnImmutableCopyOfTheShares() {
        List<CreditShare> shares = new ArrayList<>(List.of(new CreditShare("r", TEN)));
        SplitDealCreditCommand command = new SplitDealCreditCommand("d", shares, null);
        shares.clear();
        assertThat(command.shares()).hasSize(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new SplitDealCreditCommand("d", null, null));
    }

    private static Arguments bad(String field, String rule, Runnable construction) {
        return Arguments.of(Named.of(field + " " + rule, construction), field + ": " + rule);
    }
}
