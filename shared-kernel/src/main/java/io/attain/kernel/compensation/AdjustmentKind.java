package io.attain.kernel.compensation;

/** Why a commission was adjusted. */
public enum AdjustmentKind {
    /** A plan version published retroactively changed an earlier calculation. */
    RETROACTIVE_PLAN_CHANGE,
    /** A target revision changed an earlier calculation. */
    RETROACTIVE_TARGET_CHANGE,
    /** A clawback of a line in a period that no longer accepts changes. */
    CLAWBACK,
    /** An accepted dispute of a statement line. */
    DISPUTE,
    /** Any other correction, explained by the reason. */
    MANUAL
}
