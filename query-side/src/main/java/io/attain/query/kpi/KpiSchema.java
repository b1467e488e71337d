package io.attain.query.kpi;

import io.attain.kernel.common.Period;
import io.attain.query.projection.Keys;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of the KPI documents, the one definition its projection writes and its queries read.
 * <ul>
 *     <li>{@value #PERIODS} ({@code _id} = a period as recorded, {@code 2017-05}, {@code 2017-Q2} or {@code 2017}):
 *     {@code costs.<cut>.<currency>} — the sum of the cost entries recorded for exactly that period (corrections
 *     add their delta); {@code newCustomers.<cut>} — in month documents only, the customers whose first won deal
 *     lies in the month;</li>
 *     <li>{@value #CUSTOMERS} ({@code _id} = customer): {@code wins.<dealId> = {at, amount, currency, channel, team}}
 *     (the deals currently won with the customer) and {@code first = {dealId, at, channel, team}} (the earliest of
 *     them by business time, ties by deal id);</li>
 *     <li>{@value #DEALS} ({@code _id} = deal id): {@code customer, channel, owner} from the opening, and while won
 *     {@code wonAt}: the deal's state;</li>
 *     <li>{@value #RATES} ({@code _id} = {@code FROM-TO}): {@code from, to, rates.<effective date> = rate};</li>
 *     <li>{@value #ORG}: the projection's copy of the organisation ({@link io.attain.query.org.OrgDirectory}).</li>
 * </ul>
 * A cut is {@code all}, {@code channel=<CHANNEL>} or {@code team=<teamId>}, as a field name ({@link Keys#field}).
 */
public final class KpiSchema {

    public static final String PERIODS = "kpi_periods";
    public static final String CUSTOMERS = "kpi_customers";
    public static final String DEALS = "kpi_deals";
    public static final String RATES = "kpi_rates";
    public static final String ORG = "kpi_org";

    public static final String COSTS = "costs";
    public static final String NEW_CUSTOMERS = "newCustomers";
    public static final String WINS = "wins";
    public static final String FIRST = "first";
    public static final String AT = "at";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String CHANNEL = "channel";
    public static final String TEAM = "team";
    public static final String DEAL_ID = "dealId";
    public static final String CUSTOMER = "customer";
    public static final String OWNER = "owner";
    public static final String WON_AT = "wonAt";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String RATES_FIELD = "rates";

    public static final String ALL = "all";

    private KpiSchema() {
    }

    public static String channelCut(String channel) {
        return "channel=" + channel;
    }

    public static String teamCut(String teamId) {
        return "team=" + teamId;
    }

    /** The cuts an entry with this channel and team (either may be {@code null}) counts in. */
    public static List<String> cuts(String channel, String teamId) {
        List<String> cuts = new ArrayList<>(3);
        cuts.add(ALL);
        if (channel != null) {
            cuts.add(channelCut(channel));
        }
        if (teamId != null) {
            cuts.add(teamCut(teamId));
        }
        return cuts;
    }

    /** {@code costs.<cut>.<currency>}. */
    public static String costPath(String cut, String currency) {
        return COSTS + "." + Keys.field(cut) + "." + Keys.field(currency);
    }

    /** {@code newCustomers.<cut>}. */
    public static String newCustomersPath(String cut) {
        return NEW_CUSTOMERS + "." + Keys.field(cut);
    }

    /** {@code wins.<dealId>}. */
    public static String winPath(String dealId) {
        return WINS + "." + Keys.field(dealId);
    }

    public static String rateId(String from, String to) {
        return Keys.id(from + "-" + to);
    }

    /**
     * The period documents whose entries count in {@code period}: the period itself and every period it contains
     * (a year: its quarters and months; a quarter: its months).
     */
    public static List<String> periodIds(Period period) {
        List<String> ids = new ArrayList<>();
        ids.add(period.toString());
        switch (period.unit()) {
            case YEAR -> {
                for (int q = 1; q <= 4; q++) {
                    ids.add(Period.quarter(period.year(), q).toString());
                }
                for (int m = 1; m <= 12; m++) {
                    ids.add(Period.month(period.year(), m).toString());
                }
            }
            case QUARTER -> {
                int firstMonth = period.start().getMonthValue();
                for (int m = firstMonth; m < firstMonth + 3; m++) {
                    ids.add(Period.month(period.year(), m).toString());
                }
            }
            case MONTH -> {
            }
        }
        return ids;
    }
}
