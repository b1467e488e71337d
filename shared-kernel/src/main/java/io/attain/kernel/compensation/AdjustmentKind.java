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
    MANUAL,
    /**
     * A manager's roll-up of a line of one of their reps (the plan's roll-up rate × the line's credited revenue),
     * booked on the manager's statement; negative when the rep's line is clawed back or recalculated. The related
     * statement and line are the rep's. Added in the compensation issue; consumers that do not know it treat it as an
     * adjustment like any other.
     */
    MANAGER_ROLL_UP
}
