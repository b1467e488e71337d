package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The terms of one version of a compensation plan. A published version never changes; new terms are
 * a new version.
 *
 * <p>All money is in {@code currency}. The plan aggregate checks the rules (see
 * {@code PublishPlanVersionCommand}); this record accepts any values so that stored events stay
 * readable.
 *
 * @param effectiveFrom      the first business day the version applies to
 * @param currency           ISO 4217 code of every amount of the plan
 * @param basePay            base pay per period; recorded only, never part of a commission
 * @param bands              the marginal commission rate table by attainment
 * @param perDealCap         the most commission (from the bands) one deal can earn, or {@code null}
 * @param perPeriodCap       the most commission (bands and SPIFFs, not threshold bonuses) one rep
 *                           can earn in a statement period, or {@code null}
 * @param thresholdBonuses   fixed bonuses for reaching an attainment, possibly empty
 * @param spiffs             SPIFFs, possibly empty
 * @param minimumDealSize    deals smaller than this (the whole deal, before any credit split) earn
 *                           no commission, or {@code null}
 * @param clawbackWindowDays days after the deal's business date within which commission may be
 *                           clawed back
 * @param rollUpToManagers   whether the rep's managers get an override on the credited revenue
 * @param rollUpRate         the managers' override rate, only when {@code rollUpToManagers}
 */
public record PlanTerms(
        LocalDate effectiveFrom,
        String currency,
        Money basePay,
        List<CommissionBand> bands,
        Money perDealCap,
        Money perPeriodCap,
        List<ThresholdBonus> thresholdBonuses,
        List<Spiff> spiffs,
        Money minimumDealSize,
        int clawbackWindowDays,
        boolean rollUpToManagers,
        BigDecimal rollUpRate) {

    public PlanTerms {
        bands = copy(bands);
        thresholdBonuses = copy(thresholdBonuses);
        spiffs = copy(spiffs);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
