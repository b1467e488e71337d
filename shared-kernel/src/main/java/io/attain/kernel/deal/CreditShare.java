package io.attain.kernel.deal;

import io.attain.kernel.common.Require;

import java.math.BigDecimal;

/**
 * The share of a deal's credit that goes to one rep, as a percentage (e.g. {@code 60} or
 * {@code 33.34}). The Deal aggregate checks that shares are positive, name each rep once and sum
 * to exactly 100.
 */
public record CreditShare(String repId, BigDecimal percentage) {

    public CreditShare {
        Require.nonBlank(repId, "repId");
        Require.nonNull(percentage, "percentage");
    }
}
