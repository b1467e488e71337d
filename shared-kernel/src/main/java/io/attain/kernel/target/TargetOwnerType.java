package io.attain.kernel.target;

/** Whose target it is: a rep's or a team's. */
public enum TargetOwnerType {
    REP,
    TEAM
}
