package io.attain.kernel.channel;

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
        Require.nonBlank(partnerId, "partnerId");
        Require.nonNull(terms, "terms");
    }
}
