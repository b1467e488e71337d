package io.attain.kernel.compensation;

import io.attain.kernel.common.InputContract;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Creates a compensation plan (without terms: those come with {@link PublishPlanVersionCommand}).
 * A second creation of the same id collides in the event store.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record CreatePlanCommand(
        @TargetAggregateIdentifier String planId,
        String name,
        Instant occurredAt) {

    public CreatePlanCommand {
        InputContract.identifier(planId, "planId");
        InputContract.name(name, "name");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
