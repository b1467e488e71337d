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

    static final Instant AT = Instant.parse("2017-05-04T09:30:00.123Z");
    static final LocalDate DAY = LocalDate.of(2017, 5, 1);
    static final Money AMOUNT = Money.of("1200.50", "EUR");

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
                new ProductLineRegisteredEvent("GTX Pro", "GTX", Money.of("5450.00", "USD"), AT));
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
                new RegisterProductLineCommand("GTX Pro", "GTX", Money.of("5450.00", "USD"), AT));
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
