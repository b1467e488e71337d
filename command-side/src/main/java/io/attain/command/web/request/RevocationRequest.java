package io.attain.command.web.request;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/** {@code POST /api/v1/recognitions/{recognitionId}/revocation}: the reason. */
public record RevocationRequest(@NotBlank(message = Rules.NOT_BLANK) @Size(max = Rules.TEXT_MAX, message = Rules.TEXT_LENGTH_RULE) @Pattern(regexp = Rules.NO_CONTROL, message = Rules.NO_CONTROL_RULE) String reason, Instant occurredAt) {
}
