package io.attain.kernel.deal;

import io.attain.kernel.common.Stage;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A closed deal ({@code fromStage} WON or LOST) was reopened into the open {@code toStage}. */
@Revision("1")
public record DealReopenedEvent(
        String dealId,
        Stage fromStage,
        Stage toStage,
        String reason,
        Instant occurredAt) {
}
