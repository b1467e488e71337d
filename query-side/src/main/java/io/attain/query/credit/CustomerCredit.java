package io.attain.query.credit;

import java.time.Instant;

/**
 * A new customer credited to a rep: the customer's first won deal credited to the rep, at its win time, with where
 * the rep stood then.
 */
public record CustomerCredit(String repId, String customer, String dealId, Instant at, String teamId,
                             String regionId) {
}
