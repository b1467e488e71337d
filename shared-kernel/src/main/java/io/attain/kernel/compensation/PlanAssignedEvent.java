package io.attain.kernel.compensation;

import io.attain.kernel.common.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan was assigned to a rep ({@code repId}) or to a role ({@code role}), from a date on.
 *
 * @param repId or {@code null}
 * @param role  or {@code null}
 */
@Revision("1")
public record PlanAssignedEvent(
        String planId,
        String repId,
        Role role,
        LocalDate effectiveFrom,
        Instant occurredAt) {
}
