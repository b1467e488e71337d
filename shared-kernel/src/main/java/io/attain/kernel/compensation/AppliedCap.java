package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;

/**
 * A cap that changed a commission: {@code uncapped} was limited to {@code applied}, by
 * {@code reduction} ({@code = uncapped − applied}).
 */
public record AppliedCap(CapKind kind, Money cap, Money uncapped, Money applied, Money reduction) {
}
