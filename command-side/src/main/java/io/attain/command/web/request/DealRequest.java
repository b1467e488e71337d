package io.attain.command.web.request;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.OpenDealCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code POST /api/v1/deals}: opens a deal in {@code stage} (an open stage; LEAD when not given). The
 * deal id is generated when not given.
 */
public record DealRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String dealId,
        @NotBlank(message = Rules.NOT_BLANK) String ownerRepId,
        @NotBlank(message = Rules.NOT_BLANK) String customer,
        @NotBlank(message = Rules.NOT_BLANK) String productLine,
        @NotNull(message = Rules.REQUIRED) Channel channel,
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String partnerId,
        @NotNull(message = Rules.REQUIRED) BigDecimal amount,
        @NotBlank(message = Rules.NOT_BLANK) String currency,
        LocalDate expectedCloseDate,
        Stage stage,
        Instant occurredAt) {

    public OpenDealCommand toCommand(String dealId) {
        return new OpenDealCommand(dealId, ownerRepId, customer, productLine, channel, partnerId,
                new Money(amount, currency), expectedCloseDate, stage, occurredAt);
    }
}
