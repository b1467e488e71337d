package io.attain.command.web.request;

import io.attain.kernel.channel.PartnerKind;
import io.attain.kernel.channel.RegisterPartnerCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** {@code POST /api/v1/partners}: a channel partner (its terms come with its agreement versions). */
public record PartnerRequest(
        @Pattern(regexp = Rules.SOME_TEXT, message = Rules.NOT_BLANK_WHEN_GIVEN) String partnerId,
        @NotBlank(message = Rules.NOT_BLANK) String name,
        @NotNull(message = Rules.REQUIRED) PartnerKind kind,
        Instant occurredAt) {

    public RegisterPartnerCommand toCommand(String id) {
        return new RegisterPartnerCommand(id, name, kind, occurredAt);
    }
}
