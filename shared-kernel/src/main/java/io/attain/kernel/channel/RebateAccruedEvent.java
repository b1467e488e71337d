package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A partner's rebate for a won deal, with its whole calculation and lineage. */
@Revision("1")
public record RebateAccruedEvent(
        String partnerId,
        String lineId,
        String dealId,
        RebateCalculation calculation,
        List<String> sourceEventIds,
        List<Long> sourcePositions,
        Instant occurredAt) {
}
