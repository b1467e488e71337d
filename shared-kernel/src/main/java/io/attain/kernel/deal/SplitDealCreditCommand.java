package io.attain.kernel.deal;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Splits the credit of an open deal between reps (the owner may or may not be one of them). Replaces
 * any earlier split.
 *
 * <p>Rules checked by the Deal aggregate: at least one share; each share positive; each rep at most
 * once; the percentages sum to exactly 100.
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record SplitDealCreditCommand(
        @TargetAggregateIdentifier String dealId,
        List<CreditShare> shares,
        Instant occurredAt) {

    public SplitDealCreditCommand {
        InputContract.identifier(dealId, "dealId");
        Require.nonNull(shares, "shares");
        InputContract.instant(occurredAt, "occurredAt");
        for (int i = 0; i < shares.size(); i++) {
            CreditShare share = shares.get(i);
            if (share == null) {
                throw new IllegalArgumentException("shares: must not contain null");
            }
            InputContract.identifier(share.repId(), "shares[" + i + "].repId");
            InputContract.amount(share.percentage(), "shares[" + i + "].percentage");
        }
        shares = List.copyOf(shares);
    }
}
