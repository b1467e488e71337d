package io.attain.command.domain.organisation;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.LogCallCommand;
import io.attain.kernel.activity.LogProposalCommand;
import io.attain.kernel.activity.LogVisitCommand;
import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Role;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.RepOnboardedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Stream;

/** Activities logged by a rep: visits, calls, proposals. */
class RepActivityTest {

    private static final String REP = "Anna Snelling";
    private static final LocalDate HIRED = LocalDate.of(2016, 10, 20);
    private static final LocalDate LEAVES = LocalDate.of(2017, 6, 1);
    private static final Instant NOW = Instant.parse("2017-05-10T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2017-04-28T08:00:00Z");

    private FixtureConfiguration<Rep> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rep.class);
    }

    private static RepOnboardedEvent onboarded() {
        return new RepOnboardedEvent(REP, REP, Role.SALES_REP, "team-1", "Cara Losch", HIRED,
                Instant.parse("2016-10-20T08:00:00Z"));
    }

    private static RepOffboardedEvent offboarded() {
        return new RepOffboardedEvent(REP, LEAVES, EARLIER);
    }

    /** Each kind of activity command, built for an activity id and a business time. */
    static Stream<Arguments> activities() {
        return Stream.of(
                Arguments.of(Named.<Function<String, Function<Instant, Object>>>of("visit",
                        id -> at -> new LogVisitCommand(REP, id, "Acme", "demo", "interested", at))),
                Arguments.of(Named.<Function<String, Function<Instant, Object>>>of("call",
                        id -> at -> new LogCallCommand(REP, id, "Acme", "follow-up", "callback", at))),
                Arguments.of(Named.<Function<String, Function<Instant, Object>>>of("proposal",
                        id -> at -> new LogProposalCommand(REP, id, "Acme", "GTX Pro", null, null, at))));
    }

    @Nested
    class LogVisit {

        @Test
        void logsAVisitAtTheMessageClockTime() {
            fixture.given(onboarded())
                    .andGivenCurrentTime(NOW)
                    .when(new LogVisitCommand(REP, "a-1", "Acme", "demo", "interested", null))
                    .expectEvents(new VisitLoggedEvent(REP, "a-1", "Acme", "demo", "interested", NOW));
        }

        @Test
        void logsAVisitAtTheGivenBusinessTime() {
            fixture.given(onboarded())
                    .andGivenCurrentTime(NOW)
                    .when(new LogVisitCommand(REP, "a-1", "Acme", "demo", "interested", EARLIER))
                    .expectEvents(new VisitLoggedEvent(REP, "a-1", "Acme", "demo", "interested", EARLIER));
        }
    }

    @Nested
    class LogCall {

        @Test
        void logsACallAtTheMessageClockTime() {
            fixture.given(onboarded())
                    .andGivenCurrentTime(NOW)
                    .when(new LogCallCommand(REP, "a-2", "Acme", "follow-up", "callback", null))
                    .expectEvents(new CallLoggedEvent(REP, "a-2", "Acme", "follow-up", "callback", NOW));
        }

        @Test
        void logsACallOnTheLastActiveDay() {
            Instant lastMinute = Instant.parse("2017-05-31T23:59:00Z");
            fixture.given(onboarded(), offboarded())
                    .when(new LogCallCommand(REP, "a-2", "Acme", "follow-up", "callback", lastMinute))
                    .expectEvents(new CallLoggedEvent(REP, "a-2", "Acme", "follow-up", "callback", lastMinute));
        }
    }

    @Nested
    class LogProposal {

        @Test
        void logsAProposalWithAmountAndDeal() {
            Money amount = Money.of("1200.50", "EUR");
            fixture.given(onboarded())
                    .andGivenCurrentTime(NOW)
                    .when(new LogProposalCommand(REP, "a-3", "Acme", "GTX Pro", amount, "d-1", null))
                    .expectEvents(new ProposalLoggedEvent(REP, "a-3", "Acme", "GTX Pro", amount, "d-1", NOW));
        }

        @Test
        void logsAProposalWithoutAmount() {
            fixture.given(onboarded())
                    .when(new LogProposalCommand(REP, "a-3", "Acme", "GTX Pro", null, null, EARLIER))
                    .expectEvents(new ProposalLoggedEvent(REP, "a-3", "Acme", "GTX Pro", null, null, EARLIER));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1"})
        void refusesANonPositiveAmount(String amount) {
            fixture.given(onboarded())
                    .when(new LogProposalCommand(REP, "a-3", "Acme", "GTX Pro", Money.of(amount, "EUR"), null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount: must be positive")
                    .expectNoEvents();
        }
    }

    @Nested
    class AnyActivity {

        @ParameterizedTest
        @MethodSource("io.attain.command.domain.organisation.RepActivityTest#activities")
        void refusesABusinessTimeBeforeTheHireDate(Function<String, Function<Instant, Object>> activity) {
            fixture.given(onboarded())
                    .when(activity.apply("a-9").apply(Instant.parse("2016-10-19T23:59:59Z")))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("occurredAt: rep must be active at this time")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("io.attain.command.domain.organisation.RepActivityTest#activities")
        void refusesABusinessTimeFromTheOffboardingDateOn(Function<String, Function<Instant, Object>> activity) {
            fixture.given(onboarded(), offboarded())
                    .when(activity.apply("a-9").apply(Instant.parse("2017-06-01T00:00:00Z")))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("occurredAt: rep must be active at this time");
        }

        @ParameterizedTest
        @MethodSource("io.attain.command.domain.organisation.RepActivityTest#activities")
        void refusesTheMessageClockTimeWhenTheRepHasLeft(Function<String, Function<Instant, Object>> activity) {
            fixture.given(onboarded(), offboarded())
                    .andGivenCurrentTime(Instant.parse("2017-07-01T10:00:00Z"))
                    .when(activity.apply("a-9").apply(null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("occurredAt: rep must be active at this time");
        }

        @ParameterizedTest
        @MethodSource("io.attain.command.domain.organisation.RepActivityTest#activities")
        void refusesAnActivityIdAlreadyLoggedByAnyKindOfActivity(Function<String, Function<Instant, Object>> activity) {
            fixture.given(onboarded(), new VisitLoggedEvent(REP, "a-1", "Acme", "demo", "interested", EARLIER),
                            new CallLoggedEvent(REP, "a-2", "Acme", "follow-up", "callback", EARLIER),
                            new ProposalLoggedEvent(REP, "a-3", "Acme", "GTX Pro", null, null, EARLIER))
                    .when(activity.apply("a-1").apply(NOW))
                    .expectException(DuplicateException.class)
                    .expectExceptionMessage("activityId: activity already logged");
            for (String id : new String[]{"a-2", "a-3"}) {
                new AggregateTestFixture<>(Rep.class)
                        .given(onboarded(), new CallLoggedEvent(REP, "a-2", "Acme", "follow-up", "callback", EARLIER),
                                new ProposalLoggedEvent(REP, "a-3", "Acme", "GTX Pro", null, null, EARLIER))
                        .when(activity.apply(id).apply(NOW))
                        .expectException(DuplicateException.class)
                        .expectExceptionMessage("activityId: activity already logged");
            }
        }

        @ParameterizedTest
        @MethodSource("io.attain.command.domain.organisation.RepActivityTest#activities")
        void refusesAnUnknownRep(Function<String, Function<Instant, Object>> activity) {
            fixture.givenNoPriorActivity()
                    .when(activity.apply("a-1").apply(NOW))
                    .expectException(AggregateNotFoundException.class);
        }
    }
}
