package io.attain.kernel.deal;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Stage;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal was opened in an open {@code stage}.
 *
 * @param partnerId         or {@code null}
 * @param expectedCloseDate or {@code null}
 */
@Revision("1")
public record DealOpenedEvent(
        String dealId,
        String ownerRepId,
        String customer,
        String productLine,
        Channel channel,
        String partnerId,
        Money amount,
        LocalDate expectedCloseDate,
        Stage stage,
        Instant occurredAt) {
}
