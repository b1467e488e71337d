package io.attain.kernel.deal;

import io.attain.kernel.common.Stage;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A deal was lost, for a reason. */
@Revision("1")
public record DealLostEvent(
        String dealId,
        Stage fromStage,
        String reason,
        Instant occurredAt) {
}
