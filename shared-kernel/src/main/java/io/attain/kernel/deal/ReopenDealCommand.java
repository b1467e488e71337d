package io.attain.kernel.deal;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Stage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Reopens a closed (WON or LOST) deal, for a reason, into an open stage.
 *
 * @param toStage    an open stage; {@link Stage#NEGOTIATION} when {@code null}
 * @param reason     why; required
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record ReopenDealCommand(
        @TargetAggregateIdentifier String dealId,
        Stage toStage,
        String reason,
        Instant occurredAt) {

    public ReopenDealCommand {
        InputContract.identifier(dealId, "dealId");
        InputContract.text(reason, "reason");
        InputContract.instant(occurredAt, "occurredAt");
    }
}
