package io.attain.kernel.deal;

import io.attain.kernel.common.Money;
import io.attain.kernel.common.Stage;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A deal was won.
 *
 * @param amount the final amount: the one given when winning, otherwise the deal's amount
 * @param reason why it was won, or {@code null}
 */
@Revision("1")
public record DealWonEvent(
        String dealId,
        Stage fromStage,
        Money amount,
        String reason,
        Instant occurredAt) {
}
