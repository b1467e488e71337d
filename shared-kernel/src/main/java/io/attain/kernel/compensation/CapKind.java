package io.attain.kernel.compensation;

/** Which cap of a plan limited a commission. */
public enum CapKind {
    PER_DEAL,
    PER_PERIOD
}
