package io.attain.kernel.channel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A recorded exchange rate used for a line: {@code 1 fromCurrency = rate toCurrency}, recorded as effective from
 * {@code effectiveDate} (the rate in force on the deal's business date).
 */
public record Conversion(
        String fromCurrency,
        String toCurrency,
        BigDecimal rate,
        LocalDate effectiveDate) {
}
