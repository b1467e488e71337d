package io.attain.kernel.channel;

/** How a pending rebate ended. */
public enum RebatePendingOutcome {
    /** Accrued (the rate was recorded, or the conflict was resolved for the partner's claim). */
    ACCRUED,
    /** Not accrued (the conflict was resolved against the partner's claim, or the deal was reopened or lost). */
    DROPPED
}
