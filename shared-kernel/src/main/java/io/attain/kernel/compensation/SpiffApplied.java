package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;

/** A SPIFF that applied to a deal and the amount it added (negative when taken back), exact. */
public record SpiffApplied(String spiffId, Money amount) {
}
