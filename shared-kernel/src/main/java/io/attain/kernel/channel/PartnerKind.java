package io.attain.kernel.channel;

import io.attain.kernel.common.Channel;

/** The kind of a channel partner; each sells through the deal channel of the same name. */
public enum PartnerKind {
    DISTRIBUTOR,
    AGENT;

    /** The deal channel of this kind of partner. */
    public Channel channel() {
        return this == DISTRIBUTOR ? Channel.DISTRIBUTOR : Channel.AGENT;
    }
}
