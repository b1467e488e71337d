package io.attain.kernel;

import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.LogCallCommand;
import io.attain.kernel.activity.LogProposalCommand;
import io.attain.kernel.activity.LogVisitCommand;
import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.compensation.AccrueCommissionCommand;
import io.attain.kernel.compensation.AdjustCommissionCommand;
import io.attain.kernel.compensation.AdjustmentKind;
import io.attain.kernel.compensation.AppliedCap;
import io.attain.kernel.compensation.ApproveStatementCommand;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.AssignPlanCommand;
import io.attain.kernel.compensation.BandSlice;
import io.attain.kernel.compensation.CapKind;
import io.attain.kernel.compensation.ClawBackCommissionCommand;
import io.attain.kernel.compensation.CommissionAccruedEvent;
import io.attain.kernel.compensation.CommissionAdjustedEvent;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CommissionCalculation;
import io.attain.kernel.compensation.CommissionClawedBackEvent;
import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.CommissionPendingEvent;
import io.attain.kernel.compensation.CommissionPendingReason;
import io.attain.kernel.compensation.CommissionPendingResolvedEvent;
import io.attain.kernel.compensation.CommissionStatementOpenedEvent;
import io.attain.kernel.compensation.CreatePlanCommand;
import io.attain.kernel.compensation.DealFacts;
import io.attain.kernel.compensation.DisputeStatementLineCommand;
import io.attain.kernel.compensation.ExchangeRateRecordedEvent;
import io.attain.kernel.compensation.LockStatementCommand;
import io.attain.kernel.compensation.PayCommissionCommand;
import io.attain.kernel.compensation.PlanAssignedEvent;
import io.attain.kernel.compensation.PlanCreatedEvent;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersion;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.PublishPlanVersionCommand;
import io.attain.kernel.compensation.RecordExchangeRateCommand;
import io.attain.kernel.compensation.ResolveDisputeCommand;
import io.attain.kernel.compensation.Spiff;
import io.attain.kernel.compensation.SpiffApplied;
import io.attain.kernel.compensation.StatementApprovedEvent;
import io.attain.kernel.compensation.StatementDisputeResolvedEvent;
import io.attain.kernel.compensation.StatementLineDisputedEvent;
import io.attain.kernel.compensation.StatementLockedEvent;
import io.attain.kernel.compensation.StatementSubmittedEvent;
import io.attain.kernel.compensation.SubmitStatementCommand;
import io.attain.kernel.compensation.ThresholdBonus;
import io.attain.kernel.compensation.ThresholdBonusCrossed;
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
import io.attain.kernel.contest.GrantRecognitionCommand;
import io.attain.kernel.contest.LaunchContestCommand;
import io.attain.kernel.contest.RecognitionGrantedEvent;
import io.attain.kernel.contest.RecognitionRevokedEvent;
import io.attain.kernel.contest.RemoveContestParticipantCommand;
import io.attain.kernel.contest.RevokeRecognitionCommand;
import io.attain.kernel.deal.AdvanceDealCommand;
import io.attain.kernel.deal.ChangeDealAmountCommand;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.deal.ReopenDealCommand;
import io.attain.kernel.deal.SplitDealCreditCommand;
import io.attain.kernel.organisation.ChangeTeamManagerCommand;
import io.attain.kernel.organisation.CreateRegionCommand;
import io.attain.kernel.organisation.CreateTeamCommand;
import io.attain.kernel.organisation.OffboardRepCommand;
import io.attain.kernel.organisation.OnboardRepCommand;
import io.attain.kernel.organisation.RegionCreatedEvent;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.RepTransferredEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.organisation.TransferRepCommand;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.product.RegisterProductLineCommand;
import io.attain.kernel.target.AssignRepTargetCommand;
import io.attain.kernel.target.AssignTeamTargetCommand;
import io.attain.kernel.target.ReviseRepTargetCommand;
import io.attain.kernel.target.ReviseTeamTargetCommand;
import io.attain.kernel.target.TargetAssignedEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.kernel.target.TargetRevisedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** One instance of every command and event of the published language, with all fields set. */
final class Samples {

    static final io.attain.kernel.channel.AgreementTerms AGREEMENT = new io.attain.kernel.channel.AgreementTerms(LocalDate.of(2017, 5, 1),
            "EUR", io.attain.kernel.common.PeriodUnit.QUARTER, List.of(
            new io.attain.kernel.channel.RebateTier(BigDecimal.ZERO, new BigDecimal("100000"), new BigDecimal("0.02")),
            new io.attain.kernel.channel.RebateTier(new BigDecimal("100000"), null, new BigDecimal("0.035"))));
    static final io.attain.kernel.channel.RebateDeal REBATE_DEAL = new io.attain.kernel.channel.RebateDeal("d-1",
            "Acme", Channel.DISTRIBUTOR, "p-1", Stage.WON, Money.of("10000", "USD"), LocalDate.of(2017, 5, 1));
    static final io.attain.kernel.channel.Conversion CONVERSION = new io.attain.kernel.channel.Conversion("USD", "EUR",
            new BigDecimal("0.9"), LocalDate.of(2017, 5, 1));
    static final io.attain.kernel.channel.RebateCalculation REBATE = new io.attain.kernel.channel.RebateCalculation(
            new io.attain.kernel.channel.AgreementVersion("p-1", 1, AGREEMENT), "EUR", Period.parse("2017-Q2"),
            REBATE_DEAL, CONVERSION, Money.of("9000.0", "EUR"), Money.of("95000", "EUR"), Money.of("104000.0", "EUR"),
            List.of(new io.attain.kernel.channel.RebateTierSlice(BigDecimal.ZERO, new BigDecimal("100000"),
                            new BigDecimal("0.02"), Money.of("95000", "EUR"), Money.of("100000", "EUR"),
                            Money.of("5000", "EUR"), Money.of("100.00", "EUR")),
                    new io.attain.kernel.channel.RebateTierSlice(new BigDecimal("100000"), null,
                            new BigDecimal("0.035"), Money.of("100000", "EUR"), Money.of("104000.0", "EUR"),
                            Money.of("4000.0", "EUR"), Money.of("140.0000", "EUR"))),
            Money.of("240.0000", "EUR"), Money.of("240.00", "EUR"), Money.of("0.0000", "EUR"));
    static final io.attain.kernel.channel.ChannelClaim CLAIM = new io.attain.kernel.channel.ChannelClaim("d-1",
            Channel.DISTRIBUTOR, "p-1", "Anna Snelling");
    static final io.attain.kernel.channel.ChannelClaim DIRECT_CLAIM = new io.attain.kernel.channel.ChannelClaim("d-2",
            Channel.DIRECT, null, "Boris Faz");

    static final Instant AT = Instant.parse("2017-05-04T09:30:00.123Z");
    static final LocalDate DAY = LocalDate.of(2017, 5, 1);
    static final Money AMOUNT = Money.of("1200.50", "EUR");

    static final String STATEMENT = "statement:Anna Snelling:2017-05";
    static final PlanTerms TERMS = new PlanTerms(DAY, "EUR", Money.of("3000.00", "EUR"),
            List.of(new CommissionBand(BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal("0.02")),
                    new CommissionBand(new BigDecimal("0.5"), new BigDecimal("1.0"), new BigDecimal("0.05")),
                    new CommissionBand(new BigDecimal("1.0"), null, new BigDecimal("0.08"))),
            Money.of("5000", "EUR"), Money.of("20000", "EUR"),
            List.of(new ThresholdBonus(new BigDecimal("1.0"), Money.of("1000", "EUR"))),
            List.of(new Spiff("s-1", "GTX Pro", Channel.DIRECT, DAY, DAY.plusDays(30), null, new BigDecimal("0.01")),
                    new Spiff("s-2", null, Channel.ECOMMERCE, DAY, DAY, Money.of("250", "EUR"), null)),
            Money.of("1000", "EUR"), 90, true, new BigDecimal("0.01"));
    static final PlanVersion PLAN = new PlanVersion("plan-1", 2, TERMS);
    static final DealFacts DEAL = new DealFacts("d-1", "GTX Pro", Channel.DIRECT, DAY, Money.of("50000", "EUR"));
    static final CommissionCalculation CALCULATION = new CommissionCalculation("plan-1", 2, "EUR", DEAL,
            Money.of("30000", "EUR"), Money.of("10000", "EUR"), Money.of("40000", "EUR"),
            new BigDecimal("0.250000"), new BigDecimal("1.000000"), Money.zero("EUR"), Money.zero("EUR"),
            Money.of("0", "EUR"), true,
            List.of(new BandSlice(BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal("0.02"),
                            Money.of("10000", "EUR"), Money.of("20000", "EUR"), Money.of("10000", "EUR"),
                            Money.of("200.00", "EUR")),
                    new BandSlice(new BigDecimal("0.5"), new BigDecimal("1.0"), new BigDecimal("0.05"),
                            Money.of("20000", "EUR"), Money.of("40000", "EUR"), Money.of("20000", "EUR"),
                            Money.of("1000.00", "EUR"))),
            Money.of("1200.00", "EUR"), List.of(new SpiffApplied("s-1", Money.of("300.00", "EUR"))),
            List.of(new AppliedCap(CapKind.PER_DEAL, Money.of("1000", "EUR"), Money.of("1200.00", "EUR"),
                    Money.of("1000", "EUR"), Money.of("200.00", "EUR"))),
            Money.of("1300.00", "EUR"), List.of(new ThresholdBonusCrossed(new BigDecimal("1.0"), Money.of("1000", "EUR"))),
            Money.of("2300.00", "EUR"), Money.of("2300.00", "EUR"), Money.of("0.00", "EUR"), Money.of("300.00", "EUR"));

    static final List<ContestPrize> PRIZES = List.of(
            new ContestPrize(1, Money.of("500.00", "EUR"), "Sprint champion"),
            new ContestPrize(2, null, "Runner-up"));

    private Samples() {
    }

    static List<Object> events() {
        return List.of(
                new RegionCreatedEvent("east", "East", "Cara Losch", AT),
                new TeamCreatedEvent("team-1", "Team Losch", "east", "Cara Losch", AT),
                new TeamManagerChangedEvent("team-1", "Cara Losch", "Rocco Neubert", AT),
                new RepOnboardedEvent("Anna Snelling", "Anna Snelling", Role.SALES_REP, "team-1", "Cara Losch", DAY, AT),
                new RepTransferredEvent("Anna Snelling", "team-1", "Cara Losch", "team-2", "Rocco Neubert", DAY, AT),
                new RepOffboardedEvent("Anna Snelling", DAY, AT),
                new TargetAssignedEvent("t-1", TargetOwnerType.REP, "Anna Snelling", Period.parse("2017-Q2"),
                        Metric.PRODUCT_REVENUE, "GTX Pro", new BigDecimal("50000.00"), "EUR", AT),
                new TargetRevisedEvent("t-1", TargetOwnerType.TEAM, "team-1", new BigDecimal("50000.00"),
                        new BigDecimal("55000"), "market grew", AT),
                new VisitLoggedEvent("Anna Snelling", "a-1", "Acme", "demo", "interested", AT),
                new CallLoggedEvent("Anna Snelling", "a-2", "Acme", "follow-up", "callback", AT),
                new ProposalLoggedEvent("Anna Snelling", "a-3", "Acme", "GTX Pro", AMOUNT, "d-1", AT),
                new DealOpenedEvent("d-1", "Anna Snelling", "Acme", "GTX Pro", Channel.DISTRIBUTOR, "p-1",
                        AMOUNT, DAY, Stage.QUALIFIED, AT),
                new DealStageChangedEvent("d-1", Stage.NEGOTIATION, Stage.PROPOSAL, true, "new stakeholder", AT),
                new DealWonEvent("d-1", Stage.NEGOTIATION, AMOUNT, "best price", AT),
                new DealLostEvent("d-1", Stage.PROPOSAL, "price", AT),
                new DealReopenedEvent("d-1", Stage.LOST, Stage.NEGOTIATION, "customer came back", AT),
                new DealAmountChangedEvent("d-1", AMOUNT, Money.of("1300", "EUR"), AT),
                new DealCreditSplitEvent("d-1", List.of(new CreditShare("Anna Snelling", new BigDecimal("66.67")),
                        new CreditShare("Boris Faz", new BigDecimal("33.33"))), AT),
                new ProductLineRegisteredEvent("GTX Pro", "GTX", Money.of("5450.00", "USD"), AT),
                new PlanCreatedEvent("plan-1", "Field sales 2017", AT),
                new PlanVersionPublishedEvent("plan-1", 2, TERMS, true, AT),
                new PlanAssignedEvent("plan-1", "Anna Snelling", Role.SALES_REP, DAY, AT),
                new CommissionStatementOpenedEvent(STATEMENT, "Anna Snelling", Period.parse("2017-05"), AT),
                new CommissionAccruedEvent(STATEMENT, "l-1", "Anna Snelling", Period.parse("2017-05"), "d-1", PLAN,
                        CALCULATION, List.of("e-1"), List.of(42L), AT),
                new CommissionClawedBackEvent(STATEMENT, "l-2", "Anna Snelling", "l-1", "d-1", Money.of("30000", "EUR"),
                        CALCULATION, "deal reopened", List.of("e-2"), List.of(43L), AT),
                new CommissionAdjustedEvent(STATEMENT, "l-3", "Anna Snelling", Money.of("-12.34", "EUR"),
                        AdjustmentKind.RETROACTIVE_PLAN_CHANGE, "plan v3", "statement:Anna Snelling:2017-04", "l-0",
                        CALCULATION, AT),
                new StatementSubmittedEvent(STATEMENT, "Anna Snelling", "Anna Snelling",
                        List.of(Money.of("2300.00", "EUR"), Money.of("10.00", "USD")), AT),
                new StatementApprovedEvent(STATEMENT, "Anna Snelling", "Cara Losch", ApproverRole.MANAGER,
                        List.of(Money.of("2300.00", "EUR")), AT),
                new StatementLockedEvent(STATEMENT, "Anna Snelling", "finance-1", AT),
                new CommissionPaidEvent(STATEMENT, "Anna Snelling", "b-1", Money.of("2300.00", "EUR"), DAY, true, AT),
                new StatementLineDisputedEvent(STATEMENT, "x-1", "Anna Snelling", "l-1", "split was 70/30", AT),
                new StatementDisputeResolvedEvent(STATEMENT, "x-1", "Cara Losch", true, Money.of("150.00", "EUR"),
                        "dispute:x-1", null, AT),
                new ExchangeRateRecordedEvent("fx:EUR-USD", "EUR", "USD", new BigDecimal("1.0842"), DAY, AT),
                new CommissionPendingEvent("d-1", "Anna Snelling", CommissionPendingReason.NO_EXCHANGE_RATE,
                        "no USD→EUR rate in force on 2017-05-01", DAY, "e-1", AT),
                new CommissionPendingResolvedEvent("d-1", "Anna Snelling", CommissionPendingReason.NO_EXCHANGE_RATE,
                        STATEMENT, "d-1:Anna Snelling:e-1", AT),
                new io.attain.kernel.channel.PartnerRegisteredEvent("p-1", "Acme Distribution",
                        io.attain.kernel.channel.PartnerKind.DISTRIBUTOR, AT),
                new io.attain.kernel.channel.AgreementVersionPublishedEvent("p-1", 1, AGREEMENT, AT),
                new io.attain.kernel.channel.RebateAccruedEvent("p-1", "rebate:d-1:e-1", "d-1", REBATE, List.of("e-1"),
                        List.of(42L), AT),
                new io.attain.kernel.channel.RebateReversedEvent("p-1", "reversal:rebate:d-1:e-1:e-2", "rebate:d-1:e-1",
                        "d-1", Period.parse("2017-Q2"), REBATE, Money.of("-9000.0", "EUR"), Money.of("-240.00", "EUR"),
                        "deal reopened", List.of("e-2"), List.of(43L), AT),
                new io.attain.kernel.channel.RebatePendingEvent("p-1", "d-1",
                        io.attain.kernel.channel.RebatePendingReason.NO_EXCHANGE_RATE, "no USD→EUR rate", null, DAY,
                        "e-1", AT),
                new io.attain.kernel.channel.RebatePendingResolvedEvent("p-1", "d-1",
                        io.attain.kernel.channel.RebatePendingReason.CHANNEL_CONFLICT,
                        io.attain.kernel.channel.RebatePendingOutcome.DROPPED, null, "conflict lost", AT),
                new io.attain.kernel.channel.CustomerClaimedEvent("customer:Acme", "Acme", CLAIM, null, AT),
                new io.attain.kernel.channel.CustomerClaimReleasedEvent("customer:Acme", "Acme", "d-1", "deal lost", AT),
                new io.attain.kernel.channel.ChannelConflictRaisedEvent("conflict:1:Acme", "customer:Acme", "Acme",
                        List.of(CLAIM, DIRECT_CLAIM), AT),
                new io.attain.kernel.channel.ChannelConflictResolvedEvent("conflict:1:Acme", "customer:Acme", "Acme",
                        CLAIM, List.of(CLAIM, DIRECT_CLAIM), List.of("d-2"), "Cara Losch", "partner first", AT),
                new ContestLaunchedEvent("c-1", "Q2 sprint", "team-1", "Cara Losch", DAY, DAY.plusDays(30),
                        Metric.REVENUE, "EUR", List.of("Anna Snelling"), List.of("team-2"), PRIZES, AT),
                new ContestParticipantAddedEvent("c-1", "Boris Faz", null, AT),
                new ContestParticipantRemovedEvent("c-1", null, "team-2", "reorganised", AT),
                new ContestCancelledEvent("c-1", "Cara Losch", "budget frozen", AT),
                new ContestClosedEvent("c-1", "Cara Losch", AT),
                new ContestPrizeAwardedEvent("c-1", "Q2 sprint", 1, "Anna Snelling", Money.of("500.00", "EUR"),
                        "Sprint champion", "Cara Losch", AT),
                new RecognitionGrantedEvent("r-1", "Anna Snelling", "President's Club 2017", "top 5%", "admin", AT),
                new RecognitionRevokedEvent("r-1", "Anna Snelling", "granted in error", "admin", AT),
                new io.attain.kernel.cost.SalesCostRecordedEvent("cost-1", Period.parse("2017-Q2"),
                        io.attain.kernel.cost.CostCategory.MARKETING, Channel.ECOMMERCE, "team-1", AMOUNT, AT),
                new io.attain.kernel.cost.SalesCostCorrectedEvent("cost-1", Period.parse("2017-Q2"),
                        io.attain.kernel.cost.CostCategory.MARKETING, Channel.ECOMMERCE, "team-1", AMOUNT,
                        Money.of("1000.50", "EUR"), Money.of("-200.00", "EUR"), "invoice credited", AT),
                new io.attain.kernel.customer.CustomerRegisteredEvent("cust-1", "Betasoloin", "medical",
                        Money.of("251.41", "USD"), 495, "Germany", "cust-0", AT),
                new io.attain.kernel.customer.CustomerProfileUpdatedEvent("cust-1", null, "technolgy", null, 500,
                        null, null, AT),
                new io.attain.kernel.customer.KeyAccountDesignatedEvent("cust-1", "Anna Snelling",
                        LocalDate.of(2017, 4, 1), AT),
                new io.attain.kernel.customer.KeyAccountRevokedEvent("cust-1", "Anna Snelling",
                        LocalDate.of(2017, 4, 1), LocalDate.of(2017, 12, 31), "account moved", AT));
    }

    static List<Object> commands() {
        return List.of(
                new CreateRegionCommand("east", "East", "Cara Losch", AT),
                new CreateTeamCommand("team-1", "Team Losch", "east", "Cara Losch", AT),
                new ChangeTeamManagerCommand("team-1", "Rocco Neubert", AT),
                new OnboardRepCommand("Anna Snelling", "Anna Snelling", Role.SALES_REP, "team-1", "Cara Losch", DAY, AT),
                new TransferRepCommand("Anna Snelling", "team-2", "Rocco Neubert", DAY, AT),
                new OffboardRepCommand("Anna Snelling", DAY, null),
                new AssignRepTargetCommand("Anna Snelling", "t-1", Period.parse("2017-05"), Metric.REVENUE, null,
                        new BigDecimal("50000"), "EUR", AT),
                new AssignTeamTargetCommand("team-1", "t-2", Period.parse("2017"), Metric.DEALS_WON, null,
                        new BigDecimal("40"), null, AT),
                new ReviseRepTargetCommand("Anna Snelling", "t-1", new BigDecimal("55000"), "market grew", AT),
                new ReviseTeamTargetCommand("team-1", "t-2", new BigDecimal("45"), "new hire", AT),
                new LogVisitCommand("Anna Snelling", "a-1", "Acme", "demo", "interested", AT),
                new LogCallCommand("Anna Snelling", "a-2", "Acme", "follow-up", "callback", AT),
                new LogProposalCommand("Anna Snelling", "a-3", "Acme", "GTX Pro", AMOUNT, "d-1", AT),
                new OpenDealCommand("d-1", "Anna Snelling", "Acme", "GTX Pro", Channel.AGENT, "p-1", AMOUNT, DAY,
                        Stage.QUALIFIED, AT),
                new AdvanceDealCommand("d-1", Stage.WON, null, AMOUNT, AT),
                new ReopenDealCommand("d-1", Stage.PROPOSAL, "customer came back", AT),
                new ChangeDealAmountCommand("d-1", Money.of("1300", "EUR"), AT),
                new SplitDealCreditCommand("d-1", List.of(new CreditShare("Anna Snelling", BigDecimal.valueOf(100))), AT),
                new RegisterProductLineCommand("GTX Pro", "GTX", Money.of("5450.00", "USD"), AT),
                new CreatePlanCommand("plan-1", "Field sales 2017", AT),
                new PublishPlanVersionCommand("plan-1", TERMS, true, AT),
                new AssignPlanCommand("plan-1", null, Role.SALES_REP, DAY, AT),
                new AccrueCommissionCommand(STATEMENT, "Anna Snelling", Period.parse("2017-05"), "l-1", PLAN, DEAL,
                        Money.of("30000", "EUR"), Money.of("40000", "EUR"), Money.of("10000", "EUR"), List.of("e-1"),
                        List.of(42L), AT),
                new ClawBackCommissionCommand(STATEMENT, "l-2", "l-1", Money.of("5000", "EUR"), "amount reduced",
                        List.of("e-2"), List.of(43L), AT),
                new AdjustCommissionCommand(STATEMENT, "Anna Snelling", Period.parse("2017-05"), "l-3",
                        Money.of("-12.34", "EUR"), AdjustmentKind.MANUAL, "typo", null, null, null, AT),
                new SubmitStatementCommand(STATEMENT, "Anna Snelling", AT),
                new ApproveStatementCommand(STATEMENT, "finance-1", ApproverRole.FINANCE, AT),
                new LockStatementCommand(STATEMENT, "finance-1", AT),
                new PayCommissionCommand(STATEMENT, "b-1", Money.of("2300.00", "EUR"), DAY, AT),
                new DisputeStatementLineCommand(STATEMENT, "x-1", "Anna Snelling", "l-1", "split was 70/30", AT),
                new ResolveDisputeCommand(STATEMENT, "x-1", "Cara Losch", false, null, "split was 60/40", AT),
                new RecordExchangeRateCommand("fx:EUR-USD", "EUR", "USD", new BigDecimal("1.0842"), DAY, AT),
                new io.attain.kernel.channel.RegisterPartnerCommand("p-1", "Acme Distribution",
                        io.attain.kernel.channel.PartnerKind.AGENT, AT),
                new io.attain.kernel.channel.PublishAgreementVersionCommand("p-1", AGREEMENT, AT),
                new io.attain.kernel.channel.AccrueRebateCommand("p-1", "rebate:d-1:e-1", REBATE_DEAL, CONVERSION,
                        List.of("e-1"), List.of(42L), AT),
                new io.attain.kernel.channel.ReverseRebateCommand("p-1", "r-1", "d-1", "deal reopened", List.of("e-2"),
                        List.of(43L), AT),
                new io.attain.kernel.channel.ClaimCustomerCommand("customer:Acme", "Acme", CLAIM, AT),
                new io.attain.kernel.channel.ReleaseCustomerClaimCommand("customer:Acme", "d-1", "deal lost", AT),
                new io.attain.kernel.channel.ResolveChannelConflictCommand("customer:Acme", "conflict:1:Acme", "d-1",
                        "Cara Losch", "partner first", AT),
                new LaunchContestCommand("c-1", "Q2 sprint", "team-1", "Cara Losch", DAY, DAY.plusDays(30),
                        Metric.REVENUE, "EUR", List.of("Anna Snelling"), List.of("team-2"), PRIZES, AT),
                new AddContestParticipantCommand("c-1", "Boris Faz", null, AT),
                new RemoveContestParticipantCommand("c-1", null, "team-2", "reorganised", AT),
                new CancelContestCommand("c-1", "Cara Losch", "budget frozen", AT),
                new CloseContestCommand("c-1", "Cara Losch", AT),
                new AwardContestPrizeCommand("c-1", 1, "Anna Snelling", "Cara Losch", AT),
                new GrantRecognitionCommand("r-1", "Anna Snelling", "President's Club 2017", "top 5%", "admin", AT),
                new RevokeRecognitionCommand("r-1", "granted in error", "admin", AT),
                new io.attain.kernel.cost.RecordSalesCostCommand("cost-1", Period.parse("2017-Q2"),
                        io.attain.kernel.cost.CostCategory.MARKETING, Channel.ECOMMERCE, "team-1", AMOUNT, AT),
                new io.attain.kernel.cost.CorrectSalesCostCommand("cost-1", Money.of("1000.50", "EUR"),
                        "invoice credited", AT),
                new io.attain.kernel.customer.RegisterCustomerCommand("cust-1", "Betasoloin", "medical",
                        Money.of("251.41", "USD"), 495, "Germany", "cust-0", AT),
                new io.attain.kernel.customer.UpdateCustomerProfileCommand("cust-1", null, "technolgy", null, 500,
                        null, null, AT),
                new io.attain.kernel.customer.DesignateKeyAccountCommand("cust-1", "Anna Snelling",
                        LocalDate.of(2017, 4, 1), AT),
                new io.attain.kernel.customer.RevokeKeyAccountCommand("cust-1", LocalDate.of(2017, 12, 31),
                        "account moved", AT));
    }

    /** Every top-level class of the kernel's main output whose simple name ends with {@code suffix}. */
    static List<Class<?>> kernelClassesEndingWith(String suffix) {
        try {
            Path root = Path.of(Money.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(root::relativize)
                        .map(Path::toString)
                        .filter(name -> name.endsWith(suffix + ".class") && !name.contains("$"))
                        .map(name -> name.substring(0, name.length() - ".class".length())
                                .replace('/', '.').replace('\\', '.'))
                        .<Class<?>>map(Samples::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
