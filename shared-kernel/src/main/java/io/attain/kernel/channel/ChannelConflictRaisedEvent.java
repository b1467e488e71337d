package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Two or more channels claim the same customer: the claims active when the conflicting claim arrived, and it.
 * Claims arriving while the conflict is open join it ({@link CustomerClaimedEvent#conflictId()}).
 */
@Revision("1")
public record ChannelConflictRaisedEvent(
        String conflictId,
        String customerChannelId,
        String customer,
        List<ChannelClaim> claims,
        Instant occurredAt) {

    public ChannelConflictRaisedEvent {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
