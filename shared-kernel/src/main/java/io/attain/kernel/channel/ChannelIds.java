package io.attain.kernel.channel;

/** The aggregate and conflict ids of the channel domain. */
public final class ChannelIds {

    private static final String CUSTOMER = "customer:";
    private static final String CONFLICT = "conflict:";

    private ChannelIds() {
    }

    /** The channel claims of a customer, e.g. {@code customer:Acme Corporation}. */
    public static String customerChannelId(String customer) {
        return CUSTOMER + customer;
    }

    /** The n-th channel conflict of a customer, e.g. {@code conflict:1:Acme Corporation}. */
    public static String conflictId(String customer, int number) {
        return CONFLICT + number + ":" + customer;
    }

    /** The customer-channel id a conflict id belongs to, or {@code null} if it is not a conflict id. */
    public static String customerChannelIdOfConflict(String conflictId) {
        if (conflictId == null || !conflictId.startsWith(CONFLICT)) {
            return null;
        }
        int colon = conflictId.indexOf(':', CONFLICT.length());
        if (colon < 0 || colon == CONFLICT.length() || colon == conflictId.length() - 1) {
            return null;
        }
        for (int i = CONFLICT.length(); i < colon; i++) {
            if (!Character.isDigit(conflictId.charAt(i))) {
                return null;
            }
        }
        return CUSTOMER + conflictId.substring(colon + 1);
    }

    /** The rebate line of a deal's win, e.g. {@code rebate:d-1:<DealWon event id>}. */
    public static String rebateLineId(String dealId, String wonEventId) {
        return "rebate:" + dealId + ":" + wonEventId;
    }

    /** The reversal of a rebate line, caused by an event. */
    public static String reversalLineId(String lineId, String eventId) {
        return "reversal:" + lineId + ":" + eventId;
    }
}
