package io.attain.kernel.contest;

import io.attain.kernel.common.Money;

/**
 * The prize of one rank of a contest: money, an honorary title, or both. Whether a prize is well formed (rank from 1,
 * a positive amount or a non-blank title) is a rule of the contest, checked when it is launched.
 *
 * @param rank  the dense rank it is for (1 = best)
 * @param money the money prize, or {@code null}
 * @param title the honorary title, or {@code null}
 */
public record ContestPrize(int rank, Money money, String title) {
}
