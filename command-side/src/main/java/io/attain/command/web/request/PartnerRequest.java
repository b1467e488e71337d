package io.attain.command.web.request;

import jakarta.validation.constraints.Size;
import io.attain.kernel.channel.PartnerKind;
import io.attain.kernel.channel.RegisterPartnerCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/partners}: a channel partner (its terms come with its agreement versions). */
public record PartnerRequest(
        @Size(max = Rules.ID_MAX, message = Rules.ID_RULE) @Pattern(regexp = Rules.ID, message = Rules.ID_RULE)
        String partnerId,
        @NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH_RULE)
        @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE)
        String name,
        @NotNull(message = Rules.REQUIRED) PartnerKind kind,
        Instant occurredAt) {

    public RegisterPartnerCommand toCommand(String id) {
        return new RegisterPartnerCommand(id, name, kind, occurredAt);
    }
}
