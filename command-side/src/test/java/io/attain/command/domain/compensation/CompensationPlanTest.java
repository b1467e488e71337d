package io.attain.command.domain.compensation;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Role;
import io.attain.kernel.compensation.AssignPlanCommand;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.CreatePlanCommand;
import io.attain.kernel.compensation.PlanAssignedEvent;
import io.attain.kernel.compensation.PlanCreatedEvent;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PlanVersionPublishedEvent;
import io.attain.kernel.compensation.PublishPlanVersionCommand;
import io.attain.kernel.compensation.Spiff;
import io.attain.kernel.compensation.ThresholdBonus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.attain.command.domain.compensation.CompensationFixtures.JAN_1;
import static io.attain.command.domain.compensation.CompensationFixtures.dec;
import static io.attain.command.domain.compensation.CompensationFixtures.eur;
import static io.attain.command.domain.compensation.CompensationFixtures.terms;
import static io.attain.command.domain.compensation.CompensationFixtures.withBands;
import static io.attain.command.domain.compensation.CompensationFixtures.withBonuses;
import static io.attain.command.domain.compensation.CompensationFixtures.withCaps;
import static io.attain.command.domain.compensation.CompensationFixtures.withClawbackWindow;
import static io.attain.command.domain.compensation.CompensationFixtures.withCurrency;
import static io.attain.command.domain.compensation.CompensationFixtures.withMinimumDealSize;
import static io.attain.command.domain.compensation.CompensationFixtures.withRollUp;
import static io.attain.command.domain.compensation.CompensationFixtures.withSpiffs;
import static org.assertj.core.api.Assertions.assertThat;

class CompensationPlanTest {

    private static final String PLAN = "plan-1";
    private static final Instant NOW = Instant.parse("2017-03-10T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2016-12-20T09:00:00Z");
    private static final LocalDate APR_1 = LocalDate.of(2017, 4, 1);
    private static final LocalDate MAR_1 = LocalDate.of(2017, 3, 1);

    private FixtureConfiguration<CompensationPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CompensationPlan.class);
    }

    private static PlanCreatedEvent created() {
        return new PlanCreatedEvent(PLAN, "Field sales", EARLIER);
    }

    private static PlanVersionPublishedEvent published(int version, PlanTerms terms, boolean retroactive) {
        return new PlanVersionPublishedEvent(PLAN, version, terms, retroactive, EARLIER);
    }

    @Test
    void createsAPlan() {
        fixture.givenCurrentTime(NOW)
                .when(new CreatePlanCommand(PLAN, "Field sales", null))
                .expectEvents(new PlanCreatedEvent(PLAN, "Field sales", NOW));
    }

    @Nested
    class PublishVersion {

        @Test
        void publishesTheFirstVersion() {
            fixture.given(created())
                    .andGivenCurrentTime(NOW)
                    .when(new PublishPlanVersionCommand(PLAN, terms(JAN_1), false, null))
                    .expectEvents(new PlanVersionPublishedEvent(PLAN, 1, terms(JAN_1), false, NOW));
        }

        @Test
        void publishesAFullyFeaturedVersion() {
            PlanTerms full = withRollUp(withMinimumDealSize(withSpiffs(withBonuses(withCaps(terms(JAN_1), eur("5000"),
                    eur("20000")), new ThresholdBonus(dec("1.0"), eur("1000")), new ThresholdBonus(dec("1.2"),
                    eur("2500"))), new Spiff("s-1", "GTX Pro", Channel.DIRECT, JAN_1, APR_1, null, dec("0.01")),
                    new Spiff("s-2", null, Channel.ECOMMERCE, JAN_1, JAN_1, eur("250"), null)), eur("1000")), true,
                    dec("0.01"));
            fixture.given(created())
                    .when(new PublishPlanVersionCommand(PLAN, full, false, EARLIER))
                    .expectEvents(new PlanVersionPublishedEvent(PLAN, 1, full, false, EARLIER));
        }

        @Test
        void laterVersionsHaveStrictlyIncreasingEffectiveDates() {
            fixture.given(created(), published(1, terms(JAN_1), false))
                    .when(new PublishPlanVersionCommand(PLAN, terms(APR_1), false, EARLIER))
                    .expectEvents(new PlanVersionPublishedEvent(PLAN, 2, terms(APR_1), false, EARLIER));
        }

        @Test
        void refusesAnEarlierOrEqualDateUnlessRetroactive() {
            fixture.given(created(), published(1, terms(JAN_1), false), published(2, terms(APR_1), false))
                    .when(new PublishPlanVersionCommand(PLAN, terms(MAR_1), false, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("terms.effectiveFrom: must be after 2017-04-01, the latest version's "
                            + "effective date, unless published as a retroactive change")
                    .expectNoEvents();
            new AggregateTestFixture<>(CompensationPlan.class)
                    .given(created(), published(1, terms(APR_1), false))
                    .when(new PublishPlanVersionCommand(PLAN, terms(APR_1), false, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aRetroactiveVersionIsFlaggedAndLeavesTheOldVersionsAlone() {
            PlanTerms retro = withClawbackWindow(terms(MAR_1), 30);
            fixture.given(created(), published(1, terms(JAN_1), false), published(2, terms(APR_1), false))
                    .when(new PublishPlanVersionCommand(PLAN, retro, true, EARLIER))
                    .expectEvents(new PlanVersionPublishedEvent(PLAN, 3, retro, true, EARLIER))
                    .expectState(plan -> {
                        assertThat(plan.version(1).orElseThrow().terms()).isEqualTo(terms(JAN_1));
                        assertThat(plan.version(2).orElseThrow().terms()).isEqualTo(terms(APR_1));
                        // the highest version effective on or before the date is in force
                        assertThat(plan.versionInForceOn(LocalDate.of(2017, 2, 28)).orElseThrow().version())
                                .isEqualTo(1);
                        assertThat(plan.versionInForceOn(MAR_1).orElseThrow().version()).isEqualTo(3);
                        assertThat(plan.versionInForceOn(LocalDate.of(2017, 5, 1)).orElseThrow().version())
                                .isEqualTo(3);
                        assertThat(plan.versionInForceOn(LocalDate.of(2016, 12, 31))).isEmpty();
                    });
        }

        @Test
        void refusesTheRetroactiveFlagForAVersionThatIsNot() {
            fixture.given(created(), published(1, terms(JAN_1), false))
                    .when(new PublishPlanVersionCommand(PLAN, terms(APR_1), true, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("retroactive: only for a version effective on or before the latest "
                            + "version's effective date")
                    .expectNoEvents();
        }

        static Stream<Arguments> invalidTerms() {
            PlanTerms ok = terms(JAN_1);
            CommissionBand b0 = new CommissionBand(dec("0"), dec("0.5"), dec("0.02"));
            CommissionBand b1 = new CommissionBand(dec("0.5"), dec("1.0"), dec("0.05"));
            CommissionBand open = new CommissionBand(dec("1.0"), null, dec("0.08"));
            Spiff spiff = new Spiff("s", "GTX Pro", null, JAN_1, APR_1, null, dec("0.01"));
            return Stream.of(
                    Arguments.of(new PlanTerms(null, "EUR", null, ok.bands(), null, null, null, null, null, 0, false, null),
                            "terms.effectiveFrom: is required"),
                    Arguments.of(withCurrency(ok, null), "terms.currency: is required"),
                    Arguments.of(withCurrency(ok, " "), "terms.currency: is required"),
                    Arguments.of(withCurrency(ok, "eur"), "terms.currency: must be an ISO 4217 currency code"),
                    Arguments.of(new PlanTerms(JAN_1, "EUR", Money.of("1", "USD"), ok.bands(), null, null, null, null,
                            null, 0, false, null), "terms.basePay: must be in the plan's currency EUR"),
                    Arguments.of(new PlanTerms(JAN_1, "EUR", eur("-1"), ok.bands(), null, null, null, null, null, 0,
                            false, null), "terms.basePay: must not be negative"),
                    Arguments.of(withBands(ok, List.of()), "terms.bands: must not be empty"),
                    Arguments.of(withBands(ok, List.of(new CommissionBand(null, null, dec("0.1")))),
                            "terms.bands[0]: fromAttainment and rate are required"),
                    Arguments.of(withBands(ok, List.of(new CommissionBand(dec("0.1"), null, dec("0.1")))),
                            "terms.bands[0].fromAttainment: the first band must start at 0"),
                    Arguments.of(withBands(ok, List.of(b0, new CommissionBand(dec("0.6"), null, dec("0.05")))),
                            "terms.bands[1].fromAttainment: must equal the previous band's toAttainment "
                                    + "(bands are contiguous and do not overlap)"),
                    Arguments.of(withBands(ok, List.of(b0, new CommissionBand(dec("0.4"), null, dec("0.05")))),
                            "terms.bands[1].fromAttainment: must equal the previous band's toAttainment "
                                    + "(bands are contiguous and do not overlap)"),
                    Arguments.of(withBands(ok, List.of(new CommissionBand(dec("0"), null, dec("0.02")), open)),
                            "terms.bands[0].toAttainment: only the last band may be open-ended"),
                    Arguments.of(withBands(ok, List.of(b0, b1)),
                            "terms.bands[1].toAttainment: the last band must be open-ended"),
                    Arguments.of(withBands(ok, List.of(new CommissionBand(dec("0"), dec("0"), dec("0.02")),
                            new CommissionBand(dec("0"), null, dec("0.02")))),
                            "terms.bands[0].toAttainment: must be greater than fromAttainment"),
                    Arguments.of(withBands(ok, List.of(b0, b1, new CommissionBand(dec("1.0"), null, dec("-0.01")))),
                            "terms.bands[2].rate: must not be negative"),
                    Arguments.of(withCaps(ok, eur("0"), null), "terms.perDealCap: must be positive"),
                    Arguments.of(withCaps(ok, null, Money.of("10", "USD")),
                            "terms.perPeriodCap: must be in the plan's currency EUR"),
                    Arguments.of(withBonuses(ok, new ThresholdBonus(dec("0"), eur("10"))),
                            "terms.thresholdBonuses[0].attainment: must be positive"),
                    Arguments.of(withBonuses(ok, new ThresholdBonus(dec("1.0"), eur("-10"))),
                            "terms.thresholdBonuses[0].amount: must be positive"),
                    Arguments.of(withBonuses(ok, new ThresholdBonus(dec("1.0"), eur("10")),
                            new ThresholdBonus(dec("1.00"), eur("20"))),
                            "terms.thresholdBonuses[1].attainment: each threshold may appear only once"),
                    Arguments.of(withSpiffs(ok, spiff, spiff), "terms.spiffs[1].spiffId: each SPIFF id may appear only once"),
                    Arguments.of(withSpiffs(ok, new Spiff("s", null, null, JAN_1, APR_1, null, dec("0.01"))),
                            "terms.spiffs[0]: a product line or a channel is required"),
                    Arguments.of(withSpiffs(ok, new Spiff("s", "GTX Pro", null, APR_1, JAN_1, null, dec("0.01"))),
                            "terms.spiffs[0].validTo: must not be before validFrom"),
                    Arguments.of(withSpiffs(ok, new Spiff("s", "GTX Pro", null, JAN_1, null, null, dec("0.01"))),
                            "terms.spiffs[0]: validFrom and validTo are required"),
                    Arguments.of(withSpiffs(ok, new Spiff("s", "GTX Pro", null, JAN_1, APR_1, eur("1"), dec("0.01"))),
                            "terms.spiffs[0]: exactly one of fixedAmount and rate is required"),
                    Arguments.of(withSpiffs(ok, new Spiff("s", "GTX Pro", null, JAN_1, APR_1, null, null)),
                            "terms.spiffs[0]: exactly one of fixedAmount and rate is required"),
                    Arguments.of(withSpiffs(ok, new Spiff("s", "GTX Pro", null, JAN_1, APR_1, null, dec("0"))),
                            "terms.spiffs[0].rate: must be positive"),
                    Arguments.of(withSpiffs(ok, new Spiff(" ", "GTX Pro", null, JAN_1, APR_1, null, dec("0.1"))),
                            "terms.spiffs[0].spiffId: must not be blank"),
                    Arguments.of(withMinimumDealSize(ok, eur("-5")), "terms.minimumDealSize: must not be negative"),
                    Arguments.of(withClawbackWindow(ok, -1), "terms.clawbackWindowDays: must not be negative"),
                    Arguments.of(withRollUp(ok, true, null), "terms.rollUpRate: must be positive when rolling up to managers"),
                    Arguments.of(withRollUp(ok, false, dec("0.01")),
                            "terms.rollUpRate: is only allowed when rolling up to managers"));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("invalidTerms")
        void refusesInvalidTerms(PlanTerms terms, String message) {
            fixture.given(created())
                    .when(new PublishPlanVersionCommand(PLAN, terms, false, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }
    }

    @Nested
    class AssignPlan {

        @Test
        void assignsToARep() {
            fixture.given(created(), published(1, terms(JAN_1), false))
                    .andGivenCurrentTime(NOW)
                    .when(new AssignPlanCommand(PLAN, "Anna Snelling", null, JAN_1, null))
                    .expectEvents(new PlanAssignedEvent(PLAN, "Anna Snelling", null, JAN_1, NOW));
        }

        @Test
        void assignsToARole() {
            fixture.given(created(), published(1, terms(JAN_1), false))
                    .when(new AssignPlanCommand(PLAN, null, Role.KEY_ACCOUNT_MANAGER, APR_1, EARLIER))
                    .expectEvents(new PlanAssignedEvent(PLAN, null, Role.KEY_ACCOUNT_MANAGER, APR_1, EARLIER));
        }

        @Test
        void needsExactlyOneOfRepAndRole() {
            fixture.given(created(), published(1, terms(JAN_1), false))
                    .when(new AssignPlanCommand(PLAN, "Anna Snelling", Role.SALES_REP, JAN_1, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("repId: exactly one of repId and role is required");
            new AggregateTestFixture<>(CompensationPlan.class)
                    .given(created(), published(1, terms(JAN_1), false))
                    .when(new AssignPlanCommand(PLAN, null, null, JAN_1, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void needsAPublishedVersion() {
            fixture.given(created())
                    .when(new AssignPlanCommand(PLAN, "Anna Snelling", null, JAN_1, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("planId: plan has no published version")
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameAssignmentTwice() {
            fixture.given(created(), published(1, terms(JAN_1), false),
                            new PlanAssignedEvent(PLAN, "Anna Snelling", null, JAN_1, EARLIER))
                    .when(new AssignPlanCommand(PLAN, "Anna Snelling", null, JAN_1, null))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("effectiveFrom: the plan is already assigned to this assignee from that date")
                    .expectNoEvents();
        }
    }
}
