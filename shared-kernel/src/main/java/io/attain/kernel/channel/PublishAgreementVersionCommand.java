package io.attain.kernel.channel;

import io.attain.kernel.common.InputContract;
import io.attain.kernel.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Signs (publishes) the next version of a partner's agreement. Rules checked by the Partner aggregate: the terms
 * (see {@link AgreementTerms}); the effective date is after the latest version's (an agreement is never changed
 * retroactively: what was accrued under a version stays).
 *
 * @param occurredAt business time; {@code null} means "now" by the message clock
 */
public record PublishAgreementVersionCommand(
        @TargetAggregateIdentifier String partnerId,
        AgreementTerms terms,
        Instant occurredAt) {

    public PublishAgreementVersionCommand {
        InputContract.identifier(partnerId, "partnerId");
        Require.nonNull(terms, "terms");
        InputContract.date(terms.effectiveFrom(), "terms.effectiveFrom");
        for (int i = 0; i < terms.tiers().size(); i++) {
            RebateTier tier = terms.tiers().get(i);
            if (tier != null) {
                InputContract.amount(tier.fromRevenue(), "terms.tiers[" + i + "].fromRevenue");
                InputContract.amount(tier.toRevenue(), "terms.tiers[" + i + "].toRevenue");
                InputContract.rate(tier.rate(), "terms.tiers[" + i + "].rate");
            }
        }
        InputContract.instant(occurredAt, "occurredAt");
    }
}
