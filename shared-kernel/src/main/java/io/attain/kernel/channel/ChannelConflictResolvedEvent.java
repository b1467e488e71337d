package io.attain.kernel.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A channel conflict was resolved: the winning claim's claimant keeps the customer; the claims of other claimants
 * ({@code overruled}) lose it (their partners' rebates for those deals are dropped or reversed).
 *
 * @param claims    every claim of the conflict
 * @param overruled the deals whose claims lost
 */
@Revision("1")
public record ChannelConflictResolvedEvent(
        String conflictId,
        String customerChannelId,
        String customer,
        ChannelClaim winningClaim,
        List<ChannelClaim> claims,
        List<String> overruled,
        String resolvedBy,
        String reason,
        Instant occurredAt) {

    public ChannelConflictResolvedEvent {
        claims = claims == null ? List.of() : List.copyOf(claims);
        overruled = overruled == null ? List.of() : List.copyOf(overruled);
    }
}
