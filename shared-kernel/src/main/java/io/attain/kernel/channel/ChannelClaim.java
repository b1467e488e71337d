package io.attain.kernel.channel;

import io.attain.kernel.common.Channel;

/**
 * A deal's claim on its customer through a channel.
 *
 * @param partnerId   the partner, or {@code null} (a direct deal, or an e-commerce/social deal without partner)
 * @param ownerRepId  the deal's owner (whose team's MANAGER may resolve a conflict about the claim)
 */
public record ChannelClaim(
        String dealId,
        Channel channel,
        String partnerId,
        String ownerRepId) {

    /** Who claims: the partner, or the channel itself without one (e.g. {@code DIRECT}). */
    public String claimant() {
        return partnerId != null ? "partner:" + partnerId : "channel:" + channel;
    }
}
