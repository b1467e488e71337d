package io.attain.kernel.cost;

/**
 * What a sales or marketing cost was spent on, in the categories a finance department books the cost of sales in.
 */
public enum CostCategory {
    /** Salaries and other fixed pay of the sales force. */
    SALARIES,
    /** Commissions, bonuses and SPIFFs paid out (as booked by finance, not as calculated by Attain). */
    COMMISSIONS,
    /** Campaigns, advertising, content, lead generation. */
    MARKETING,
    /** Trade fairs, conferences, customer events. */
    EVENTS,
    /** Travel and expenses of the sales force. */
    TRAVEL,
    /** CRM and other sales tools and licences. */
    TOOLS,
    /** Fees paid to channel partners (other than the rebates Attain calculates). */
    PARTNER_FEES,
    OTHER
}
