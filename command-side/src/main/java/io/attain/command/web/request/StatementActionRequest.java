package io.attain.command.web.request;

import java.time.Instant;

/** The body of submitting, approving and locking a statement: only the optional business time. */
public record StatementActionRequest(Instant occurredAt) {
}
