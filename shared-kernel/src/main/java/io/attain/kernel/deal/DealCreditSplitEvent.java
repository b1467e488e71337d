package io.attain.kernel.deal;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The credit of a deal is split between reps as listed; replaces any earlier split. */
@Revision("1")
public record DealCreditSplitEvent(
        String dealId,
        List<CreditShare> shares,
        Instant occurredAt) {

    public DealCreditSplitEvent {
        shares = shares == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(shares));
    }
}
