package io.attain.kernel.common;

/**
 * The stages of a deal, in pipeline order: LEAD → QUALIFIED → PROPOSAL → NEGOTIATION → WON | LOST.
 *
 * <p>The first four are open; WON and LOST are closed.
 */
public enum Stage {
    LEAD,
    QUALIFIED,
    PROPOSAL,
    NEGOTIATION,
    WON,
    LOST;

    /** {@code true} for LEAD, QUALIFIED, PROPOSAL and NEGOTIATION. */
    public boolean isOpen() {
        return this != WON && this != LOST;
    }

    /** {@code true} for WON and LOST. */
    public boolean isClosed() {
        return !isOpen();
    }

    /** {@code true} if this stage comes earlier in the pipeline than {@code other}. */
    public boolean isBefore(Stage other) {
        return ordinal() < other.ordinal();
    }
}
