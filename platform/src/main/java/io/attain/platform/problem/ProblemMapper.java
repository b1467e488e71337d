package io.attain.platform.problem;

/**
 * Lets a module translate its own exceptions (domain rule violations, Axon's exceptions, …) into
 * problems. Every bean of this type is asked, in {@code @Order}, before the generic web errors are.
 */
@FunctionalInterface
public interface ProblemMapper {

    /** The problem for the exception, or {@code null} if this mapper does not know it. */
    ProblemException map(Throwable error);
}
