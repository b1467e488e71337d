package io.attain.kernel.organisation;

import io.attain.kernel.common.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A rep joined a team; employed from {@code hireDate} (inclusive). */
@Revision("1")
public record RepOnboardedEvent(
        String repId,
        String name,
        Role role,
        String teamId,
        String managerId,
        LocalDate hireDate,
        Instant occurredAt) {
}
