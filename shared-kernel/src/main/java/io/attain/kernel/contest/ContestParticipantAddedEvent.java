package io.attain.kernel.contest;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A rep ({@code repId}) or a team ({@code teamId}; the other is {@code null}) joined a contest. */
@Revision("1")
public record ContestParticipantAddedEvent(
        String contestId,
        String repId,
        String teamId,
        Instant occurredAt) {
}
