package io.attain.query.channel;

import io.attain.kernel.channel.ChannelClaim;
import io.attain.kernel.channel.ChannelConflictRaisedEvent;
import io.attain.kernel.channel.ChannelConflictResolvedEvent;
import io.attain.kernel.channel.CustomerClaimedEvent;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Channel conflicts ({@value #CONFLICTS}, {@code _id} = conflict id): customer, status (OPEN, RESOLVED), every
 * claim (deal, channel, partner, owner; with the position and event id that brought it into the conflict) and the
 * resolution (winning deal, overruled deals, who, why, when, position, event id).
 */
@ProcessingGroup(ChannelConflictProjection.NAME)
public class ChannelConflictProjection extends Projection {

    public static final String NAME = "channel-conflicts";
    public static final String CONFLICTS = "channel_conflicts";
    public static final List<String> COLLECTIONS = List.of(CONFLICTS);

    private volatile TrackingToken previous;

    public ChannelConflictProjection(ProjectionStore store) {
        super(store);
        store.onClaim(token -> previous = token);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        Batch batch = batch();
        if (batch.lastToken() == null && !batch.isRetry()) {
            batch.lastToken(previous);
            batch.onCommitted(() -> previous = batch.lastToken());
        }
        long position = Tokens.position(batch.lastToken(), token);
        batch.lastToken(token);
        if (payload instanceof ChannelConflictRaisedEvent e) {
            Doc conflict = batch.doc(CONFLICTS, e.conflictId());
            conflict.set("conflictId", e.conflictId());
            conflict.set("customer", e.customer());
            conflict.set("status", "OPEN");
            conflict.set("raisedAt", e.occurredAt());
            conflict.set("raisedPosition", position);
            conflict.set("raisedEventId", message.getIdentifier());
            for (ChannelClaim claim : e.claims()) {
                claim(conflict, claim, position, message.getIdentifier());
            }
        } else if (payload instanceof CustomerClaimedEvent e && e.conflictId() != null) {
            Doc conflict = batch.doc(CONFLICTS, e.conflictId());
            if (conflict.exists() && conflict.get("claims." + Keys.field(e.claim().dealId())) == null) {
                claim(conflict, e.claim(), position, message.getIdentifier());
            }
        } else if (payload instanceof ChannelConflictResolvedEvent e) {
            Doc conflict = batch.doc(CONFLICTS, e.conflictId());
            conflict.set("status", "RESOLVED");
            Map<String, Object> resolution = new LinkedHashMap<>();
            resolution.put("winningDealId", e.winningClaim().dealId());
            resolution.put("overruled", e.overruled());
            resolution.put("resolvedBy", e.resolvedBy());
            resolution.put("reason", e.reason());
            resolution.put("occurredAt", e.occurredAt());
            resolution.put("position", position);
            resolution.put("eventId", message.getIdentifier());
            conflict.set("resolution", resolution);
        }
    }

    private static void claim(Doc conflict, ChannelClaim claim, long position, String eventId) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dealId", claim.dealId());
        c.put("channel", claim.channel());
        if (claim.partnerId() != null) {
            c.put("partnerId", claim.partnerId());
        }
        if (claim.ownerRepId() != null) {
            c.put("ownerRepId", claim.ownerRepId());
        }
        c.put("position", position);
        c.put("eventId", eventId);
        conflict.set("claims." + Keys.field(claim.dealId()), c);
    }
}
