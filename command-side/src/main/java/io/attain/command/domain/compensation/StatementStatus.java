package io.attain.command.domain.compensation;

/** The lifecycle of a commission statement: OPEN → SUBMITTED → APPROVED → LOCKED → PAID. */
public enum StatementStatus {
    /** Accepts accruals, clawbacks, adjustments and disputes. */
    OPEN,
    /** Waiting for approval; accepts disputes and their resolution, no other line. */
    SUBMITTED,
    /** Approved totals may be paid; no line changes any more. */
    APPROVED,
    /** The period is closed for changes; may still be paid. */
    LOCKED,
    /** Every approved amount is paid. */
    PAID
}
