package io.attain.kernel.compensation;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** {@code 1 fromCurrency = rate toCurrency} from {@code effectiveDate} until the next recorded date. */
@Revision("1")
public record ExchangeRateRecordedEvent(
        String pairId,
        String fromCurrency,
        String toCurrency,
        BigDecimal rate,
        LocalDate effectiveDate,
        Instant occurredAt) {
}
