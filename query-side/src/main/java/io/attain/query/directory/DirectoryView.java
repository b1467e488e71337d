package io.attain.query.directory;

import java.math.BigDecimal;
import java.util.List;

/** The items of the directory's lists. */
public final class DirectoryView {

    private DirectoryView() {
    }

    /**
     * A rep, with their current team (the assignment with the latest effective date).
     *
     * @param offboardedFrom the first day the rep is no longer active, or {@code null}
     */
    public record Rep(String repId, String name, String role, String teamId, String teamName, String regionId,
                      String managerId, String hireDate, String offboardedFrom) {
    }

    /** A team with its current manager (by business time) and how many reps it has now. */
    public record Team(String teamId, String name, String regionId, String regionName, String managerId, int reps) {
    }

    public record Region(String regionId, String name, String managerId, int teams) {
    }

    public record ProductLine(String productLineId, String series, BigDecimal listPrice, String currency) {
    }

    /**
     * A target: the amount in force now ({@code amount}, after its latest revision by business time), as assigned,
     * and its revisions.
     */
    public record Target(String targetId, String ownerType, String ownerId, String ownerName, String period,
                         String metric, String productLine, BigDecimal amount, String currency,
                         BigDecimal assignedAmount, String assignedAt, List<Revision> revisions) {
    }

    public record Revision(BigDecimal previousAmount, BigDecimal amount, String reason, String at) {
    }
}
