package io.attain.kernel.common;

/** The length of a {@link Period}. */
public enum PeriodUnit {
    MONTH,
    QUARTER,
    YEAR
}
