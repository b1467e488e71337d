package io.attain.kernel.compensation;

import io.attain.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A statement was submitted for approval with these totals (one per currency, by currency code). */
@Revision("1")
public record StatementSubmittedEvent(
        String statementId,
        String repId,
        String submittedBy,
        List<Money> totals,
        Instant occurredAt) {

    public StatementSubmittedEvent {
        totals = totals == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(totals));
    }
}
