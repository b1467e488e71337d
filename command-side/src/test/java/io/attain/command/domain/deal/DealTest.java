package io.attain.command.domain.deal;

import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InMemoryAggregates;
import io.attain.command.domain.InvalidCommandException;
import io.attain.command.domain.organisation.Rep;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
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
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import io.attain.kernel.organisation.TeamCreatedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

class DealTest {

    private static final String DEAL = "d-1";
    private static final String OWNER = "Anna Snelling";
    private static final Instant NOW = Instant.parse("2017-05-10T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2017-05-02T08:00:00Z");
    private static final Money AMOUNT = Money.of("1200.50", "EUR");
    private static final LocalDate CLOSE = LocalDate.of(2017, 6, 30);

    private static final LocalDate HIRED = LocalDate.of(2016, 10, 20);
    /** Offboarded from 2017-05-05: active at EARLIER, no longer at NOW. */
    private static final String LEAVER = "Dora Weg";

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    /**
     * A deal fixture with the {@link DealCommandHandler}, which asks the reps (from a repository of
     * their own) whether they are active.
     */
    private static FixtureConfiguration<Deal> newFixture() {
        InMemoryAggregates<Rep> reps = InMemoryAggregates.of(Rep.class)
                .given(OWNER, onboardedRep(OWNER))
                .given("Boris Faz", onboardedRep("Boris Faz"))
                .given("Cara Losch", onboardedRep("Cara Losch"))
                .given(LEAVER, onboardedRep(LEAVER), new RepOffboardedEvent(LEAVER, LocalDate.of(2017, 5, 5), EARLIER))
                // the stream of another aggregate type under an id: not a rep
                .given("team-1", new TeamCreatedEvent("team-1", "Team 1", "east", "Cara Losch", EARLIER));
        FixtureConfiguration<Deal> fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerAnnotatedCommandHandler(new DealCommandHandler(fixture.getRepository(), reps.repository()));
        return fixture;
    }

    private static RepOnboardedEvent onboardedRep(String repId) {
        return new RepOnboardedEvent(repId, repId, Role.SALES_REP, "team-1", "Cara Losch", HIRED,
                Instant.parse("2016-10-20T08:00:00Z"));
    }

    private static DealOpenedEvent opened(Stage stage) {
        return new DealOpenedEvent(DEAL, OWNER, "Acme", "GTX Pro", Channel.DIRECT, null, AMOUNT, CLOSE, stage, EARLIER);
    }

    private static OpenDealCommand open(Channel channel, String partnerId, Money amount, Stage initialStage) {
        return new OpenDealCommand(DEAL, OWNER, "Acme", "GTX Pro", channel, partnerId, amount, CLOSE, initialStage, null);
    }

    private static CreditShare share(String repId, String percentage) {
        return new CreditShare(repId, new BigDecimal(percentage));
    }

    @Nested
    class OpenDeal {

        @Test
        void opensInLeadAtTheMessageClockTimeByDefault() {
            fixture.givenCurrentTime(NOW)
                    .when(open(Channel.DIRECT, null, AMOUNT, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DealOpenedEvent(DEAL, OWNER, "Acme", "GTX Pro", Channel.DIRECT, null, AMOUNT,
                            CLOSE, Stage.LEAD, NOW));
        }

        @Test
        void opensInTheGivenStageAtTheGivenBusinessTime() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDealCommand(DEAL, OWNER, "Acme", "GTX Pro", Channel.DISTRIBUTOR, "p-1", AMOUNT,
                            null, Stage.QUALIFIED, EARLIER))
                    .expectEvents(new DealOpenedEvent(DEAL, OWNER, "Acme", "GTX Pro", Channel.DISTRIBUTOR, "p-1",
                            AMOUNT, null, Stage.QUALIFIED, EARLIER));
        }

        @Test
        void aPartnerIsOptionalForEcommerceAndSocial() {
            fixture.givenCurrentTime(NOW)
                    .when(open(Channel.ECOMMERCE, null, AMOUNT, null))
                    .expectEvents(new DealOpenedEvent(DEAL, OWNER, "Acme", "GTX Pro", Channel.ECOMMERCE, null, AMOUNT,
                            CLOSE, Stage.LEAD, NOW));
            newFixture().givenCurrentTime(NOW)
                    .when(open(Channel.SOCIAL, "instagram", AMOUNT, Stage.PROPOSAL))
                    .expectEvents(new DealOpenedEvent(DEAL, OWNER, "Acme", "GTX Pro", Channel.SOCIAL, "instagram",
                            AMOUNT, CLOSE, Stage.PROPOSAL, NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Nobody", "team-1"})
        void refusesAnOwnerWhoIsNoRep(String ownerRepId) {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand(DEAL, ownerRepId, "Acme", "GTX Pro", Channel.DIRECT, null, AMOUNT, null,
                            null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("ownerRepId: no such rep")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "-1"})
        void refusesANonPositiveAmount(String amount) {
            fixture.givenNoPriorActivity()
                    .when(open(Channel.DIRECT, null, Money.of(amount, "EUR"), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be positive");
        }

        @ParameterizedTest
        @EnumSource(value = Channel.class, names = {"DISTRIBUTOR", "AGENT"})
        void refusesAnIndirectDealWithoutPartner(Channel channel) {
            fixture.givenNoPriorActivity()
                    .when(open(channel, null, AMOUNT, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("partnerId: is required for channel " + channel);
        }

        @Test
        void refusesADirectDealWithAPartner() {
            fixture.givenNoPriorActivity()
                    .when(open(Channel.DIRECT, "p-1", AMOUNT, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("partnerId: is not allowed for channel DIRECT");
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"WON", "LOST"})
        void refusesAClosedInitialStage(Stage stage) {
            fixture.givenNoPriorActivity()
                    .when(open(Channel.DIRECT, null, AMOUNT, stage))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("initialStage: must be an open stage");
        }
    }

    @Nested
    class AdvanceDeal {

        @Test
        void movesForwardSkippingStages() {
            fixture.given(opened(Stage.LEAD))
                    .andGivenCurrentTime(NOW)
                    .when(new AdvanceDealCommand(DEAL, Stage.NEGOTIATION, null, null, null))
                    .expectEvents(new DealStageChangedEvent(DEAL, Stage.LEAD, Stage.NEGOTIATION, false, null, NOW));
        }

        @Test
        void movesBackAndRecordsItAsBackward() {
            fixture.given(opened(Stage.NEGOTIATION))
                    .when(new AdvanceDealCommand(DEAL, Stage.QUALIFIED, "budget review", null, EARLIER))
                    .expectEvents(new DealStageChangedEvent(DEAL, Stage.NEGOTIATION, Stage.QUALIFIED, true,
                            "budget review", EARLIER));
        }

        @Test
        void isWonForTheDealAmountByDefault() {
            fixture.given(opened(Stage.PROPOSAL))
                    .andGivenCurrentTime(NOW)
                    .when(new AdvanceDealCommand(DEAL, Stage.WON, null, null, null))
                    .expectEvents(new DealWonEvent(DEAL, Stage.PROPOSAL, AMOUNT, null, NOW));
        }

        @Test
        void isWonForTheFinalAmountWhenGiven() {
            Money finalAmount = Money.of("1100", "EUR");
            fixture.given(opened(Stage.NEGOTIATION))
                    .when(new AdvanceDealCommand(DEAL, Stage.WON, "best price", finalAmount, EARLIER))
                    .expectEvents(new DealWonEvent(DEAL, Stage.NEGOTIATION, finalAmount, "best price", EARLIER));
        }

        @Test
        void isLostWithAReason() {
            fixture.given(opened(Stage.QUALIFIED))
                    .andGivenCurrentTime(NOW)
                    .when(new AdvanceDealCommand(DEAL, Stage.LOST, "price", null, null))
                    .expectEvents(new DealLostEvent(DEAL, Stage.QUALIFIED, "price", NOW));
        }

        @Test
        void refusesTheCurrentStage() {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new AdvanceDealCommand(DEAL, Stage.PROPOSAL, null, null, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("toStage: must differ from the current stage")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(Stage.class)
        void refusesAnyMoveOfAWonDeal(Stage to) {
            fixture.given(opened(Stage.NEGOTIATION), new DealWonEvent(DEAL, Stage.NEGOTIATION, AMOUNT, null, EARLIER))
                    .when(new AdvanceDealCommand(DEAL, to, "why not", null, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("dealId: deal is closed; only ReopenDeal can change it")
                    .expectNoEvents();
        }

        @Test
        void refusesAnyMoveOfALostDeal() {
            fixture.given(opened(Stage.LEAD), new DealLostEvent(DEAL, Stage.LEAD, "no budget", EARLIER))
                    .when(new AdvanceDealCommand(DEAL, Stage.QUALIFIED, null, null, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("dealId: deal is closed; only ReopenDeal can change it");
        }

        @Test
        void refusesLosingWithoutAReason() {
            fixture.given(opened(Stage.LEAD))
                    .when(new AdvanceDealCommand(DEAL, Stage.LOST, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("reason: is required when the deal is lost");
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"QUALIFIED", "NEGOTIATION", "LOST"})
        void refusesAFinalAmountUnlessWon(Stage to) {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new AdvanceDealCommand(DEAL, to, "reason", AMOUNT, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("finalAmount: is only allowed when the deal is won");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5"})
        void refusesANonPositiveFinalAmount(String amount) {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new AdvanceDealCommand(DEAL, Stage.WON, null, Money.of(amount, "EUR"), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("finalAmount: must be positive");
        }

        @Test
        void refusesAFinalAmountInAnotherCurrency() {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new AdvanceDealCommand(DEAL, Stage.WON, null, Money.of("1200.50", "USD"), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("finalAmount: must be in the currency of the deal");
        }

        @Test
        void refusesAnUnknownDeal() {
            fixture.givenNoPriorActivity()
                    .when(new AdvanceDealCommand(DEAL, Stage.QUALIFIED, null, null, null))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class ReopenDeal {

        @Test
        void reopensAWonDealIntoNegotiationByDefault() {
            fixture.given(opened(Stage.PROPOSAL), new DealWonEvent(DEAL, Stage.PROPOSAL, AMOUNT, null, EARLIER))
                    .andGivenCurrentTime(NOW)
                    .when(new ReopenDealCommand(DEAL, null, "contract cancelled", null))
                    .expectEvents(new DealReopenedEvent(DEAL, Stage.WON, Stage.NEGOTIATION, "contract cancelled", NOW));
        }

        @Test
        void reopensALostDealIntoTheGivenStage() {
            fixture.given(opened(Stage.PROPOSAL), new DealLostEvent(DEAL, Stage.PROPOSAL, "price", EARLIER))
                    .when(new ReopenDealCommand(DEAL, Stage.QUALIFIED, "customer came back", EARLIER))
                    .expectEvents(new DealReopenedEvent(DEAL, Stage.LOST, Stage.QUALIFIED, "customer came back",
                            EARLIER));
        }

        @Test
        void aReopenedDealMovesAgain() {
            fixture.given(opened(Stage.PROPOSAL), new DealLostEvent(DEAL, Stage.PROPOSAL, "price", EARLIER),
                            new DealReopenedEvent(DEAL, Stage.LOST, Stage.QUALIFIED, "came back", EARLIER))
                    .when(new AdvanceDealCommand(DEAL, Stage.LEAD, null, null, EARLIER))
                    .expectEvents(new DealStageChangedEvent(DEAL, Stage.QUALIFIED, Stage.LEAD, true, null, EARLIER));
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION"})
        void refusesAnOpenDeal(Stage stage) {
            fixture.given(opened(stage))
                    .when(new ReopenDealCommand(DEAL, null, "why", null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("dealId: deal is not closed")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"WON", "LOST"})
        void refusesAClosedTargetStage(Stage to) {
            fixture.given(opened(Stage.PROPOSAL), new DealLostEvent(DEAL, Stage.PROPOSAL, "price", EARLIER))
                    .when(new ReopenDealCommand(DEAL, to, "why", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("toStage: must be an open stage");
        }
    }

    @Nested
    class ChangeDealAmount {

        @Test
        void changesTheAmount() {
            Money newAmount = Money.of("1500", "EUR");
            fixture.given(opened(Stage.PROPOSAL))
                    .andGivenCurrentTime(NOW)
                    .when(new ChangeDealAmountCommand(DEAL, newAmount, null))
                    .expectEvents(new DealAmountChangedEvent(DEAL, AMOUNT, newAmount, NOW));
        }

        @Test
        void theNextChangeStartsFromTheLastAmount() {
            Money first = Money.of("1500", "EUR");
            Money second = Money.of("1700", "EUR");
            fixture.given(opened(Stage.PROPOSAL), new DealAmountChangedEvent(DEAL, AMOUNT, first, EARLIER))
                    .when(new ChangeDealAmountCommand(DEAL, second, EARLIER))
                    .expectEvents(new DealAmountChangedEvent(DEAL, first, second, EARLIER));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1200.50"})
        void refusesANonPositiveAmount(String amount) {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new ChangeDealAmountCommand(DEAL, Money.of(amount, "EUR"), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be positive");
        }

        @Test
        void refusesAnotherCurrency() {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new ChangeDealAmountCommand(DEAL, Money.of("1500", "USD"), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be in the currency of the deal");
        }

        @Test
        void refusesTheSameAmount() {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new ChangeDealAmountCommand(DEAL, Money.of("1200.5", "EUR"), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must differ from the current amount");
        }

        @Test
        void refusesAClosedDeal() {
            fixture.given(opened(Stage.PROPOSAL), new DealWonEvent(DEAL, Stage.PROPOSAL, AMOUNT, null, EARLIER))
                    .when(new ChangeDealAmountCommand(DEAL, Money.of("1500", "EUR"), null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("dealId: deal is closed; only ReopenDeal can change it")
                    .expectNoEvents();
        }

        @Test
        void aWonDealKeepsItsFinalAmount() {
            Money finalAmount = Money.of("1000", "EUR");
            fixture.given(opened(Stage.PROPOSAL), new DealWonEvent(DEAL, Stage.PROPOSAL, finalAmount, null, EARLIER),
                            new DealReopenedEvent(DEAL, Stage.WON, Stage.NEGOTIATION, "cancelled", EARLIER))
                    .when(new ChangeDealAmountCommand(DEAL, Money.of("1000.00", "EUR"), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must differ from the current amount");
        }
    }

    @Nested
    class SplitDealCredit {

        @Test
        void splitsBetweenRepsWithoutTheOwner() {
            List<CreditShare> shares = List.of(share("Boris Faz", "60"), share("Cara Losch", "40.00"));
            fixture.given(opened(Stage.PROPOSAL))
                    .andGivenCurrentTime(NOW)
                    .when(new SplitDealCreditCommand(DEAL, shares, null))
                    .expectEvents(new DealCreditSplitEvent(DEAL, shares, NOW));
        }

        @Test
        void splitsInThirdsWithTheOwner() {
            List<CreditShare> shares = List.of(share(OWNER, "33.34"), share("Boris Faz", "33.33"),
                    share("Cara Losch", "33.33"));
            fixture.given(opened(Stage.LEAD))
                    .when(new SplitDealCreditCommand(DEAL, shares, EARLIER))
                    .expectEvents(new DealCreditSplitEvent(DEAL, shares, EARLIER));
        }

        @Test
        void refusesNoShares() {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new SplitDealCreditCommand(DEAL, List.of(), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("shares: must not be empty");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-10"})
        void refusesANonPositiveShare(String percentage) {
            BigDecimal rest = BigDecimal.valueOf(100).subtract(new BigDecimal(percentage));
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new SplitDealCreditCommand(DEAL, List.of(share(OWNER, rest.toPlainString()),
                            share("Boris Faz", percentage)), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("shares: each share must be positive");
        }

        @Test
        void refusesTheSameRepTwice() {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new SplitDealCreditCommand(DEAL, List.of(share(OWNER, "50"), share(OWNER, "50")), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("shares: each rep may appear only once");
        }

        @ParameterizedTest
        @ValueSource(strings = {"99.99", "100.01", "150"})
        void refusesSharesNotSummingTo100(String ownerShare) {
            BigDecimal other = new BigDecimal("10");
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new SplitDealCreditCommand(DEAL, List.of(
                            share(OWNER, new BigDecimal(ownerShare).subtract(other).toPlainString()),
                            new CreditShare("Boris Faz", other)), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("shares: must sum to exactly 100");
        }

        @Test
        void refusesAClosedDeal() {
            fixture.given(opened(Stage.PROPOSAL), new DealLostEvent(DEAL, Stage.PROPOSAL, "price", EARLIER))
                    .when(new SplitDealCreditCommand(DEAL, List.of(share(OWNER, "100")), null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("dealId: deal is closed; only ReopenDeal can change it");
        }
    }

    /** The rules that need the reps: owner and split reps must exist and be active at the business time. */
    @Nested
    class ActiveReps {

        @Test
        void refusesAnOwnerNotYetHired() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand(DEAL, OWNER, "Acme", "GTX Pro", Channel.DIRECT, null, AMOUNT, null,
                            null, Instant.parse("2016-10-19T23:59:59Z")))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("ownerRepId: rep must be active at this time")
                    .expectNoEvents();
        }

        @Test
        void refusesAnOwnerOffboardedAtTheMessageClockTime() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDealCommand(DEAL, LEAVER, "Acme", "GTX Pro", Channel.DIRECT, null, AMOUNT, null,
                            null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("ownerRepId: rep must be active at this time")
                    .expectNoEvents();
        }

        @Test
        void acceptsAnOwnerActiveAtTheBusinessTimeAndRecordsThatTime() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDealCommand(DEAL, LEAVER, "Acme", "GTX Pro", Channel.DIRECT, null, AMOUNT, null,
                            null, EARLIER))
                    .expectEvents(new DealOpenedEvent(DEAL, LEAVER, "Acme", "GTX Pro", Channel.DIRECT, null, AMOUNT,
                            null, Stage.LEAD, EARLIER));
        }

        @Test
        void refusesAnUnknownRepInASplitNamingTheShare() {
            fixture.given(opened(Stage.PROPOSAL))
                    .when(new SplitDealCreditCommand(DEAL, List.of(share(OWNER, "50"), share("Nobody", "50")), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("shares[1].repId: no such rep")
                    .expectNoEvents();
        }

        @Test
        void refusesARepInASplitWhoIsNoLongerActive() {
            fixture.given(opened(Stage.PROPOSAL))
                    .andGivenCurrentTime(NOW)
                    .when(new SplitDealCreditCommand(DEAL, List.of(share(LEAVER, "50"), share(OWNER, "50")), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("shares[0].repId: rep must be active at this time")
                    .expectNoEvents();
        }

        @Test
        void splitsAtTheBusinessTimeWhenAllRepsWereActive() {
            List<CreditShare> shares = List.of(share(LEAVER, "50"), share(OWNER, "50"));
            fixture.given(opened(Stage.PROPOSAL))
                    .andGivenCurrentTime(NOW)
                    .when(new SplitDealCreditCommand(DEAL, shares, EARLIER))
                    .expectEvents(new DealCreditSplitEvent(DEAL, shares, EARLIER));
        }

        @Test
        void refusesToSplitAnUnknownDeal() {
            fixture.givenNoPriorActivity()
                    .when(new SplitDealCreditCommand(DEAL, List.of(share(OWNER, "100")), null))
                    .expectException(AggregateNotFoundException.class);
        }
    }
}
