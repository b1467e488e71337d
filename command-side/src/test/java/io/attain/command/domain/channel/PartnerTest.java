package io.attain.command.domain.channel;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.channel.AccrueRebateCommand;
import io.attain.kernel.channel.AgreementTerms;
import io.attain.kernel.channel.AgreementVersionPublishedEvent;
import io.attain.kernel.channel.Conversion;
import io.attain.kernel.channel.PartnerKind;
import io.attain.kernel.channel.PartnerRegisteredEvent;
import io.attain.kernel.channel.PublishAgreementVersionCommand;
import io.attain.kernel.channel.RebateAccruedEvent;
import io.attain.kernel.channel.RebateCalculation;
import io.attain.kernel.channel.RebateDeal;
import io.attain.kernel.channel.RebateReversedEvent;
import io.attain.kernel.channel.RebateTier;
import io.attain.kernel.channel.RegisterPartnerCommand;
import io.attain.kernel.channel.ReverseRebateCommand;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Period;
import io.attain.kernel.common.PeriodUnit;
import io.attain.kernel.common.Stage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.attain.command.domain.channel.ChannelFixtures.JAN_1;
import static io.attain.command.domain.channel.ChannelFixtures.MAY_12;
import static io.attain.command.domain.channel.ChannelFixtures.PARTNER;
import static io.attain.command.domain.channel.ChannelFixtures.dec;
import static io.attain.command.domain.channel.ChannelFixtures.eur;
import static io.attain.command.domain.channel.ChannelFixtures.flat;
import static io.attain.command.domain.channel.ChannelFixtures.terms;
import static io.attain.command.domain.channel.ChannelFixtures.usd;
import static io.attain.command.domain.channel.ChannelFixtures.usdToEur;
import static io.attain.command.domain.channel.ChannelFixtures.version;
import static io.attain.command.domain.channel.ChannelFixtures.won;
import static org.assertj.core.api.Assertions.assertThat;

class PartnerTest {

    private static final Instant NOW = Instant.parse("2017-05-20T12:00:00Z");
    private static final Instant AT = Instant.parse("2017-05-12T10:00:00Z");
    private static final Period Q2 = Period.parse("2017-Q2");

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
    }

    private static PartnerRegisteredEvent registered() {
        return new PartnerRegisteredEvent(PARTNER, "Acme Distribution", PartnerKind.DISTRIBUTOR, AT);
    }

    private static AgreementVersionPublishedEvent published(int number, AgreementTerms terms) {
        return new AgreementVersionPublishedEvent(PARTNER, number, terms, AT);
    }

    private static AccrueRebateCommand accrue(String lineId, RebateDeal deal, Conversion conversion) {
        return new AccrueRebateCommand(PARTNER, lineId, deal, conversion, List.of("won-" + deal.dealId()),
                List.of(42L), AT);
    }

    /** The event of an accrual at {@code before} EUR of the partner's quarter revenue, with agreement version 1. */
    private static RebateAccruedEvent accrued(String lineId, RebateDeal deal, String before) {
        RebateCalculation c = RebateCalculator.calculate(version(1, terms(JAN_1)), Q2, deal, null, eur(before));
        return new RebateAccruedEvent(PARTNER, lineId, deal.dealId(), c, List.of("won-" + deal.dealId()),
                List.of(42L), AT);
    }

    /** Captures the events of the {@code when} step, for assertions on the figures. */
    private static org.hamcrest.Matcher<List<? super org.axonframework.eventhandling.EventMessage<?>>> capture(
            List<Object> into) {
        return Matchers.predicate(events -> {
            events.forEach(e -> into.add(((org.axonframework.eventhandling.EventMessage<?>) e).getPayload()));
            return true;
        });
    }

    @Test
    void registersAPartner() {
        fixture.givenCurrentTime(NOW)
                .when(new RegisterPartnerCommand(PARTNER, "Acme Distribution", PartnerKind.DISTRIBUTOR, null))
                .expectEvents(new PartnerRegisteredEvent(PARTNER, "Acme Distribution", PartnerKind.DISTRIBUTOR, NOW));
    }

    @Nested
    class Agreements {

        @Test
        void signsVersionsWithIncreasingEffectiveDates() {
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(new PublishAgreementVersionCommand(PARTNER, flat(LocalDate.of(2017, 7, 1), "0.04"), AT))
                    .expectEvents(published(2, flat(LocalDate.of(2017, 7, 1), "0.04")));
        }

        @Test
        void refusesARetroactiveVersion() {
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(new PublishAgreementVersionCommand(PARTNER, flat(JAN_1, "0.04"), AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("terms.effectiveFrom: must be after 2017-01-01, the latest version's "
                            + "effective date (agreements are never changed retroactively)")
                    .expectNoEvents();
        }

        static Stream<Arguments> badTerms() {
            BigDecimal zero = BigDecimal.ZERO;
            return Stream.of(
                    Arguments.of(new AgreementTerms(null, "EUR", PeriodUnit.QUARTER, List.of(new RebateTier(zero, null, dec("0.1")))),
                            "terms.effectiveFrom: is required"),
                    Arguments.of(new AgreementTerms(JAN_1, "eur", PeriodUnit.QUARTER, List.of(new RebateTier(zero, null, dec("0.1")))),
                            "terms.currency: must be an ISO 4217 currency code"),
                    Arguments.of(new AgreementTerms(JAN_1, "EUR", null, List.of(new RebateTier(zero, null, dec("0.1")))),
                            "terms.period: is required"),
                    Arguments.of(new AgreementTerms(JAN_1, "EUR", PeriodUnit.QUARTER, List.of()),
                            "terms.tiers: must not be empty"),
                    Arguments.of(new AgreementTerms(JAN_1, "EUR", PeriodUnit.QUARTER, List.of(new RebateTier(dec("10"), null, dec("0.1")))),
                            "terms.tiers[0].fromRevenue: the first tier must start at 0"),
                    Arguments.of(new AgreementTerms(JAN_1, "EUR", PeriodUnit.QUARTER, List.of(
                                    new RebateTier(zero, dec("100"), dec("0.1")), new RebateTier(dec("90"), null, dec("0.2")))),
                            "terms.tiers[1].fromRevenue: must equal the previous tier's toRevenue (tiers are contiguous and do not overlap)"),
                    Arguments.of(new AgreementTerms(JAN_1, "EUR", PeriodUnit.QUARTER, List.of(new RebateTier(zero, dec("100"), dec("0.1")))),
                            "terms.tiers[0].toRevenue: the last tier must be open-ended"),
                    Arguments.of(new AgreementTerms(JAN_1, "EUR", PeriodUnit.QUARTER, List.of(
                                    new RebateTier(zero, null, dec("0.1")), new RebateTier(dec("100"), null, dec("0.2")))),
                            "terms.tiers[0].toRevenue: only the last tier may be open-ended"),
                    Arguments.of(new AgreementTerms(JAN_1, "EUR", PeriodUnit.QUARTER, List.of(new RebateTier(zero, null, dec("1.5")))),
                            "terms.tiers[0].rate: must be between 0 and 1"),
                    Arguments.of(new AgreementTerms(JAN_1, "EUR", PeriodUnit.QUARTER, List.of(new RebateTier(zero, null, dec("-0.01")))),
                            "terms.tiers[0].rate: must be between 0 and 1"));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("badTerms")
        void refusesBadTermsNamingTheField(AgreementTerms terms, String message) {
            fixture.given(registered())
                    .when(new PublishAgreementVersionCommand(PARTNER, terms, AT))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }
    }

    @Nested
    class Accruals {

        @Test
        void aWonIndirectDealAccruesWithTheVersionInForceAndTheQuarterRevenueSoFar() {
            // 80,000 already in Q2 (d-1); d-2 brings 50,000: 20,000 × 2 % = 400 + 30,000 × 3.5 % = 1,050 → 1,450.00
            List<Object> events = new ArrayList<>();
            fixture.given(registered(), published(1, terms(JAN_1)),
                            accrued("l-1", won("d-1", eur("80000"), MAY_12), "0"))
                    .when(accrue("l-2", won("d-2", eur("50000"), MAY_12), null))
                    .expectEvents(accrued("l-2", won("d-2", eur("50000"), MAY_12), "80000"))
                    .expectEventsMatching(capture(events));
            RebateCalculation c = ((RebateAccruedEvent) events.get(0)).calculation();
            assertThat(c.revenueBefore()).isEqualTo(eur("80000"));
            assertThat(c.slices()).extracting(s -> s.rebate().amount().stripTrailingZeros().toPlainString())
                    .containsExactly("400", "1050");
            assertThat(c.rebate()).isEqualTo(eur("1450.00"));
        }

        @Test
        void aNewVersionAppliesFromItsDateAndLeavesEarlierDealsOnTheOldOne() {
            // v2 (flat 4 %) from 2017-07-01: a deal of 2017-05-12 still gets v1's 2 %: 10,000 → 200.00
            List<Object> events = new ArrayList<>();
            fixture.given(registered(), published(1, terms(JAN_1)), published(2, flat(LocalDate.of(2017, 7, 1), "0.04")))
                    .when(accrue("l-1", won("d-1", eur("10000"), MAY_12), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(capture(events));
            RebateCalculation c = ((RebateAccruedEvent) events.get(0)).calculation();
            assertThat(c.agreementVersion().version()).isEqualTo(1);
            assertThat(c.rebate()).isEqualTo(eur("200.00"));
        }

        @Test
        void aDealInAnotherCurrencyIsConvertedWithTheRecordedRate() {
            // 12,345.67 USD × 0.9123 = 11,262.954741 EUR; × 2 % = 225.25909482 → 225.26 (difference +0.00090518)
            List<Object> events = new ArrayList<>();
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", won("d-1", usd("12345.67"), MAY_12), usdToEur("0.9123", LocalDate.of(2017, 5, 1))))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(capture(events));
            RebateCalculation c = ((RebateAccruedEvent) events.get(0)).calculation();
            assertThat(c.revenue()).isEqualTo(eur("11262.954741"));
            assertThat(c.exactRebate().amount()).isEqualByComparingTo("225.25909482");
            assertThat(c.rebate()).isEqualTo(eur("225.26"));
            assertThat(c.roundingDifference().amount()).isEqualByComparingTo("0.00090518");
            assertThat(c.conversion().rate()).isEqualByComparingTo("0.9123");
        }

        @Test
        void refusesADealInAnotherCurrencyWithoutARate() {
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", won("d-1", usd("100"), MAY_12), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("conversion: is required: the deal is in USD, the agreement in EUR")
                    .expectNoEvents();
        }

        @Test
        void refusesAConversionOfTheWrongPairOrFromAfterTheBusinessDate() {
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", won("d-1", usd("100"), MAY_12),
                            new Conversion("GBP", "EUR", dec("1.1"), JAN_1)))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("conversion: must convert USD to EUR")
                    .expectNoEvents();
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", won("d-1", usd("100"), MAY_12), usdToEur("0.9", LocalDate.of(2017, 5, 13))))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("conversion.effectiveDate: must be on or before the deal's business date")
                    .expectNoEvents();
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", won("d-1", eur("100"), MAY_12), usdToEur("0.9", JAN_1)))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("conversion: only for a deal in another currency than EUR")
                    .expectNoEvents();
        }

        @Test
        void refusesADealThatIsNotWon() {
            RebateDeal open = new RebateDeal("d-1", "Globex", Channel.DISTRIBUTOR, PARTNER, Stage.NEGOTIATION,
                    eur("100"), MAY_12);
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", open, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("deal.stage: a rebate needs a won deal")
                    .expectNoEvents();
        }

        @Test
        void refusesADirectDealADealOfAnotherPartnerAndAnAgentDealForADistributor() {
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", new RebateDeal("d-1", "Globex", Channel.DIRECT, null, Stage.WON, eur("100"),
                            MAY_12), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("deal.channel: a rebate needs an indirect deal")
                    .expectNoEvents();
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", new RebateDeal("d-1", "Globex", Channel.DISTRIBUTOR, "other", Stage.WON,
                            eur("100"), MAY_12), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("deal.partnerId: the deal is not with partner " + PARTNER)
                    .expectNoEvents();
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", new RebateDeal("d-1", "Globex", Channel.AGENT, PARTNER, Stage.WON,
                            eur("100"), MAY_12), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("deal.channel: must be DISTRIBUTOR for a DISTRIBUTOR partner")
                    .expectNoEvents();
        }

        @Test
        void anEcommerceDealNamingThePartnerEarnsARebate() {
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", new RebateDeal("d-1", "Globex", Channel.ECOMMERCE, PARTNER, Stage.WON,
                            eur("1000"), MAY_12), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesADealBeforeTheFirstAgreement() {
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(accrue("l-1", won("d-1", eur("100"), LocalDate.of(2016, 12, 31)), null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("deal.businessDate: no agreement version in force on 2016-12-31")
                    .expectNoEvents();
        }

        @Test
        void neverAccruesADealTwice() {
            fixture.given(registered(), published(1, terms(JAN_1)), accrued("l-1", won("d-1", eur("100"), MAY_12), "0"))
                    .when(accrue("l-1", won("d-1", eur("100"), MAY_12), null))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("lineId: a line with this id is already booked")
                    .expectNoEvents();
            fixture.given(registered(), published(1, terms(JAN_1)), accrued("l-1", won("d-1", eur("100"), MAY_12), "0"))
                    .when(accrue("l-9", won("d-1", eur("100"), MAY_12), null))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("deal.dealId: the deal's rebate is already accrued (reverse it first)")
                    .expectNoEvents();
        }
    }

    @Nested
    class Reversals {

        private final RebateAccruedEvent line = accrued("l-1", won("d-1", eur("40000"), MAY_12), "0");

        private ReverseRebateCommand reverse(String id) {
            return new ReverseRebateCommand(PARTNER, id, "d-1", "deal reopened", List.of("reopen-1"), List.of(50L), AT);
        }

        @Test
        void reversesExactlyWhatTheLineAccruedAsANewLine() {
            // l-1: 40,000 × 2 % = 800.00; the reversal takes back −40,000 revenue and −800.00
            fixture.given(registered(), published(1, terms(JAN_1)), line)
                    .when(reverse("r-1"))
                    .expectEvents(new RebateReversedEvent(PARTNER, "r-1", "l-1", "d-1", Q2, line.calculation(),
                            eur("-40000"), eur("-800.00"), "deal reopened", List.of("reopen-1"), List.of(50L), AT));
        }

        @Test
        void aReversedDealCanAccrueAgainAndTheQuarterRevenueNoLongerCountsIt() {
            // after the reversal the quarter is back at 0: a new win of 100,000 → 100,000 × 2 % = 2,000.00
            RebateAccruedEvent again = accrued("l-2", won("d-1", eur("100000"), MAY_12), "0");
            fixture.given(registered(), published(1, terms(JAN_1)), line,
                            new RebateReversedEvent(PARTNER, "r-1", "l-1", "d-1", Q2, line.calculation(),
                                    eur("-40000"), eur("-800.00"), "deal reopened", List.of(), List.of(), AT))
                    .when(accrue("l-2", won("d-1", eur("100000"), MAY_12), null))
                    .expectEvents(again);
            assertThat(again.calculation().rebate()).isEqualTo(eur("2000.00"));
        }

        @Test
        void refusesAReversalWithoutAnAccruedLineAndATwiceUsedId() {
            fixture.given(registered(), published(1, terms(JAN_1)))
                    .when(reverse("r-1"))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("dealId: the deal has no accrued rebate to reverse")
                    .expectNoEvents();
            fixture.given(registered(), published(1, terms(JAN_1)), line,
                            new RebateReversedEvent(PARTNER, "r-1", "l-1", "d-1", Q2, line.calculation(),
                                    eur("-40000"), eur("-800.00"), "deal reopened", List.of(), List.of(), AT))
                    .when(reverse("r-1"))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("reversalLineId: a line with this id is already booked")
                    .expectNoEvents();
        }
    }
}
