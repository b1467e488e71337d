package io.attain.command.web.request;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.common.Channel;
import io.attain.kernel.compensation.CommissionBand;
import io.attain.kernel.compensation.PlanTerms;
import io.attain.kernel.compensation.PublishPlanVersionCommand;
import io.attain.kernel.compensation.Spiff;
import io.attain.kernel.compensation.ThresholdBonus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/v1/plans/{planId}/versions}: the next version of a plan. {@code terms} mirror
 * {@link PlanTerms}; every amount is {@code {amount, currency}} in the plan's currency (the plan aggregate checks
 * every rule). {@code retroactive: true} for a version effective on or before the latest version's date.
 */
public record PlanVersionRequest(
        @NotNull(message = Rules.REQUIRED) @Valid Terms terms,
        Boolean retroactive,
        Instant occurredAt) {

    /** The terms of a version (see {@link PlanTerms} for their meaning). */
    @Schema(name = "PlanTermsBody")
    public record Terms(
            @NotNull(message = Rules.REQUIRED) LocalDate effectiveFrom,
            @NotBlank(message = Rules.NOT_BLANK) @Pattern(regexp = Rules.CURRENCY, message = Rules.CURRENCY_RULE) String currency,
            @Valid MoneyBody basePay,
            @NotNull(message = Rules.REQUIRED) List<@NotNull(message = Rules.REQUIRED) @Valid Band> bands,
            @Valid MoneyBody perDealCap,
            @Valid MoneyBody perPeriodCap,
            List<@NotNull(message = Rules.REQUIRED) @Valid Bonus> thresholdBonuses,
            List<@NotNull(message = Rules.REQUIRED) @Valid SpiffBody> spiffs,
            @Valid MoneyBody minimumDealSize,
            Integer clawbackWindowDays,
            Boolean rollUpToManagers,
            BigDecimal rollUpRate) {

        PlanTerms toTerms() {
            return new PlanTerms(effectiveFrom, currency, money(basePay),
                    bands.stream().map(b -> new CommissionBand(b.fromAttainment(), b.toAttainment(), b.rate())).toList(),
                    money(perDealCap), money(perPeriodCap),
                    thresholdBonuses == null ? List.of() : thresholdBonuses.stream()
                            .map(b -> new ThresholdBonus(b.attainment(), money(b.amount()))).toList(),
                    spiffs == null ? List.of() : spiffs.stream().map(SpiffBody::toSpiff).toList(),
                    money(minimumDealSize), clawbackWindowDays == null ? 0 : clawbackWindowDays,
                    Boolean.TRUE.equals(rollUpToManagers), rollUpRate);
        }
    }

    /** A marginal band {@code [fromAttainment, toAttainment)} ({@code toAttainment} left out: open-ended). */
    public record Band(
            @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
            @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
            @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
            BigDecimal fromAttainment,
            @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
            @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
            @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
            BigDecimal toAttainment,
            @NotNull(message = Rules.REQUIRED) BigDecimal rate) {
    }

    /** A fixed bonus for reaching an attainment. */
    public record Bonus(
            @NotNull(message = Rules.REQUIRED) @DecimalMax(value = Rules.AMOUNT_MAX, message = Rules.AMOUNT_MAX_RULE)
            @DecimalMin(value = Rules.AMOUNT_MIN, message = Rules.AMOUNT_MAX_RULE)
            @Digits(integer = Rules.INTEGER_DIGITS, fraction = Rules.AMOUNT_DECIMALS, message = Rules.AMOUNT_DIGITS_RULE)
            BigDecimal attainment,
            @NotNull(message = Rules.REQUIRED) @Valid MoneyBody amount) {
    }

    /** A SPIFF: exactly one of {@code fixedAmount} and {@code rate}; a product line and/or a channel. */
    public record SpiffBody(
            @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
            @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
            String spiffId,
            @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
            String productLine,
            Channel channel,
            LocalDate validFrom,
            LocalDate validTo,
            @Valid MoneyBody fixedAmount,
            BigDecimal rate) {

        Spiff toSpiff() {
            return new Spiff(spiffId, productLine, channel, validFrom, validTo, money(fixedAmount), rate);
        }
    }

    public PublishPlanVersionCommand toCommand(String planId) {
        return new PublishPlanVersionCommand(planId, terms.toTerms(), Boolean.TRUE.equals(retroactive), occurredAt);
    }

    private static io.attain.kernel.common.Money money(MoneyBody body) {
        return body == null ? null : body.toMoney();
    }
}
