package io.attain.query.activity;

import com.mongodb.client.model.Filters;
import io.attain.kernel.common.Period;
import io.attain.query.api.Page;
import io.attain.query.projection.ReadModels;
import io.attain.query.web.Paging;
import org.bson.Document;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.attain.query.activity.ActivitySchema.*;

/** A rep's activities in a period: the documents of the period's months, fetched by {@code _id}. */
public class ActivityQueries {

    private final ReadModels models;

    public ActivityQueries(ReadModels models) {
        this.models = models;
    }

    /** The rep's activities in the period, optionally of one kind, the latest first (then by id). */
    public ActivityView activities(String repId, Period period, String kind, Paging paging) {
        List<String> ids = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.start()); m.isBefore(YearMonth.from(period.end())); m = m.plusMonths(1)) {
            ids.add(monthId(repId, Period.month(m.getYear(), m.getMonthValue()).toString()));
        }
        List<ActivityView.Item> items = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>(Map.of("CALL", 0L, "PROPOSAL", 0L, "VISIT", 0L));
        for (Document month : models.collection(ActivityProjection.NAME, MONTHS).find(Filters.in("_id", ids))) {
            Document byId = month.get(ITEMS, Document.class);
            if (byId == null) {
                continue;
            }
            byId.forEach((key, value) -> {
                ActivityView.Item item = item(key, (Document) value);
                counts.merge(item.kind(), 1L, Long::sum);
                if (kind == null || kind.equals(item.kind())) {
                    items.add(item);
                }
            });
        }
        items.sort(Comparator.comparing((ActivityView.Item i) -> java.time.Instant.parse(i.occurredAt()))
                             .reversed().thenComparing(ActivityView.Item::activityId));
        Page<ActivityView.Item> page = Page.of(items, paging.page(), paging.size());
        return new ActivityView(repId, period.toString(), page.items(), page.page(), page.size(), page.total(),
                                counts);
    }
}
