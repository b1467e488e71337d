package io.attain.query.recognition;

import io.attain.kernel.contest.ContestPrizeAwardedEvent;
import io.attain.kernel.contest.RecognitionGrantedEvent;
import io.attain.kernel.contest.RecognitionRevokedEvent;
import io.attain.query.projection.Doc;
import io.attain.query.projection.Keys;
import io.attain.query.projection.Projection;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.util.List;

/**
 * Each rep's recognition history ({@value #RECOGNITIONS}, {@code _id} = rep id): {@code items.<id>} = one entry per
 * contest prize ({@code kind} AWARD, id {@code <contestId>#<rank>}: contest, rank, money and/or title) and per honorary
 * title granted outside a contest ({@code kind} TITLE, id = recognition id: title, reason). A revoked title keeps its
 * entry with {@code revoked {reason, by, at}}: the history is never erased. Items are ordered when read (by business
 * time, then id). Setting an item by its id makes a redelivered event change nothing.
 */
@ProcessingGroup(RecognitionProjection.NAME)
public class RecognitionProjection extends Projection {

    public static final String NAME = "recognitions";
    public static final String RECOGNITIONS = "recognitions";
    public static final List<String> COLLECTIONS = List.of(RECOGNITIONS);

    public RecognitionProjection(ProjectionStore store) {
        super(store);
    }

    /** The id of a contest prize in the history. */
    public static String awardId(String contestId, int rank) {
        return contestId + "#" + rank;
    }

    @EventHandler
    void on(ContestPrizeAwardedEvent e) {
        String id = awardId(e.contestId(), e.rank());
        Document item = new Document("id", id).append("kind", "AWARD").append("contestId", e.contestId())
                .append("contestName", e.contestName()).append("rank", e.rank());
        if (e.money() != null) {
            item.append("money", new Document("amount", e.money().amount()).append("currency", e.money().currency()));
        }
        if (e.title() != null) {
            item.append("title", e.title());
        }
        item.append("grantedBy", e.awardedBy()).append("grantedAt", e.occurredAt().toString());
        history(e.repId()).set("items." + Keys.field(id), item);
    }

    @EventHandler
    void on(RecognitionGrantedEvent e) {
        Document item = new Document("id", e.recognitionId()).append("kind", "TITLE").append("title", e.title())
                .append("reason", e.reason()).append("grantedBy", e.grantedBy())
                .append("grantedAt", e.occurredAt().toString());
        history(e.repId()).set("items." + Keys.field(e.recognitionId()), item);
    }

    @EventHandler
    void on(RecognitionRevokedEvent e) {
        Doc history = history(e.repId());
        String path = "items." + Keys.field(e.recognitionId());
        if (history.get(path) != null) {
            history.set(path + ".revoked", new Document("reason", e.reason()).append("by", e.revokedBy())
                    .append("at", e.occurredAt().toString()));
        }
    }

    private Doc history(String repId) {
        Doc history = batch().doc(RECOGNITIONS, repId);
        if (!history.exists()) {
            history.set("repId", repId);
        }
        return history;
    }
}
