package io.attain.command.web.request;

import io.attain.kernel.activity.LogProposalCommand;
import io.attain.kernel.common.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code POST /api/v1/activities/proposals}; {@code amount} and {@code currency} are optional but go
 * together. The activity id is generated when not given.
 */
public record ProposalRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String activityId,
        @NotBlank(message = Rules.NOT_BLANK) String repId,
        @NotBlank(message = Rules.NOT_BLANK) String customer,
        @NotBlank(message = Rules.NOT_BLANK) String productLine,
        BigDecimal amount,
        String currency,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String dealId,
        Instant occurredAt) {

    public LogProposalCommand toCommand(String activityId) {
        if (amount == null && currency != null) {
            throw new IllegalArgumentException("amount: is required when a currency is given");
        }
        Money proposed = amount == null ? null : new Money(amount, currency);
        return new LogProposalCommand(repId, activityId, customer, productLine, proposed, dealId, occurredAt);
    }
}
