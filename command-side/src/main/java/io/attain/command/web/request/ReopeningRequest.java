package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.ReopenDealCommand;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/** {@code POST /api/v1/deals/{dealId}/reopening}: into {@code stage} (an open stage; NEGOTIATION when not given). */
public record ReopeningRequest(
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String reason,
        Stage stage,
        Instant occurredAt) {

    public ReopenDealCommand toCommand(String dealId) {
        return new ReopenDealCommand(dealId, stage, reason, occurredAt);
    }
}
