package io.attain.query.statement;

import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.compensation.StatementLockedEvent;
import io.attain.query.projection.Batch;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.Projection;
import io.attain.query.projection.ProjectionStore;
import io.attain.query.projection.Tokens;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Commission statements per rep and period, their payout batches and the seals of locked statements.
 *
 * <table>
 *     <tr><th>collection</th><th>{@code _id}</th><th>holds</th></tr>
 *     <tr><td>{@value #STATEMENTS}</td><td>statement id</td><td>the statement ({@link StatementFold})</td></tr>
 *     <tr><td>{@value #INDEX}</td><td>period</td><td>{@code statements.<rep>} = statement id (the list query)</td></tr>
 *     <tr><td>{@value #PAYOUTS}</td><td>batch id</td><td>{@code payments.<statement>} = one payment (the payroll
 *     export)</td></tr>
 *     <tr><td>{@value #DIGESTS}</td><td>statement id</td><td>{@code events} = position, event id and digest of each
 *     event of a statement not yet locked (deleted when it is sealed)</td></tr>
 *     <tr><td>{@value #SEALS}</td><td>statement id</td><td>the seal of a locked statement (ADR 0006)</td></tr>
 *     <tr><td>{@value #HEADS}</td><td>rep id</td><td>the rep's last seal (statement id, head), which the next seal
 *     covers</td></tr>
 * </table>
 *
 * <p>Lineage: every event's global position is derived from the tracking tokens like the deal timeline does (this
 * processor handles every event of the log, so each event's token follows the previous one: {@link Tokens#position});
 * its event id is the message identifier and its recording time the message timestamp.
 */
@ProcessingGroup(StatementProjection.NAME)
public class StatementProjection extends Projection {

    public static final String NAME = "statements";
    public static final String STATEMENTS = "statements";
    public static final String INDEX = "statement_index";
    public static final String PAYOUTS = "statement_payouts";
    public static final String DIGESTS = "statement_digests";
    public static final String SEALS = "statement_seals";
    public static final String HEADS = "statement_seal_heads";
    public static final List<String> COLLECTIONS = List.of(STATEMENTS, INDEX, PAYOUTS, DIGESTS, SEALS, HEADS);

    /** The token of the last event of the last committed batch (or the one the segment was claimed at). */
    private volatile TrackingToken previous;

    public StatementProjection(ProjectionStore store) {
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
        if (!StatementFold.isStatementEvent(payload)) {
            return;
        }
        StatementEvent event = new StatementEvent(position, message.getIdentifier(), message.getTimestamp(), payload);
        String statementId = StatementFold.statementId(payload);
        Doc doc = batch.doc(STATEMENTS, statementId);
        boolean existed = doc.exists();
        Document before = existed ? Doc.copy(doc.data()) : new Document();
        String statusBefore = before.getString("status");
        Document after = Doc.copy(before);
        StatementFold.apply(after, event);
        write(doc, before, after);

        String repId = after.getString("repId");
        if (!existed && repId != null) {
            batch.doc(INDEX, after.getString("period")).set("statements." + Keys.field(repId), statementId);
        }
        if (payload instanceof CommissionPaidEvent paid) {
            Document row = new Document("statementId", statementId).append("repId", repId)
                    .append("period", after.getString("period")).append("batchId", paid.batchId())
                    .append("amount", StatementFold.dec(paid.amount().amount()))
                    .append("currency", paid.amount().currency())
                    .append("paymentDate", paid.paymentDate() == null ? null : paid.paymentDate().toString())
                    .append("position", position).append("eventId", message.getIdentifier());
            row.values().removeIf(Objects::isNull);
            batch.doc(PAYOUTS, paid.batchId()).set("payments." + Keys.field(statementId), row);
        }
        if (!"LOCKED".equals(statusBefore) && !"PAID".equals(statusBefore)) {
            seal(batch, statementId, repId, after.getString("period"), event, message);
        }
    }

    /** Records the event's digest; at the lock, chains the statement's digests into its seal. */
    private void seal(Batch batch, String statementId, String repId, String period, StatementEvent event,
                      EventMessage<?> message) {
        Object payload = event.payload();
        String digest = Seals.digest(Seals.canonical(event.position(), event.eventId(),
                                                     message.getPayloadType().getName(),
                                                     Seals.revisionOf(payload.getClass()), event.recordedAt(),
                                                     payload));
        Doc digests = batch.doc(DIGESTS, statementId);
        List<Object> events = new ArrayList<>(digests.list("events"));
        events.add(new Document("position", event.position()).append("eventId", event.eventId())
                           .append("digest", digest));
        if (!(payload instanceof StatementLockedEvent locked)) {
            digests.set("events", events);
            return;
        }
        digests.delete();
        String rep = repId != null ? repId : locked.repId();
        Doc head = batch.doc(HEADS, rep);
        String previousHead = head.exists() ? head.string("head") : Seals.GENESIS;
        String h = previousHead;
        List<Object> chain = new ArrayList<>();
        for (Object o : events) {
            Document d = (Document) o;
            h = Seals.link(h, d.getString("digest"));
            chain.add(new Document("position", d.get("position")).append("eventId", d.getString("eventId"))
                              .append("hash", h));
        }
        Doc seal = batch.doc(SEALS, statementId);
        seal.set("statementId", statementId);
        seal.set("repId", rep);
        seal.set("period", period);
        seal.set("algorithm", Seals.ALGORITHM);
        if (head.exists()) {
            seal.set("previousStatementId", head.string("statementId"));
        }
        seal.set("previousHead", previousHead);
        seal.set("lockPosition", event.position());
        seal.set("lockEventId", event.eventId());
        seal.set("sealedAt", event.recordedAt().toString());
        seal.set("events", chain);
        seal.set("count", (long) chain.size());
        seal.set("head", h);
        head.set("statementId", statementId);
        head.set("head", h);
        head.set("position", event.position());
    }

    /** Writes the changes of the fold into the working copy: changed top-level fields, and changed entries of maps. */
    static void write(Doc doc, Document before, Document after) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        keys.remove("_id");
        if (!doc.exists()) {
            // the document's _id is its statement id; Doc adds it on the first set
            for (String key : keys) {
                doc.set(key, after.get(key));
            }
            return;
        }
        for (String key : keys) {
            Object a = after.get(key);
            Object b = before.get(key);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (a instanceof Document ad && b instanceof Document bd) {
                Set<String> subKeys = new LinkedHashSet<>(ad.keySet());
                subKeys.addAll(bd.keySet());
                for (String sub : subKeys) {
                    if (!Objects.equals(ad.get(sub), bd.get(sub))) {
                        doc.set(key + "." + sub, ad.get(sub));
                    }
                }
            } else {
                doc.set(key, a);
            }
        }
    }

    /** The reset handler also forgets the token the next event follows (a replay starts from the tail). */
    @Override
    public void reset() {
        super.reset();
        previous = null;
    }
}
