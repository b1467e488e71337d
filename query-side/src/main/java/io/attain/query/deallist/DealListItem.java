package io.attain.query.deallist;

import java.math.BigDecimal;
import java.util.List;

/**
 * One deal as the deal list shows it.
 *
 * @param teamId     the owner's team at the deal's latest business event, or {@code null}
 * @param stage      the current stage (WON or LOST once closed)
 * @param closedAt   when it was won or lost, or {@code null} while open
 * @param outcome    WON, LOST or {@code null}
 * @param shares     the current credit split ({@code []}: all to the owner)
 * @param updatedAt  the business time of its latest event
 */
public record DealListItem(String dealId, String customer, String productLine, String ownerId, String ownerName,
                           String teamId, String teamName, String stage, BigDecimal amount, String currency,
                           String channel, String partnerId, String openedAt, String expectedClose, String closedAt,
                           String outcome, String lostReason, List<Share> shares, String updatedAt) {

    /** A rep's share of the deal's credit, in percent. */
    public record Share(String repId, BigDecimal percentage) {
    }
}
