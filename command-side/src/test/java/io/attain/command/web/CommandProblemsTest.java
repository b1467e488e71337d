package io.attain.command.web;

import io.attain.command.authorization.CommandForbiddenException;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new InvalidCommandException("amount", "must be positive"), ProblemType.RULE_VIOLATION, 422),
                Arguments.of(new IllegalTransitionException("dealId", "deal is closed"), ProblemType.ILLEGAL_TRANSITION, 409),
                Arguments.of(new DuplicateException("activityId", "activity already logged"), ProblemType.DUPLICATE, 409),
                Arguments.of(new AggregateNotFoundException("d-1", "not found"), ProblemType.NOT_FOUND, 404),
                Arguments.of(new IncompatibleAggregateException("other type"), ProblemType.NOT_FOUND, 404),
                Arguments.of(new AggregateStreamCreationException("exists"), ProblemType.DUPLICATE, 409),
                Arguments.of(new ConcurrencyException("raced"), ProblemType.CONCURRENT_MODIFICATION, 409),
                Arguments.of(new CommandForbiddenException("no"), ProblemType.FORBIDDEN, 403));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("failures")
    void mapsCommandFailuresToProblems(Throwable failure, ProblemType type, int status) {
        var problem = new CommandProblems().map(failure);

        assertThat(problem.type()).isEqualTo(type);
        assertThat(problem.status().value()).isEqualTo(status);
        assertThat(problem.toProblemDetail().getProperties()).containsKey("errors");
    }

    @org.junit.jupiter.api.Test
    void namesTheFieldAndRuleOfADomainViolation() {
        var problem = new CommandProblems().map(new InvalidCommandException("amount", "must be positive"));

        assertThat(problem.getMessage()).isEqualTo("amount: must be positive");
        assertThat(problem.errors()).containsExactly(new Violation("amount", "must be positive"));
    }

    @org.junit.jupiter.api.Test
    void leavesOtherErrorsAlone() {
        assertThat(new CommandProblems().map(new IllegalStateException("bug"))).isNull();
        assertThat(new CommandProblems().map(new IllegalArgumentException("x: y"))).isNull();
    }
}
