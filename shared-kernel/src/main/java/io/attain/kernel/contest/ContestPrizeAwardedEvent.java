package io.attain.kernel.contest;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The prize of a rank of a contest was awarded to a rep. Carries the contest's name and the prize (money and/or
 * title) so that a rep's recognition history needs nothing else.
 */
@Revision("1")
public record ContestPrizeAwardedEvent(
        String contestId,
        String contestName,
        int rank,
        String repId,
        Money money,
        String title,
        String awardedBy,
        Instant occurredAt) {
}
