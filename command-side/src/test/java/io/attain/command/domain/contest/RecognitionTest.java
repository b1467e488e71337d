package io.attain.command.domain.contest;

import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InMemoryAggregates;
import io.attain.command.domain.InvalidCommandException;
import io.attain.command.domain.organisation.Rep;
import io.attain.command.domain.organisation.Team;
import io.attain.kernel.common.Role;
import io.attain.kernel.contest.GrantRecognitionCommand;
import io.attain.kernel.contest.RecognitionGrantedEvent;
import io.attain.kernel.contest.RecognitionRevokedEvent;
import io.attain.kernel.contest.RevokeRecognitionCommand;
import io.attain.kernel.organisation.RepOnboardedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

class RecognitionTest {

    private static final Instant AT = Instant.parse("2017-12-15T10:00:00Z");
    private static final Instant LATER = Instant.parse("2018-01-10T10:00:00Z");

    private FixtureConfiguration<Recognition> fixture;

    @BeforeEach
    void setUp() {
        InMemoryAggregates<Rep> reps = InMemoryAggregates.of(Rep.class).given("anna",
                new RepOnboardedEvent("anna", "Anna", Role.SALES_REP, "east", "cara", LocalDate.of(2016, 1, 4), AT));
        fixture = new AggregateTestFixture<>(Recognition.class);
        fixture.registerAnnotatedCommandHandler(new ContestCommandHandler(
                InMemoryAggregates.of(Contest.class).repository(), fixture.getRepository(), reps.repository(),
                InMemoryAggregates.of(Team.class).repository()));
    }

    private static RecognitionGrantedEvent granted() {
        return new RecognitionGrantedEvent("r-1", "anna", "President's Club 2017", "top 5% of quota", "admin", AT);
    }

    @Test
    void grantsAnHonoraryTitleWithItsReason() {
        fixture.givenNoPriorActivity().when(new GrantRecognitionCommand("r-1", "anna", "President's Club 2017", "top 5% of quota", "admin", AT))
                .expectEvents(granted());
    }

    @Test
    void theRepMustExist() {
        fixture.givenNoPriorActivity().when(new GrantRecognitionCommand("r-1", "ghost", "Star", "why", "admin", AT))
                .expectException(InvalidCommandException.class).expectExceptionMessage("repId: no such rep")
                .expectNoEvents();
    }

    @Test
    void revokesWithAReasonKeepingTheGrant() {
        fixture.given(granted())
                .when(new RevokeRecognitionCommand("r-1", "granted in error", "admin", LATER))
                .expectEvents(new RecognitionRevokedEvent("r-1", "anna", "granted in error", "admin", LATER));
    }

    @Test
    void revokesOnce() {
        fixture.given(granted(), new RecognitionRevokedEvent("r-1", "anna", "error", "admin", LATER))
                .when(new RevokeRecognitionCommand("r-1", "again", "admin", LATER))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("recognitionId: recognition is already revoked").expectNoEvents();
    }
}
