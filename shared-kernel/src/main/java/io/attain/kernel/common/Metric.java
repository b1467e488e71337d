package io.attain.kernel.common;

/**
 * What a target measures.
 *
 * <p>Money metrics ({@link #REVENUE}, {@link #PRODUCT_REVENUE}) are amounts in a currency; the others
 * are counts. {@link #PRODUCT_REVENUE} is the revenue of one product line, named separately.
 */
public enum Metric {
    REVENUE(true, false),
    DEALS_WON(false, false),
    NEW_CUSTOMERS(false, false),
    VISITS(false, false),
    PROPOSALS(false, false),
    PRODUCT_REVENUE(true, true);

    private final boolean monetary;
    private final boolean productSpecific;

    Metric(boolean monetary, boolean productSpecific) {
        this.monetary = monetary;
        this.productSpecific = productSpecific;
    }

    /** {@code true} if the metric is an amount of money: a currency is required, otherwise forbidden. */
    public boolean isMonetary() {
        return monetary;
    }

    /** {@code true} if the metric needs a product line, which is forbidden for all other metrics. */
    public boolean requiresProductLine() {
        return productSpecific;
    }
}
