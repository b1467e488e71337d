package io.attain.kernel.activity;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A rep sent a customer a proposal at {@code occurredAt}.
 *
 * @param amount the proposed amount, or {@code null}
 * @param dealId the related deal, or {@code null}
 */
@Revision("1")
public record ProposalLoggedEvent(
        String repId,
        String activityId,
        String customer,
        String productLine,
        Money amount,
        String dealId,
        Instant occurredAt) {
}
