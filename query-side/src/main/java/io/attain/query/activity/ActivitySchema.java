package io.attain.query.activity;

import io.attain.query.api.Numbers;
import io.attain.query.projection.Keys;
import org.bson.Document;


/**
 * The layout of the activity documents ({@value #MONTHS}, {@code _id} = {@code <rep>|<month>}, e.g.
 * {@code anna|2017-05}): {@code items.<activityId>} = {@code {kind, occurredAt, customer, purpose, outcome,
 * productLine, amount, currency, dealId}}. A period's activities are the documents of its months, read by
 * {@code _id}.
 */
public final class ActivitySchema {

    public static final String MONTHS = "rep_activities";
    public static final String ITEMS = "items";
    public static final String KIND = "kind";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String CUSTOMER = "customer";
    public static final String PURPOSE = "purpose";
    public static final String OUTCOME = "outcome";
    public static final String PRODUCT_LINE = "productLine";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String DEAL = "dealId";

    private ActivitySchema() {
    }

    public static String monthId(String repId, String month) {
        return Keys.id(repId, month);
    }

    /** The path of an activity in its month's document. */
    public static String item(String activityId) {
        return ITEMS + "." + Keys.field(activityId);
    }

    public static ActivityView.Item item(String key, Document d) {
        return new ActivityView.Item(Keys.decode(key), d.getString(KIND), d.getString(OCCURRED_AT),
                                     d.getString(CUSTOMER), d.getString(PURPOSE), d.getString(OUTCOME),
                                     d.getString(PRODUCT_LINE), Numbers.plain(d.get(AMOUNT)), d.getString(CURRENCY), d.getString(DEAL));
    }
}
