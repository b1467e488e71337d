package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;

import java.math.BigDecimal;

/**
 * A fixed bonus earned once when the rep's attainment of the period reaches {@code attainment}
 * (e.g. {@code 1.0} for 100 %, {@code 1.2} for 120 %); taken back if the attainment falls below it
 * again (clawback).
 */
public record ThresholdBonus(BigDecimal attainment, Money amount) {
}
