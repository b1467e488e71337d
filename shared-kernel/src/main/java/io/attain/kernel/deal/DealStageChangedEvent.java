package io.attain.kernel.deal;

import io.attain.kernel.common.Stage;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An open deal moved between open stages.
 *
 * @param backward {@code true} if {@code toStage} comes before {@code fromStage} in the pipeline
 * @param reason   or {@code null}
 */
@Revision("1")
public record DealStageChangedEvent(
        String dealId,
        Stage fromStage,
        Stage toStage,
        boolean backward,
        String reason,
        Instant occurredAt) {
}
