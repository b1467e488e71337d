package io.attain.query.activity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One page of a rep's activities in a period, the latest first, with the counts per kind over the whole period
 * (not only the page).
 */
public record ActivityView(String repId, String period, List<Item> items, int page, int size, long total,
                           Map<String, Long> counts) {

    /**
     * A visit, call or proposal.
     *
     * @param kind VISIT, CALL or PROPOSAL
     */
    public record Item(String activityId, String kind, String occurredAt, String customer, String purpose,
                       String outcome, String productLine, BigDecimal amount, String currency, String dealId) {
    }
}
