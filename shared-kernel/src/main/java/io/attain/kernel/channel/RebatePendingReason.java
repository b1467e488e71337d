package io.attain.kernel.channel;

/** Why a rebate waits. */
public enum RebatePendingReason {
    /** No recorded rate from the deal's to the agreement's currency in force on the business date. */
    NO_EXCHANGE_RATE,
    /** The deal's customer is in an unresolved channel conflict. */
    CHANNEL_CONFLICT
}
