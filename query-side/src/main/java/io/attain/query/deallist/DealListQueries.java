package io.attain.query.deallist;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.attain.query.api.Page;
import io.attain.query.projection.ReadModels;
import io.attain.query.web.Paging;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static io.attain.query.deallist.DealListSchema.*;

/**
 * Pages through the deal list: from the in-memory copy on the instance that writes it, otherwise filtered, ordered
 * and paged by the database.
 */
public class DealListQueries {

    /**
     * What to list: each non-null field narrows the list. {@code stages} any of these stages; {@code period} deals
     * opened, expected to close or closed in it; {@code visibleTo} deals in which one of these reps is involved
     * ({@code null}: every deal).
     */
    public record Filter(String owner, String team, Set<String> stages, String channel, String period,
                         String customer, Set<String> visibleTo) {
    }

    private final ReadModels models;
    private final Supplier<DealListIndex> local;

    /**
     * @param local the in-memory copy of the active generation when this instance's processor writes it (holds the
     *              claim), else {@code null} ({@link DealListIndex}); {@code () -> null}: always MongoDB
     */
    public DealListQueries(ReadModels models, Supplier<DealListIndex> local) {
        this.models = models;
        this.local = local;
    }

    /** From memory where this instance writes the active generation, otherwise from MongoDB: the same answer. */
    public Page<DealListItem> list(Filter filter, Order order, boolean descending, Paging paging) {
        DealListIndex index = local.get();
        if (index != null && index.loaded()) {
            return index.list(filter, order, descending, paging);
        }
        return fromDatabase(filter, order, descending, paging);
    }

    /** The list read from MongoDB: filtered, counted, ordered and paged by the database. */
    Page<DealListItem> fromDatabase(Filter filter, Order order, boolean descending, Paging paging) {
        if (filter.visibleTo() != null && filter.visibleTo().isEmpty()) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        MongoCollection<Document> deals = models.collection(DealListProjection.NAME, DEALS);
        Bson query = query(filter);
        long total = deals.countDocuments(query);
        List<DealListItem> items = new ArrayList<>();
        if (paging.offset() < total) {
            Bson sort = Sorts.orderBy(descending ? Sorts.descending(order.field()) : Sorts.ascending(order.field()),
                                      Sorts.ascending("_id"));
            for (Document d : deals.find(query).sort(sort).skip(paging.offset()).limit(paging.size())) {
                items.add(item(d));
            }
        }
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    private static Bson query(Filter filter) {
        List<Bson> all = new ArrayList<>();
        if (filter.owner() != null) {
            all.add(Filters.eq(OWNER, filter.owner()));
        }
        if (filter.team() != null) {
            all.add(Filters.eq(TEAM, filter.team()));
        }
        if (filter.stages() != null) {
            all.add(filter.stages().size() == 1 ? Filters.eq(STAGE, filter.stages().iterator().next())
                            : Filters.in(STAGE, filter.stages()));
        }
        if (filter.channel() != null) {
            all.add(Filters.eq(CHANNEL, filter.channel()));
        }
        if (filter.period() != null) {
            all.add(Filters.eq(PERIODS, filter.period()));
        }
        if (filter.customer() != null) {
            all.add(Filters.eq(CUSTOMER, filter.customer()));
        }
        if (filter.visibleTo() != null) {
            all.add(Filters.in(REPS, filter.visibleTo()));
        }
        return all.isEmpty() ? new Document() : Filters.and(all);
    }
}
