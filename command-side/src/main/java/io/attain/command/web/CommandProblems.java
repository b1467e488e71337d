package io.attain.command.web;

import io.attain.command.authorization.CommandForbiddenException;
import io.attain.command.domain.DomainRuleViolation;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemMapper;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How command failures read over HTTP:
 * <ul>
 *     <li>{@link io.attain.command.domain.InvalidCommandException} → 422, {@link IllegalTransitionException} and
 *     {@link DuplicateException} → 409, each naming the field and the rule;</li>
 *     <li>a value a command or value object refuses while the dispatcher builds the command
 *     ({@code IllegalArgumentException "field: rule"}, e.g. an unknown currency) → 422;</li>
 *     <li>the addressed aggregate does not exist → 404; it exists already (second creation) → 409;</li>
 *     <li>a concurrent modification that survived the retries → 409;</li>
 *     <li>a role that may not send the command → 403;</li>
 *     <li>a path variable or body field that breaks the {@link io.attain.kernel.common.InputContract input
 *     contract} or another constraint, found by Spring's method validation before the controller runs → 422
 *     naming the path variable (e.g. {@code dealId}) or the body field.</li>
 * </ul>
 * Field names are reported as the request calls them (e.g. the command's {@code initialStage} is the
 * request's {@code stage}).
 */
@Component
public class CommandProblems implements ProblemMapper {

    @Override
    public ProblemException map(Throwable error) {
        return map(error, Map.of());
    }

    /**
     * @param fieldNames request field name by command field name, where they differ
     * @return the problem, or {@code null} for an error that is not a command failure
     */
    static ProblemException map(Throwable error, Map<String, String> fieldNames) {
        if (error instanceof ProblemException problem) {
            return problem;
        }
        if (error instanceof HandlerMethodValidationException validation) {
            List<Violation> violations = violations(validation);
            return new ProblemException(ProblemType.INVALID_REQUEST,
                    "The request has " + violations.size() + " invalid field(s)", violations, error);
        }
        if (error instanceof DomainRuleViolation violation) {
            ProblemType type = violation instanceof IllegalTransitionException ? ProblemType.ILLEGAL_TRANSITION
                    : violation instanceof DuplicateException ? ProblemType.DUPLICATE
                    : ProblemType.RULE_VIOLATION;
            return problem(type, new Violation(violation.field(), violation.rule()), fieldNames, error);
        }
        if (error instanceof AggregateNotFoundException notFound) {
            return new ProblemException(ProblemType.NOT_FOUND,
                    "Nothing exists with the id \"" + notFound.getAggregateIdentifier() + "\"", List.of(), error);
        }
        if (error instanceof IncompatibleAggregateException) {
            return new ProblemException(ProblemType.NOT_FOUND, "The id belongs to something else", List.of(), error);
        }
        if (error instanceof AggregateStreamCreationException) {
            return new ProblemException(ProblemType.DUPLICATE, "Something with this id exists already",
                    List.of(), error);
        }
        if (error instanceof ConcurrencyException) {
            return new ProblemException(ProblemType.CONCURRENT_MODIFICATION,
                    "The target was changed concurrently, and retrying did not help; try again", List.of(), error);
        }
        if (error instanceof CommandForbiddenException forbidden) {
            return new ProblemException(ProblemType.FORBIDDEN, forbidden.getMessage(), List.of(), error);
        }
        return null;
    }

    /** A command or value object refused a request value while the command was built. */
    static ProblemException invalidValue(IllegalArgumentException shape, Map<String, String> fieldNames) {
        return problem(ProblemType.INVALID_REQUEST, Violation.fromMessage(shape.getMessage()), fieldNames, shape);
    }

    /**
     * The violations of a controller method's validation (path variables with constraints, and the request
     * body's fields): a path variable is named as in the path ({@code dealId}), a body field by its JSON path.
     */
    private static List<Violation> violations(HandlerMethodValidationException validation) {
        List<Violation> violations = new ArrayList<>();
        for (ParameterValidationResult result : validation.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                for (FieldError field : errors.getFieldErrors()) {
                    violations.add(new Violation(field.getField(), field.getDefaultMessage()));
                }
                for (ObjectError global : errors.getGlobalErrors()) {
                    violations.add(Violation.fromMessage(global.getDefaultMessage()));
                }
            } else {
                String name = parameterName(result.getMethodParameter());
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    violations.add(new Violation(name, error.getDefaultMessage()));
                }
            }
        }
        return violations;
    }

    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        return parameter.getParameterName() != null ? parameter.getParameterName() : "path";
    }

    private static ProblemException problem(ProblemType type, Violation violation, Map<String, String> fieldNames,
                                            Throwable cause) {
        String field = violation.field() == null ? null : fieldNames.getOrDefault(violation.field(), violation.field());
        String detail = field == null ? violation.rule() : field + ": " + violation.rule();
        return new ProblemException(type, detail, List.of(new Violation(field, violation.rule())), cause);
    }
}
