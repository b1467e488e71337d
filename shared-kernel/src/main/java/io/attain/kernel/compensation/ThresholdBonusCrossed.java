package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;

import java.math.BigDecimal;

/**
 * A threshold bonus whose attainment the change crossed: upwards (positive {@code amount}) or, for a
 * reduction, back downwards (negative {@code amount}).
 */
public record ThresholdBonusCrossed(BigDecimal attainment, Money amount) {
}
