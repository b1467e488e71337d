package io.attain.kernel.compensation;

/** Why the commission process could not book a won deal's commission (yet). */
public enum CommissionPendingReason {
    /** The deal is in another currency than the rep's plan and no exchange rate is in force on its business date. */
    NO_EXCHANGE_RATE,
    /** The rep has no positive REVENUE target for the statement period (bands need one). */
    NO_TARGET,
    /** The rep's REVENUE target is in another currency than the plan. */
    TARGET_CURRENCY_MISMATCH
}
