package io.attain.kernel.common;

/**
 * The sales channel of a deal.
 *
 * <p>Indirect channels with a partner ({@link #DISTRIBUTOR}, {@link #AGENT}) require a partner id;
 * {@link #DIRECT} forbids one; {@link #ECOMMERCE} and {@link #SOCIAL} allow one (for example a
 * marketplace or platform) but do not require it.
 */
public enum Channel {
    DIRECT,
    DISTRIBUTOR,
    AGENT,
    ECOMMERCE,
    SOCIAL;

    /** {@code true} if a deal in this channel must name its partner. */
    public boolean requiresPartner() {
        return this == DISTRIBUTOR || this == AGENT;
    }

    /** {@code true} if a deal in this channel must not name a partner. */
    public boolean forbidsPartner() {
        return this == DIRECT;
    }
}
