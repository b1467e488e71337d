package io.attain.command.web.request;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.attain.kernel.deal.CreditShare;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** One rep's share of a deal's credit, as a percentage, e.g. {@code {"repId": "anna", "percentage": 60}}. */
public record ShareBody(
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.ID_MAX, message = Rules.ID_RULE)
        @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String repId,
        @NotNull(message = Rules.REQUIRED) BigDecimal percentage) {

    public CreditShare toShare() {
        return new CreditShare(repId, percentage);
    }
}
