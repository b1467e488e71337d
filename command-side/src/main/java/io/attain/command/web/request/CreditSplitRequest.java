package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.deal.SplitDealCreditCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

/** {@code PUT /api/v1/deals/{dealId}/credit-split}: percentages that sum to exactly 100, each rep once. */
public record CreditSplitRequest(
        @NotNull(message = Rules.REQUIRED) List<@NotNull(message = Rules.REQUIRED) @Valid ShareBody> shares,
        Instant occurredAt) {

    public SplitDealCreditCommand toCommand(String dealId) {
        return new SplitDealCreditCommand(dealId, shares.stream().map(ShareBody::toShare).toList(), occurredAt);
    }
}
