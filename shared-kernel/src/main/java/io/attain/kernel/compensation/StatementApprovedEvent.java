package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A statement was approved: these totals (one per currency, by currency code) may be paid. */
@Revision("1")
public record StatementApprovedEvent(
        String statementId,
        String repId,
        String approverId,
        ApproverRole approverRole,
        List<Money> approvedTotals,
        Instant occurredAt) {

    public StatementApprovedEvent {
        approvedTotals = approvedTotals == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(approvedTotals));
    }
}
