package io.attain.kernel.compensation;

import io.attain.kernel.common.Period;

/** The aggregate ids of the compensation domain. */
public final class CompensationIds {

    private CompensationIds() {
    }

    /** The commission statement of a rep and period, e.g. {@code statement:Anna Snelling:2017-05}. */
    public static String statementId(String repId, Period period) {
        return "statement:" + repId + ":" + period;
    }

    /** The exchange rates from one currency to another, e.g. {@code fx:EUR-USD}. */
    public static String exchangeRatePairId(String fromCurrency, String toCurrency) {
        return "fx:" + fromCurrency + "-" + toCurrency;
    }
}
