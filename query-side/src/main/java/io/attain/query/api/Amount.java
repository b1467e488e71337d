package io.attain.query.api;

import java.math.BigDecimal;

/** An amount of money in one currency (read models never convert between currencies). */
public record Amount(BigDecimal amount, String currency) {
}
