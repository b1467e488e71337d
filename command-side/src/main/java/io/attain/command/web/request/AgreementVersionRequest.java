package io.attain.command.web.request;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
    @Schema(name = "AgreementTermsBody")
    public record Terms(
            @NotNull(message = Rules.REQUIRED) LocalDate effectiveFrom,
            @NotBlank(message = Rules.NOT_BLANK) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String currency,
            PeriodUnit period,
            @NotNull(message = Rules.REQUIRED) List<@NotNull(message = Rules.REQUIRED) @Valid Tier> tiers) {
    }

    /** A marginal tier {@code [fromRevenue, toRevenue)} ({@code toRevenue} left out: open-ended). */
    public record Tier(
            @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
            @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
            @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
            BigDecimal fromRevenue,
            @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
            @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
            @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
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
