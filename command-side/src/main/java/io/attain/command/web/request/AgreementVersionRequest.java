package io.attain.command.web.request;

import io.attain.kernel.channel.AgreementTerms;
import io.attain.kernel.channel.PublishAgreementVersionCommand;
import io.attain.kernel.channel.RebateTier;
import io.attain.kernel.common.PeriodUnit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/v1/partners/{partnerId}/agreements}: the next version of a partner's agreement; {@code terms}
 * mirror {@link AgreementTerms} (the Partner aggregate checks every rule).
 */
public record AgreementVersionRequest(
        @NotNull(message = Rules.REQUIRED) @Valid Terms terms,
        Instant occurredAt) {

    /** Effective date, currency, agreement period (default QUARTER) and marginal tiers. */
    public record Terms(
            @NotNull(message = Rules.REQUIRED) LocalDate effectiveFrom,
            @NotBlank(message = Rules.NOT_BLANK) String currency,
            PeriodUnit period,
            @NotNull(message = Rules.REQUIRED) List<@NotNull(message = Rules.REQUIRED) @Valid Tier> tiers) {
    }

    /** A marginal tier {@code [fromRevenue, toRevenue)} ({@code toRevenue} left out: open-ended). */
    public record Tier(
            @NotNull(message = Rules.REQUIRED) BigDecimal fromRevenue,
            BigDecimal toRevenue,
            @NotNull(message = Rules.REQUIRED) BigDecimal rate) {
    }

    public PublishAgreementVersionCommand toCommand(String partnerId) {
        return new PublishAgreementVersionCommand(partnerId, new AgreementTerms(terms.effectiveFrom(),
                terms.currency(), terms.period() == null ? PeriodUnit.QUARTER : terms.period(),
                terms.tiers().stream().map(t -> new RebateTier(t.fromRevenue(), t.toRevenue(), t.rate())).toList()),
                occurredAt);
    }
}
