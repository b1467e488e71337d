package io.attain.query.api;

import java.math.BigDecimal;

/** How read models show numbers: exact, without trailing zeros, never in exponent form. */
public final class Numbers {

    private Numbers() {
    }

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A stored number ({@code Decimal128}, decimal or integer, see {@code Doc.toDecimal}) shown plain; absent: {@code null}. */
    public static BigDecimal plain(Object stored) {
        return stored == null ? null : plain(io.attain.query.projection.Doc.toDecimal(stored));
    }
}
