package io.attain.query.deallist;

import io.attain.query.api.Page;
import io.attain.query.web.Paging;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import static io.attain.query.deallist.DealListSchema.*;

/**
 * The deal list of one processor (one generation of the projection) in memory, on the instance whose processor
 * writes it: loaded from the collection whenever the processor claims its segment (after any roll-forward), then
 * given each committed batch's documents right after they are written and before the processor stores the batch's
 * token. So while this instance holds the claim, the copy holds at least what the stored token describes — the
 * same documents a database read would see. The queries use it only while this instance's processor holds the
 * claim ({@link DealListQueries}); on any other instance, or after a reset until the next claim, they read MongoDB.
 * The documents stay the durable, replay-equal truth; this is a copy, filtered, ordered and paged exactly as the
 * database does ({@link #order}: absent values first when ascending, then {@code _id}).
 */
final class DealListIndex {

    private final Map<String, Document> deals = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** Replaces the content: every document of the collection. */
    synchronized void load(Iterable<Document> all) {
        deals.clear();
        for (Document d : all) {
            deals.put(d.getString("_id"), d);
        }
        loaded = true;
    }

    /** A committed document's final state ({@code null}: deleted). */
    synchronized void apply(String id, Document committed) {
        if (!loaded) {
            return;
        }
        if (committed == null) {
            deals.remove(id);
        } else {
            deals.put(id, committed);
        }
    }

    /** Forgets everything (a reset drops the collection); unusable until loaded again. */
    synchronized void clear() {
        deals.clear();
        loaded = false;
    }

    boolean loaded() {
        return loaded;
    }

    Page<DealListItem> list(DealListQueries.Filter filter, Order order, boolean descending, Paging paging) {
        List<Document> matching = new ArrayList<>();
        for (Document d : deals.values()) {
            if (matches(filter, d)) {
                matching.add(d);
            }
        }
        matching.sort(order(order.field(), descending));
        long total = matching.size();
        List<DealListItem> items = new ArrayList<>();
        for (int i = paging.offset(); i < matching.size() && items.size() < paging.size(); i++) {
            items.add(item(matching.get(i)));
        }
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    private static boolean matches(DealListQueries.Filter f, Document d) {
        if (f.owner() != null && !f.owner().equals(d.getString(OWNER))) {
            return false;
        }
        if (f.team() != null && !f.team().equals(d.getString(TEAM))) {
            return false;
        }
        if (f.stages() != null && !f.stages().contains(d.getString(STAGE))) {
            return false;
        }
        if (f.channel() != null && !f.channel().equals(d.getString(CHANNEL))) {
            return false;
        }
        if (f.period() != null && !d.getList(PERIODS, String.class, List.of()).contains(f.period())) {
            return false;
        }
        if (f.customer() != null && !f.customer().equals(d.getString(CUSTOMER))) {
            return false;
        }
        if (f.visibleTo() != null) {
            boolean involved = false;
            for (String rep : d.getList(REPS, String.class, List.of())) {
                involved |= f.visibleTo().contains(rep);
            }
            return involved;
        }
        return true;
    }

    /** The database's order: by the field (absent first when ascending), then by {@code _id} ascending. */
    static Comparator<Document> order(String field, boolean descending) {
        Comparator<Document> byField = (a, b) -> compare(a.get(field), b.get(field));
        if (descending) {
            byField = byField.reversed();
        }
        return byField.thenComparing(d -> d.getString("_id"));
    }

    private static int compare(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return number(a).compareTo(number(b));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        return new BigDecimal(value.toString());
    }
}
