package io.attain.query.credit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The credit one rep got for winning a deal: the rep's share of the won amount, at the time of the win, with where
 * the rep stood then (team, region; {@code null} when unknown).
 */
public record Credit(String dealId, String repId, BigDecimal amount, String currency, Instant at, String teamId,
                     String regionId, String customer, String productLine) {
}
