package io.attain.kernel.channel;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Registers a channel partner (a distributor or an agent). A second registration of the same id collides in the
 * event store.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record RegisterPartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        String name,
        PartnerKind kind,
        Instant occurredAt) {

    public RegisterPartnerCommand {
        InputContract.identifier(partnerId, "partnerId");
        InputContract.name(name, "name");
        Require.nonNull(kind, "kind");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
