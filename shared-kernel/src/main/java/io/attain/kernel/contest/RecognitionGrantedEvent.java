package io.attain.kernel.contest;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A rep was granted an honorary title or badge outside a contest. */
@Revision("1")
public record RecognitionGrantedEvent(
        String recognitionId,
        String repId,
        String title,
        String reason,
        String grantedBy,
        Instant occurredAt) {
}
