package io.attain.kernel.common;

/** The job role of a sales rep. */
public enum Role {
    SALES_REP,
    INSIDE_SALES_REP,
    KEY_ACCOUNT_MANAGER,
    SALES_MANAGER
}
