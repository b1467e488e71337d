package io.attain.command.web.request;

import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/** {@code POST /api/v1/recognitions/{recognitionId}/revocation}: the reason. */
public record RevocationRequest(@NotBlank(message = Rules.NOT_BLANK) String reason, Instant occurredAt) {
}
