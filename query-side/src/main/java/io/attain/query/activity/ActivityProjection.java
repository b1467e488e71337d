package io.attain.query.activity;

import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Period;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Projection;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

import static io.attain.query.activity.ActivitySchema.*;

/** Files every visit, call and proposal under its rep and the month of its business time ({@link ActivitySchema}). */
@ProcessingGroup(ActivityProjection.NAME)
public class ActivityProjection extends Projection {

    public static final String NAME = "activities";
    public static final List<String> COLLECTIONS = List.of(MONTHS);

    public ActivityProjection(ProjectionStore store) {
        super(store);
    }

    @EventHandler
    void on(VisitLoggedEvent e) {
        file(e.repId(), e.activityId(), e.occurredAt(), new Document(KIND, "VISIT").append(CUSTOMER, e.customer())
                .append(PURPOSE, e.purpose()).append(OUTCOME, e.outcome()));
    }

    @EventHandler
    void on(CallLoggedEvent e) {
        file(e.repId(), e.activityId(), e.occurredAt(), new Document(KIND, "CALL").append(CUSTOMER, e.customer())
                .append(PURPOSE, e.purpose()).append(OUTCOME, e.outcome()));
    }

    @EventHandler
    void on(ProposalLoggedEvent e) {
        Document item = new Document(KIND, "PROPOSAL").append(CUSTOMER, e.customer())
                .append(PRODUCT_LINE, e.productLine()).append(DEAL, e.dealId());
        if (e.amount() != null) {
            item.append(AMOUNT, e.amount().amount()).append(CURRENCY, e.amount().currency());
        }
        file(e.repId(), e.activityId(), e.occurredAt(), item);
    }

    private void file(String repId, String activityId, Instant occurredAt, Document item) {
        Doc month = batch().doc(MONTHS, monthId(repId, Period.monthOf(occurredAt).toString()));
        Document stored = new Document();
        item.append(OCCURRED_AT, occurredAt.toString());
        item.forEach((k, v) -> {
            if (v != null) {
                stored.put(k, v);
            }
        });
        month.set(item(activityId), stored);
    }
}
