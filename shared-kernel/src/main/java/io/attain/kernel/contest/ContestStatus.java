package io.attain.kernel.contest;

/** Where a contest stands: launched (running or not yet started), closed after its window, or cancelled. */
public enum ContestStatus {
    LAUNCHED,
    CLOSED,
    CANCELLED
}
