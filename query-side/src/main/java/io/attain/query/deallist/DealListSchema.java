package io.attain.query.deallist;

import io.attain.query.api.Numbers;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a deal list document ({@value #DEALS}, {@code _id} = deal id): the one definition the projection
 * writes and the queries read. Besides the {@link DealListItem} fields it holds what filters and orders use:
 * {@value #REPS} (owner and sharing reps, for who may see the deal), {@value #PERIODS} (the month, quarter and year of
 * the opening, the expected close and the close) and epoch-millisecond sort keys of the instants.
 */
public final class DealListSchema {

    public static final String DEALS = "deal_list";
    public static final String ORG = "deal_list_org";

    public static final String CUSTOMER = "customer";
    public static final String PRODUCT_LINE = "productLine";
    public static final String OWNER = "ownerId";
    public static final String OWNER_NAME = "ownerName";
    public static final String TEAM = "teamId";
    public static final String TEAM_NAME = "teamName";
    public static final String STAGE = "stage";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String CHANNEL = "channel";
    public static final String PARTNER = "partnerId";
    public static final String OPENED_AT = "openedAt";
    public static final String EXPECTED_CLOSE = "expectedClose";
    public static final String CLOSED_AT = "closedAt";
    public static final String OUTCOME = "outcome";
    public static final String LOST_REASON = "lostReason";
    public static final String SHARES = "shares";
    public static final String UPDATED_AT = "updatedAt";
    public static final String REPS = "reps";
    public static final String PERIODS = "periods";
    public static final String OPENED_KEY = "openedKey";
    public static final String CLOSED_KEY = "closedKey";
    public static final String UPDATED_KEY = "updatedKey";

    /** The orders a list may ask for: the parameter value and the stored field it sorts by. */
    public enum Order {
        BY_UPDATED_AT("updatedAt", UPDATED_KEY), BY_OPENED_AT("openedAt", OPENED_KEY),
        BY_EXPECTED_CLOSE("expectedClose", DealListSchema.EXPECTED_CLOSE), BY_CLOSED_AT("closedAt", CLOSED_KEY),
        BY_AMOUNT("amount", DealListSchema.AMOUNT);

        private final String parameter;
        private final String field;

        Order(String parameter, String field) {
            this.parameter = parameter;
            this.field = field;
        }

        public String parameter() {
            return parameter;
        }

        public String field() {
            return field;
        }
    }

    private DealListSchema() {
    }

    /** The list item a stored document describes. */
    public static DealListItem item(Document d) {
        List<DealListItem.Share> shares = new ArrayList<>();
        for (Document s : d.getList(SHARES, Document.class, List.of())) {
            shares.add(new DealListItem.Share(s.getString("repId"), Numbers.plain(s.get("percentage"))));
        }
        return new DealListItem(d.getString("_id"), d.getString(CUSTOMER), d.getString(PRODUCT_LINE),
                                d.getString(OWNER), d.getString(OWNER_NAME), d.getString(TEAM),
                                d.getString(TEAM_NAME), d.getString(STAGE), Numbers.plain(d.get(AMOUNT)),
                                d.getString(CURRENCY), d.getString(CHANNEL), d.getString(PARTNER),
                                d.getString(OPENED_AT), d.getString(EXPECTED_CLOSE), d.getString(CLOSED_AT),
                                d.getString(OUTCOME), d.getString(LOST_REASON), shares, d.getString(UPDATED_AT));
    }

}
