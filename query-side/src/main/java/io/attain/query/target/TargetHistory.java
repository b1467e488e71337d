package io.attain.query.target;

import io.attain.query.projection.Doc;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A target and its revisions, kept under one path of a read-model document: {@code id}, {@code currency},
 * {@code amount} (as assigned) and {@code revisions} ({@code at}, {@code amount}; ordered by business time, equal
 * times in log order).
 *
 * <p>The assigned amount applies to the whole period, however late in it the target was assigned; a revision
 * takes effect from its business time. The target in force just before an instant is the assigned amount, replaced
 * by each revision whose {@code occurredAt} lies before that instant.
 */
public final class TargetHistory {

    private TargetHistory() {
    }

    public static void assign(Doc doc, String path, String targetId, String currency, BigDecimal amount, Instant at) {
        doc.set(path + ".id", targetId);
        if (currency != null) {
            doc.set(path + ".currency", currency);
        }
        doc.set(path + ".amount", amount);
        doc.set(path + ".assignedAt", at);
    }

    public static void revise(Doc doc, String path, BigDecimal amount, Instant at) {
        List<Document> revisions = new ArrayList<>();
        for (Object o : doc.list(path + ".revisions")) {
            revisions.add((Document) o);
        }
        revisions.add(new Document("at", at.toString()).append("amount", amount));
        revisions.sort(Comparator.comparing(d -> Instant.parse(d.getString("at")))); // stable: ties keep log order
        doc.set(path + ".revisions", revisions);
    }

    /** The amount in force just before {@code instant}, or {@code null} without a target. */
    public static BigDecimal inForceAt(Doc doc, String path, Instant instant) {
        return inForceAt(doc.sub(path), instant);
    }

    /** The same, on a loaded target sub-document (or {@code null}). */
    public static BigDecimal inForceAt(Document target, Instant instant) {
        if (target == null || target.get("amount") == null) {
            return null;
        }
        BigDecimal amount = Doc.toDecimal(target.get("amount"));
        for (Document revision : target.getList("revisions", Document.class, List.of())) {
            if (Instant.parse(revision.getString("at")).isBefore(instant)) {
                amount = Doc.toDecimal(revision.get("amount"));
            }
        }
        return amount;
    }
}
