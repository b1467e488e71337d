package io.attain.kernel.compensation;

/** Who may approve a commission statement (never the statement's own rep). */
public enum ApproverRole {
    FINANCE,
    MANAGER
}
