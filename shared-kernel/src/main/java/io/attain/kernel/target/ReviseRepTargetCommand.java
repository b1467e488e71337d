package io.attain.kernel.target;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Changes the amount of an existing rep target, for a stated reason.
 *
 * @param amount     the new amount, in the target's unit (its currency for money metrics)
 * @param reason     why the target changes; required
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ReviseRepTargetCommand(
        @TargetAggregateIdentifier String repId,
        String targetId,
        BigDecimal amount,
        String reason,
        Instant occurredAt) {

    public ReviseRepTargetCommand {
        InputContract.identifier(repId, "repId");
        InputContract.identifier(targetId, "targetId");
        amount = InputContract.amount(Require.nonNull(amount, "amount"), "amount");
        InputContract.text(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
