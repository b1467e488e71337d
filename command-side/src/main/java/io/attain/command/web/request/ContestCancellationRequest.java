package io.attain.command.web.request;

import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/** {@code POST /api/v1/contests/{contestId}/cancellation}: the reason. */
public record ContestCancellationRequest(@NotBlank(message = Rules.NOT_BLANK) String reason, Instant occurredAt) {
}
