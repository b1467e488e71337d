package io.attain.query.timeline;

import io.attain.kernel.common.Money;
import io.attain.kernel.deal.CreditShare;
import io.attain.kernel.deal.DealAmountChangedEvent;
import io.attain.kernel.deal.DealCreditSplitEvent;
import io.attain.kernel.deal.DealLostEvent;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealReopenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Projection;
import io.attain.query.projection.ProjectionStore;
import io.attain.query.projection.Tokens;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every event of a deal, in order ({@value #TIMELINES}, {@code _id} = deal id): {@code events.e<seq>} =
 * {@code {seq, type, occurredAt, recordedAt, position, summary}}, where {@code recordedAt} is the event message's
 * timestamp and {@code position} its global position in the log.
 *
 * <p>The global position is not part of an event message; it is derived from the tracking tokens: this processor
 * handles every event of the log (the catch-all handler), so each event's token follows the one before it, and
 * {@link Tokens#position} tells which position the event moved the token over (its own, also for an event that
 * filled a gap late).
 */
@ProcessingGroup(DealTimelineProjection.NAME)
public class DealTimelineProjection extends Projection {

    public static final String NAME = "deal-timeline";
    public static final String TIMELINES = "deal_timelines";
    public static final List<String> COLLECTIONS = List.of(TIMELINES);

    /** The token of the last event of the last committed batch (or the one the segment was claimed at). */
    private volatile TrackingToken previous;

    public DealTimelineProjection(ProjectionStore store) {
        super(store);
        store.onClaim(token -> previous = token);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        Batch batch = batch();
        if (batch.lastToken() == null && !batch.isRetry()) { // a retried dead letter: position = its token's index
            batch.lastToken(previous);
            batch.onCommitted(() -> previous = batch.lastToken());
        }
        long position = Tokens.position(batch.lastToken(), token);
        batch.lastToken(token);
        Document summary = summary(payload);
        if (summary == null || !(message instanceof DomainEventMessage<?> domain)) {
            return;
        }
        String dealId = domain.getAggregateIdentifier();
        Doc timeline = batch.doc(TIMELINES, dealId);
        if (!timeline.exists()) {
            timeline.set("dealId", dealId);
        }
        long seq = domain.getSequenceNumber();
        Instant occurredAt = occurredAt(payload);
        Document event = new Document("seq", seq)
                .append("type", type(payload))
                .append("occurredAt", occurredAt == null ? null : occurredAt.toString())
                .append("recordedAt", message.getTimestamp().toString())
                .append("position", position)
                .append("summary", summary);
        timeline.set("events.e" + seq, event);
    }

    /** The reset handler also forgets the token the next event follows (a replay starts from the tail). */
    @Override
    public void reset() {
        super.reset();
        previous = null;
    }

    static String type(Object payload) {
        String name = payload.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    private static Instant occurredAt(Object payload) {
        if (payload instanceof DealOpenedEvent e) {
            return e.occurredAt();
        }
        if (payload instanceof DealStageChangedEvent e) {
            return e.occurredAt();
        }
        if (payload instanceof DealWonEvent e) {
            return e.occurredAt();
        }
        if (payload instanceof DealLostEvent e) {
            return e.occurredAt();
        }
        if (payload instanceof DealReopenedEvent e) {
            return e.occurredAt();
        }
        if (payload instanceof DealAmountChangedEvent e) {
            return e.occurredAt();
        }
        if (payload instanceof DealCreditSplitEvent e) {
            return e.occurredAt();
        }
        return null;
    }

    /** The fields of a deal event worth showing, or {@code null} for events that are not a deal's. */
    static Document summary(Object payload) {
        if (payload instanceof DealOpenedEvent e) {
            return new Document("ownerRepId", e.ownerRepId()).append("customer", e.customer())
                    .append("productLine", e.productLine())
                    .append("channel", e.channel() == null ? null : e.channel().name())
                    .append("partnerId", e.partnerId()).append("amount", money(e.amount()))
                    .append("expectedCloseDate", e.expectedCloseDate() == null ? null : e.expectedCloseDate().toString())
                    .append("stage", e.stage() == null ? null : e.stage().name());
        }
        if (payload instanceof DealStageChangedEvent e) {
            return new Document("fromStage", e.fromStage().name()).append("toStage", e.toStage().name())
                    .append("backward", e.backward()).append("reason", e.reason());
        }
        if (payload instanceof DealWonEvent e) {
            return new Document("fromStage", e.fromStage() == null ? null : e.fromStage().name())
                    .append("amount", money(e.amount())).append("reason", e.reason());
        }
        if (payload instanceof DealLostEvent e) {
            return new Document("fromStage", e.fromStage() == null ? null : e.fromStage().name())
                    .append("reason", e.reason());
        }
        if (payload instanceof DealReopenedEvent e) {
            return new Document("fromStage", e.fromStage() == null ? null : e.fromStage().name())
                    .append("toStage", e.toStage() == null ? null : e.toStage().name()).append("reason", e.reason());
        }
        if (payload instanceof DealAmountChangedEvent e) {
            return new Document("previousAmount", money(e.previousAmount())).append("amount", money(e.amount()));
        }
        if (payload instanceof DealCreditSplitEvent e) {
            List<Document> shares = new ArrayList<>();
            for (CreditShare share : e.shares()) {
                shares.add(new Document("repId", share.repId()).append("percentage", share.percentage()));
            }
            return new Document("shares", shares);
        }
        return null;
    }

    private static Document money(Money money) {
        return money == null ? null : new Document("amount", money.amount()).append("currency", money.currency());
    }
}
